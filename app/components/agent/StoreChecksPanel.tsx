import { useFetcher } from "@remix-run/react";
import { Button, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { CSRF_FIELD } from "~/agent/csrf";
import { StoreCheckFindings } from "~/components/support/StoreCheckFindings";
import { readReport } from "~/support/store-checks/findings";
import { TitledCard } from "./TitledCard";
import { useConsole } from "./use-console";

/** Admin pages as an agent outside the embedded app opens them: admin.shopify.com with the store's handle. */
function adminUrl(shop: string) {
  const store = shop.replace(/\.myshopify\.com$/, "");
  return (link: string) => link.replace(/^shopify:admin\//, `https://admin.shopify.com/store/${store}/`);
}

/** What the store checks found, as the merchant saw them or as an agent last ran them, and the re-run. */
export function StoreChecksPanel({ ticket }: { ticket: { shop: string; storeChecks: unknown } }) {
  const { t } = useTranslation("support");
  const { csrfToken } = useConsole();
  const rerun = useFetcher({ key: "ticket-rerun_checks" });
  const report = readReport(ticket.storeChecks);
  return (
    <TitledCard title={t("storeChecks.agentTitle")}>
      {report ? (
        <StoreCheckFindings report={report} linkFor={adminUrl(ticket.shop)} />
      ) : (
        <Text as="p" tone="subdued">
          {t("storeChecks.agentNone")}
        </Text>
      )}
      <Button
        loading={rerun.state !== "idle"}
        onClick={() => rerun.submit({ intent: "rerun_checks", [CSRF_FIELD]: csrfToken }, { method: "post" })}
      >
        {t("storeChecks.rerun")}
      </Button>
    </TitledCard>
  );
}
