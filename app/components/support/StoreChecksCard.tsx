import { Form, useFetcher } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Spinner, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { action as checksAction } from "~/routes/app.support.checks";
import type { StoreCheckReport } from "~/support/store-checks/findings";
import type { CategoryId } from "~/support/taxonomy";
import { GrantButton, StoreCheckFindings, needsGrant } from "./StoreCheckFindings";

interface Props {
  category: CategoryId;
  description: string;
  orderId: string;
  /** The merchant still needs SPL: the ticket form opens and carries the report. */
  onOpenTicket: () => void;
  onReport: (report: StoreCheckReport) => void;
}

/** Runs the store checks for the problem the merchant described and offers "This fixed it". */
export function StoreChecksCard({ category, description, orderId, onOpenTicket, onReport }: Props) {
  const { t } = useTranslation("support");
  const checks = useFetcher<typeof checksAction>({ key: "store-checks" });
  const report = checks.data?.report ?? null;

  useEffect(() => {
    checks.submit({ category, description, orderId }, { method: "post", action: "/app/support/checks" });
    // Once per problem: the page opens with one category and one description.
  }, [category]);

  useEffect(() => {
    if (report) onReport(report);
  }, [report, onReport]);

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("storeChecks.heading")}
        </Text>
        <Text as="p">{t("storeChecks.intro")}</Text>
        {report ? (
          <StoreCheckFindings
            report={report}
            actions={
              <InlineStack gap="200">
                <Form method="post" action="/app/support/self-help">
                  <input type="hidden" name="report" value={JSON.stringify(report)} />
                  <Button submit variant="primary">
                    {t("storeChecks.fixedIt")}
                  </Button>
                </Form>
                <Button onClick={onOpenTicket}>{t("storeChecks.openTicket")}</Button>
                {needsGrant(report) ? (
                  <GrantButton
                    onGrant={() =>
                      checks.submit(
                        { intent: "grant", category, description, orderId },
                        { method: "post", action: "/app/support/checks" },
                      )
                    }
                  />
                ) : null}
              </InlineStack>
            }
          />
        ) : checks.state === "idle" && checks.data ? (
          <InlineStack gap="200">
            <Text as="p">{t("storeChecks.unchecked.error", { check: t("storeChecks.groups.access") })}</Text>
            <Button onClick={onOpenTicket}>{t("storeChecks.openTicket")}</Button>
          </InlineStack>
        ) : (
          <InlineStack gap="200" blockAlign="center">
            <Spinner size="small" accessibilityLabel={t("storeChecks.running")} />
            <Text as="span">{t("storeChecks.running")}</Text>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}
