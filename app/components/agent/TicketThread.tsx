import { BlockStack, Card, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { TicketConversation } from "~/components/support/TicketConversation";
import { MessageBody } from "~/components/support/MessageBody";
import type { AgentTicket } from "~/agent/agent-tickets.server";
import { AttachmentLinks } from "./AttachmentLinks";

type Thread = Pick<
  AgentTicket,
  "description" | "orderId" | "createdAt" | "shopName" | "messages" | "attachments" | "satisfaction"
>;

/**
 * The merchant's problem and the conversation since, with the agent's names for who wrote what, the
 * files each reply carried under it (the facts card lists every file), and the merchant's answer to "Did this solve your problem?" once they gave it.
 */
export function TicketThread({ ticket, timeZone }: { ticket: Thread; timeZone?: string | null }) {
  const { t, i18n } = useTranslation("agent");
  return (
    <BlockStack gap="400">
      <TicketConversation
        heading={t("ticket.problem")}
        ticket={ticket}
        reportedAt={ticket.createdAt}
        authorOf={(message) =>
          message.authorType === "agent"
            ? t("ticket.agentMessage", { name: message.agentName ?? t("ticket.formerAgent") })
            : t("ticket.merchantMessage", { shopName: ticket.shopName })
        }
        locale={i18n.language}
        timeZone={timeZone}
        filesOf={(message) => {
          const files = ticket.attachments.filter((file) => file.messageId === message.id);
          return files.length > 0 ? <AttachmentLinks attachments={files} /> : null;
        }}
      />
      {ticket.satisfaction ? (
        <Card
          background={ticket.satisfaction.answer === "good" ? "bg-surface-success" : "bg-surface-warning"}
        >
          <BlockStack gap="100">
            <Text as="h2" variant="headingSm">
              {t("satisfaction.title")}
            </Text>
            <Text as="p">
              {`${t("satisfaction.question")} ${t(`satisfaction.${ticket.satisfaction.answer}`)}`}
            </Text>
            {ticket.satisfaction.comment ? (
              <BlockStack gap="050">
                <Text as="p" tone="subdued">
                  {t("satisfaction.comment")}
                </Text>
                <MessageBody text={ticket.satisfaction.comment} />
              </BlockStack>
            ) : null}
          </BlockStack>
        </Card>
      ) : null}
    </BlockStack>
  );
}
