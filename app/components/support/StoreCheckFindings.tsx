import { Badge, BlockStack, Box, Button, Divider, InlineStack, Link, List, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Finding, StoreCheckReport } from "~/support/store-checks/findings";
import { RULE_SOURCES } from "~/support/store-checks/rules";
import { SOURCES } from "~/support/store-checks/sources";

const TONE = { attention: "warning", unchecked: "info", passed: "success" } as const;

function FindingRow({ finding, linkFor }: { finding: Finding; linkFor: (link: string) => string }) {
  const { t } = useTranslation("support");
  const values = { subject: finding.subject ?? "", ...finding.params };
  const text =
    finding.outcome === "unchecked"
      ? t(`storeChecks.unchecked.${finding.reason ?? "error"}`, {
          check: t(`storeChecks.groups.${finding.group ?? "access"}`),
          ...values,
        })
      : t(`storeChecks.rules.${finding.rule}.${finding.outcome}`, values);
  const sources = finding.rule && finding.outcome === "attention" ? RULE_SOURCES[finding.rule] : [];
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center" wrap={false}>
        <Badge tone={TONE[finding.outcome]}>{t(`storeChecks.outcomes.${finding.outcome}`)}</Badge>
        <Text as="span" fontWeight={finding.outcome === "attention" ? "semibold" : "regular"}>
          {text}
        </Text>
      </InlineStack>
      {finding.outcome === "attention" && finding.rule ? (
        <Text as="p" tone="subdued">
          {t(`storeChecks.rules.${finding.rule}.fix`, values)}
        </Text>
      ) : null}
      <InlineStack gap="300">
        {finding.link && finding.outcome !== "passed" ? (
          <Link url={linkFor(finding.link)}>
            {t(`storeChecks.links.${finding.link.split("/")[1] ?? "orders"}`)}
          </Link>
        ) : null}
        {sources.map((id) => (
          <Link key={id} url={SOURCES[id].url} target="_blank" monochrome>
            {t("storeChecks.source", { name: SOURCES[id].name })}
          </Link>
        ))}
      </InlineStack>
    </BlockStack>
  );
}

/**
 * "We checked your store": what needs attention first with its fix and admin link, then what could
 * not be checked, then what passed. The merchant sees it before the ticket form; agents on the ticket.
 */
export function StoreCheckFindings({
  report,
  actions,
  linkFor = (link) => link,
}: {
  report: StoreCheckReport;
  actions?: ReactNode;
  /** Where an admin link leads: App Bridge's `shopify:admin` inside the app, admin.shopify.com for agents. */
  linkFor?: (link: string) => string;
}) {
  const { t, i18n } = useTranslation("support");
  const group = (outcome: Finding["outcome"]) =>
    report.findings.filter((finding) => finding.outcome === outcome);
  const attention = group("attention");
  const unchecked = group("unchecked");
  const passed = group("passed");
  return (
    <BlockStack gap="300">
      <Text as="p" tone="subdued">
        {t("storeChecks.summary", {
          attention: attention.length,
          unchecked: unchecked.length,
          passed: passed.length,
          time: new Date(report.ranAt).toLocaleString(i18n.language),
        })}
      </Text>
      {[...attention, ...unchecked].map((finding, index) => (
        <Box key={index}>
          <FindingRow finding={finding} linkFor={linkFor} />
        </Box>
      ))}
      {passed.length ? (
        <>
          <Divider />
          <Text as="h3" variant="headingSm">
            {t("storeChecks.passedHeading", { count: passed.length })}
          </Text>
          <List>
            {passed.map((finding, index) => (
              <List.Item key={index}>
                {t(`storeChecks.rules.${finding.rule}.passed`, {
                  subject: finding.subject ?? "",
                  ...finding.params,
                })}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {actions}
    </BlockStack>
  );
}

/** A check that lacks a scope: the button asks Shopify for it (the checks route's `grant` intent). */
export function needsGrant(report: StoreCheckReport) {
  return report.findings.some(
    (finding) =>
      finding.reason === "missing_scope" ||
      (finding.rule === "app_scopes" && finding.outcome === "attention"),
  );
}

export function GrantButton({ onGrant }: { onGrant: () => void }) {
  const { t } = useTranslation("support");
  return <Button onClick={onGrant}>{t("storeChecks.grant")}</Button>;
}
