import type { i18n } from "i18next";
import { config } from "~/config.server";
import { createI18n } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { resourcesFor } from "~/i18n/resources.server";
import type { Email } from "./outbox.server";

/** What an email says about a ticket; the ticket module tells it, this folder never reads tickets. */
export interface TicketFacts {
  /** The ticket's number as merchants and agents quote it (SPL-1042). */
  reference: string;
  shop: string;
  shopName: string;
  category: string;
  description: string;
  contactEmail: string;
  locale: string;
}

const translators = new Map<Locale, i18n["t"]>();

/** One translator per language for the process: emails are written on the ticket's hot path. */
function translator(locale: Locale): i18n["t"] {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale, resourcesFor(locale, ["emails", "support"])).t;
    translators.set(locale, t);
  }
  return t;
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
    }),
  };
}

/** The merchant hears about an agent's reply in the language they wrote the ticket in. */
export function agentReplyEmail(ticket: TicketFacts, reply: string, locale: Locale): Email {
  const t = translator(locale);
  const number = ticket.reference;
  return {
    shop: ticket.shop,
    to: ticket.contactEmail,
    subject: t("emails:agentReply.subject", { number }),
    body: t("emails:agentReply.body", { number, reply, shopName: ticket.shopName }),
  };
}
