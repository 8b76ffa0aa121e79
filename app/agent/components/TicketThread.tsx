import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { MessageBody } from "~/components/support/MessageBody";
import { MessageCard } from "~/components/support/MessageCard";
import { formatDateTime } from "~/components/support/format";
import type { AgentTicket } from "../agent-tickets.server";

type Thread = Pick<AgentTicket, "description" | "orderId" | "createdAt" | "shopName" | "messages">;

/** The merchant's problem and the conversation since, all of it rendered as plain text. */
export function TicketThread({ ticket }: { ticket: Thread }) {
  const { t, i18n } = useTranslation("agent");
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="200">
          <InlineStack gap="200" align="space-between" blockAlign="center">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h2" variant="headingSm">
                {t("ticket.problem")}
              </Text>
              {ticket.orderId ? <Badge>{ticket.orderId}</Badge> : null}
            </InlineStack>
            <Text as="span" tone="subdued">
              {formatDateTime(ticket.createdAt, i18n.language)}
            </Text>
          </InlineStack>
          <MessageBody text={ticket.description} />
        </BlockStack>
      </Card>
      {ticket.messages.map((message) => (
        <MessageCard
          key={message.id}
          author={
            message.authorType === "agent"
              ? t("ticket.agentMessage", { name: message.agentName ?? t("ticket.formerAgent") })
              : t("ticket.merchantMessage", { shopName: ticket.shopName })
          }
          createdAt={message.createdAt}
          body={message.body}
          fromAgent={message.authorType === "agent"}
          locale={i18n.language}
        />
      ))}
    </BlockStack>
  );
}
