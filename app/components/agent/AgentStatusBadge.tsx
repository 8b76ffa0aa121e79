import { Badge, type BadgeProps } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { TicketStatus } from "~/support/tickets/status";

const TONES: Record<TicketStatus, BadgeProps["tone"]> = {
  new: "attention",
  open: "info",
  pending_merchant: "warning",
  resolved: "success",
  closed: undefined,
};

export function AgentStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation("agent");
  return <Badge tone={TONES[status]}>{t(`statuses.${status}`)}</Badge>;
}
