import { BlockStack } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { TicketConversation } from "~/components/support/TicketConversation";
import type { AgentTicket } from "~/agent/agent-tickets.server";

type Thread = Pick<AgentTicket, "description" | "orderId" | "createdAt" | "shopName" | "messages">;

/** The merchant's problem and the conversation since, with the agent's names for who wrote what. */
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
      />
    </BlockStack>
  );
}
