import { Badge } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { MerchantStatus } from "~/support/tickets/status";

/** Yellow only when it is the merchant's turn: the one status that asks them to act. */
const TONES = {
  sent: undefined,
  in_progress: "info",
  awaiting_reply: "attention",
  closed: undefined,
} as const;

export function StatusBadge({ status }: { status: MerchantStatus }) {
  const { t } = useTranslation("support");
  return <Badge tone={TONES[status]}>{t(`statuses.${status}`)}</Badge>;
}
