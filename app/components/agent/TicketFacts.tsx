import { BlockStack, DescriptionList, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { AgentTicket } from "~/agent/agent-tickets.server";
import { AttachmentLinks } from "./AttachmentLinks";
import { JsonDetails } from "./JsonDetails";
import { TitledCard } from "./TitledCard";

type Facts = Pick<
  AgentTicket,
  | "shop"
  | "shopName"
  | "contactEmail"
  | "tiktokUsername"
  | "locale"
  | "orderId"
  | "orderSummary"
  | "diagnostics"
  | "attachments"
  | "entities"
>;

const ENTITY_KINDS = ["orderNumbers", "trackingNumbers", "skus", "productNames"] as const;

/** Who is asking and the context the app gathered, so the agent need not ask again. */
export function TicketFacts({ ticket }: { ticket: Facts }) {
  const { t } = useTranslation("agent");
  const none = "—";
  // What the merchant's text names, read by the server when the ticket was created.
  const named = ticket.entities;
  const namedKinds = ENTITY_KINDS.filter((kind) => named[kind].length > 0);
  // The replies' files are under their messages in the thread.
  const formFiles = ticket.attachments.filter((file) => file.messageId === null);
  return (
    <BlockStack gap="400">
      <TitledCard gap="200" title={t("ticket.merchant")}>
        <DescriptionList
          gap="tight"
          items={[
            { term: t("ticket.shopName"), description: ticket.shopName },
            { term: t("ticket.shopDomain"), description: ticket.shop },
            { term: t("ticket.contactEmail"), description: ticket.contactEmail },
            {
              term: t("ticket.tiktokUsername"),
              description: ticket.tiktokUsername ? `@${ticket.tiktokUsername}` : none,
            },
            { term: t("ticket.locale"), description: ticket.locale },
          ]}
        />
      </TitledCard>
      <TitledCard
        gap="200"
        title={ticket.orderId ? t("ticket.orderTitle", { orderId: ticket.orderId }) : t("ticket.order")}
      >
        <JsonDetails
          value={ticket.orderSummary}
          empty={
            ticket.orderId
              ? t("ticket.orderNotLooked")
              : named.orderNumbers.length
                ? t("ticket.orderNamed", { orders: named.orderNumbers.join(", ") })
                : t("ticket.noOrder")
          }
        />
      </TitledCard>
      <TitledCard gap="200" title={t("ticket.named.title")}>
        {namedKinds.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("ticket.named.nothing")}
          </Text>
        ) : (
          <DescriptionList
            gap="tight"
            items={namedKinds.map((kind) => ({
              term: t(`ticket.named.${kind}`),
              description: named[kind].join(", "),
            }))}
          />
        )}
      </TitledCard>
      <TitledCard gap="200" title={t("ticket.diagnostics")}>
        <JsonDetails
          value={ticket.diagnostics}
          empty={t("ticket.noDiagnostics")}
          labelOf={(key) => t(`diagnosticsLabels.${key}`, { defaultValue: key })}
        />
      </TitledCard>
      <TitledCard gap="200" title={t("ticket.attachments")}>
        {formFiles.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("ticket.noAttachments")}
          </Text>
        ) : (
          <AttachmentLinks attachments={formFiles} />
        )}
      </TitledCard>
    </BlockStack>
  );
}
