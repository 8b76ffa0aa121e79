import { BlockStack, Box, InlineGrid } from "@shopify/polaris";
import { DonutChart, LineChart, PolarisVizProvider, SimpleBarChart } from "@shopify/polaris-viz";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SupportDashboard } from "~/agent/dashboard.server";
import { TitledCard } from "./TitledCard";

type ChartData = Pick<SupportDashboard, "days" | "byCategory" | "byRoute" | "guideVisits" | "ticketsOpened">;

function ChartCard({
  title,
  height = "280px",
  children,
}: {
  title: string;
  height?: string;
  children: ReactNode;
}) {
  return (
    <TitledCard title={title}>
      <Box minHeight={height}>{children}</Box>
    </TitledCard>
  );
}

/** The dashboard's charts. Browser only: polaris-viz measures the page to draw. */
export default function DashboardCharts({ dashboard }: { dashboard: ChartData }) {
  const { t } = useTranslation("agent");
  const empty = t("dashboard.noData");
  return (
    <PolarisVizProvider>
      <BlockStack gap="400">
        <ChartCard title={t("dashboard.perDay")}>
          <LineChart
            theme="Light"
            emptyStateText={empty}
            data={[
              {
                name: t("dashboard.opened"),
                data: dashboard.days.map((day) => ({ key: day.day, value: day.opened })),
              },
              {
                name: t("dashboard.closed"),
                data: dashboard.days.map((day) => ({ key: day.day, value: day.closed })),
              },
            ]}
          />
        </ChartCard>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <ChartCard title={t("dashboard.byCategory")} height="400px">
            <SimpleBarChart
              theme="Light"
              showLegend={false}
              data={[
                {
                  name: t("dashboard.tickets"),
                  data: dashboard.byCategory.map((row) => ({
                    key: t(`support:categories.${row.category}.label`),
                    value: row.tickets,
                  })),
                },
              ]}
            />
          </ChartCard>
          <ChartCard title={t("dashboard.byRoute")}>
            <DonutChart
              theme="Light"
              data={dashboard.byRoute.map((row) => ({
                name: t(`support:routes.${row.route}`),
                data: [{ key: row.route, value: row.tickets }],
              }))}
            />
          </ChartCard>
        </InlineGrid>
        <ChartCard title={t("dashboard.guideShareChart")}>
          <DonutChart
            theme="Light"
            data={[
              { name: t("dashboard.sentToGuides"), data: [{ key: "guides", value: dashboard.guideVisits }] },
              {
                name: t("dashboard.loggedAsTickets"),
                data: [{ key: "tickets", value: dashboard.ticketsOpened }],
              },
            ]}
          />
        </ChartCard>
      </BlockStack>
    </PolarisVizProvider>
  );
}
