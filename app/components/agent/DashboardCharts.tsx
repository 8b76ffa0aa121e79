import { BlockStack, Box, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import type { SupportDashboard } from "~/agent/dashboard.server";
import { TitledCard } from "./TitledCard";

type ChartData = Pick<SupportDashboard, "days" | "byCategory" | "guideVisits" | "ticketsOpened">;

interface Bar {
  label: string;
  value: number;
}

/**
 * A bar drawn for sighted readers only: the label and the number beside it are the text every
 * reader gets, so the chart needs no ARIA of its own (axe: "svg-img-alt", "aria-required-children").
 */
function BarTrack({ share, tone }: { share: number; tone: "bg-fill-info" | "bg-fill-success" }) {
  return (
    <div aria-hidden="true" style={{ background: "var(--p-color-bg-surface-secondary)", borderRadius: 4 }}>
      <Box background={tone} minHeight="12px" width={`${Math.round(share * 100)}%`} borderRadius="100" />
    </div>
  );
}

/** Label, number and bar on one row each: labels never overlap, however long or however many. */
function BarList({
  bars,
  tone = "bg-fill-info",
}: {
  bars: Bar[];
  tone?: "bg-fill-info" | "bg-fill-success";
}) {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <BlockStack gap="200">
      {bars.map((bar) => (
        <BlockStack key={bar.label} gap="050">
          <InlineStack align="space-between" gap="200" wrap={false}>
            <Text as="span">{bar.label}</Text>
            <Text as="span" fontWeight="semibold" numeric>
              {String(bar.value)}
            </Text>
          </InlineStack>
          <BarTrack share={bar.value / largest} tone={tone} />
        </BlockStack>
      ))}
    </BlockStack>
  );
}

/** The dashboard's charts, as text with bars. */
export default function DashboardCharts({ dashboard }: { dashboard: ChartData }) {
  const { t } = useTranslation("agent");
  const routed = dashboard.guideVisits + dashboard.ticketsOpened;
  const percent = (value: number) => (routed === 0 ? "—" : `${Math.round((value / routed) * 100)}%`);
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <TitledCard title={t("dashboard.byCategory")}>
          {dashboard.byCategory.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("dashboard.noData")}
            </Text>
          ) : (
            <BarList
              bars={dashboard.byCategory.map((row) => ({
                label: t(`support:categories.${row.category}.label`),
                value: row.tickets,
              }))}
            />
          )}
        </TitledCard>
        <TitledCard title={t("dashboard.guideShareChart")}>
          <BarList
            bars={[
              {
                label: `${t("dashboard.sentToGuides")} (${percent(dashboard.guideVisits)})`,
                value: dashboard.guideVisits,
              },
              {
                label: `${t("dashboard.loggedAsTickets")} (${percent(dashboard.ticketsOpened)})`,
                value: dashboard.ticketsOpened,
              },
            ]}
            tone="bg-fill-success"
          />
        </TitledCard>
      </InlineGrid>
      <TitledCard title={t("dashboard.perDay")}>
        {dashboard.days.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("dashboard.noData")}
          </Text>
        ) : (
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {t("dashboard.opened")}
              </Text>
              <BarList bars={dashboard.days.map((day) => ({ label: day.day, value: day.opened }))} />
            </BlockStack>
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {t("dashboard.closed")}
              </Text>
              <BarList
                bars={dashboard.days.map((day) => ({ label: day.day, value: day.closed }))}
                tone="bg-fill-success"
              />
            </BlockStack>
          </InlineGrid>
        )}
      </TitledCard>
    </BlockStack>
  );
}
