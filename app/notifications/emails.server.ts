import { config } from "~/config.server";
import { createI18n, type TFunction } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { resourcesFor } from "~/i18n/resources.server";
import type { Email } from "./outbox.server";

/** What an email says about a ticket; the ticket module tells it, this folder never reads tickets. */
export interface TicketFacts {
  id: string;
  /** The ticket's number as merchants and agents quote it (SPL-1042). */
  reference: string;
  shop: string;
  shopName: string;
  category: string;
  description: string;
  contactEmail: string;
  locale: string;
}

const translators = new Map<Locale, TFunction>();

/** One translator per language for the process: emails are written on the ticket's hot path. */
function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale, resourcesFor(locale, ["emails", "support"])).t;
    translators.set(locale, t);
  }
  return t;
}

/**
 * The ticket inside Shopify admin: the address @shopify/shopify-api's getEmbeddedAppUrl gives an
 * embedded app (admin.shopify.com/store/<store>/apps/<client id>), followed by the app's own path.
 */
export function merchantTicketLink(ticket: Pick<TicketFacts, "id" | "shop">): string {
  const store = ticket.shop.replace(/\.myshopify\.com$/, "");
  return `https://admin.shopify.com/store/${store}/apps/${config().SHOPIFY_API_KEY}/app/support/tickets/${ticket.id}`;
}

/** The ticket in the agent console, which is served by the app itself. */
export function agentTicketLink(ticket: Pick<TicketFacts, "id">): string {
  return new URL(`/agent/tickets/${ticket.id}`, config().SHOPIFY_APP_URL).toString();
}

/** SPL's team reads new-ticket alerts in English, whatever the merchant's language. */
export function ticketCreatedEmail(ticket: TicketFacts): Email {
  const t = translator("en");
  const number = ticket.reference;
  return {
    shop: ticket.shop,
    to: config().SPL_SUPPORT_INBOX,
    subject: t("emails:ticketCreated.subject", { number, shopName: ticket.shopName }),
    body: t("emails:ticketCreated.body", {
      number,
      shopName: ticket.shopName,
      shop: ticket.shop,
      category: t(`support:categories.${ticket.category}.label`),
      contactEmail: ticket.contactEmail,
      description: ticket.description,
      link: agentTicketLink(ticket),
    }),
  };
}

/**
 * An email to the merchant about their ticket, in the language they wrote it in, with the link that
 * opens it inside Shopify admin; `key` names its subject and body, `fields` what else the body says.
 */
function merchantEmail(
  ticket: TicketFacts,
  locale: Locale,
  key: "ticketAcknowledged" | "agentReply" | "ticketResolved",
  fields: Record<string, string> = {},
): Email {
  const t = translator(locale);
  const number = ticket.reference;
  return {
    shop: ticket.shop,
    to: ticket.contactEmail,
    subject: t(`emails:${key}.subject`, { number }),
    body: t(`emails:${key}.body`, {
      number,
      shopName: ticket.shopName,
      link: merchantTicketLink(ticket),
      ...fields,
    }),
  };
}

/** The merchant's receipt for a new ticket. */
export function ticketAcknowledgedEmail(ticket: TicketFacts, locale: Locale): Email {
  const category = translator(locale)(`support:categories.${ticket.category}.label`);
  return merchantEmail(ticket, locale, "ticketAcknowledged", { category });
}

/** The merchant hears about an agent's reply. */
export function agentReplyEmail(ticket: TicketFacts, reply: string, locale: Locale): Email {
  return merchantEmail(ticket, locale, "agentReply", { reply });
}

/** The merchant hears that SPL considers the problem solved, and how to say it is not. */
export function ticketResolvedEmail(ticket: TicketFacts, locale: Locale): Email {
  return merchantEmail(ticket, locale, "ticketResolved");
}

/**
 * A merchant's reply goes to the agent the ticket is assigned to, or to the team inbox when nobody
 * has it; agents read it in English.
 */
export function merchantReplyEmail(ticket: TicketFacts, reply: string, assigneeEmail: string | null): Email {
  const t = translator("en");
  const number = ticket.reference;
  return {
    shop: ticket.shop,
    to: assigneeEmail ?? config().SPL_SUPPORT_INBOX,
    subject: t("emails:merchantReply.subject", { number, shopName: ticket.shopName }),
    body: t("emails:merchantReply.body", {
      number,
      reply,
      shopName: ticket.shopName,
      shop: ticket.shop,
      link: agentTicketLink(ticket),
    }),
  };
}
