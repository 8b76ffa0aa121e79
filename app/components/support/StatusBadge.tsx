import { Badge } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import type { MerchantStatus } from "~/support/tickets/status";

const TONES = { unread: "attention", in_progress: "info", closed: undefined } as const;

export function StatusBadge({ status }: { status: MerchantStatus }) {
  const { t } = useTranslation("support");
  return <Badge tone={TONES[status]}>{t(`statuses.${status}`)}</Badge>;
}
