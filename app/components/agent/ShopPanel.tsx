import { Badge, BlockStack, DescriptionList, InlineStack, Link, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { ShopHistory, ShopInstallDates } from "~/agent/shop-history.server";
import { formatTicketNumber } from "~/support/tickets/number";
import { formatDateTime } from "../format";
import { AgentStatusBadge } from "./AgentStatusBadge";
import { TitledCard } from "./TitledCard";

interface ShopFacts {
  shopName: string;
  locale: string;
  diagnostics: unknown;
}

/** The diagnostics the ticket form records (ticket module's Diagnostics), read defensively from Json. */
function diagnosticsOf(value: unknown): { shopPlan?: string; timezone?: string } {
  if (!value || typeof value !== "object") return {};
  const { shopPlan, timezone } = value as Record<string, unknown>;
  return {
    ...(typeof shopPlan === "string" ? { shopPlan } : {}),
    ...(typeof timezone === "string" ? { timezone } : {}),
  };
}

/**
 * The shop behind the ticket: when it installed the app, plan, language, time zone, and its other
 * tickets with their store checks.
 */
export function ShopPanel({
  ticket,
  history,
  install,
  timeZone,
}: {
  ticket: ShopFacts;
  history: ShopHistory;
  /** Null for a shop installed before install dates were recorded. */
  install?: ShopInstallDates;
  /** The agent's, for dates; UTC when unknown. */
  timeZone?: string | null;
}) {
  const { t, i18n } = useTranslation("agent");
  const diagnostics = diagnosticsOf(ticket.diagnostics);
  const none = "—";
  return (
    <TitledCard gap="200" title={t("shopPanel.title", { shop: ticket.shopName })}>
      <DescriptionList
        gap="tight"
        items={[
          {
            term: t("shopPanel.installed"),
            description: install ? formatDateTime(install.installedAt, i18n.language, timeZone) : none,
          },
          ...(install?.uninstalledAt
            ? [
                {
                  term: t("shopPanel.uninstalled"),
                  description: formatDateTime(install.uninstalledAt, i18n.language, timeZone),
                },
              ]
            : []),
          { term: t("shopPanel.plan"), description: diagnostics.shopPlan ?? none },
          { term: t("shopPanel.language"), description: ticket.locale },
          { term: t("shopPanel.timezone"), description: diagnostics.timezone ?? none },
        ]}
      />
      <Text as="h3" variant="headingSm">
        {t("shopPanel.otherTickets")}
      </Text>
      {history.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("shopPanel.noOtherTickets")}
        </Text>
      ) : (
        <BlockStack gap="200">
          {history.map((other) => (
            <BlockStack key={other.id} gap="050">
              <InlineStack gap="200" blockAlign="center">
                <Link url={`/agent/tickets/${other.id}`}>{formatTicketNumber(other.number)}</Link>
                <AgentStatusBadge status={other.status} />
              </InlineStack>
              <Text as="p" tone="subdued" variant="bodySm">
                {`${t(`support:categories.${other.category}.label`)} · ${formatDateTime(other.createdAt, i18n.language, timeZone)}`}
              </Text>
              {other.storeChecks ? (
                <InlineStack>
                  <Badge tone={other.storeChecks.attention > 0 ? "warning" : "success"}>
                    {t("shopPanel.storeChecks", {
                      attention: other.storeChecks.attention,
                      total: other.storeChecks.total,
                    })}
                  </Badge>
                </InlineStack>
              ) : null}
            </BlockStack>
          ))}
        </BlockStack>
      )}
    </TitledCard>
  );
}
