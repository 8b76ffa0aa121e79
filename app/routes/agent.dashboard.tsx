import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import {
  BlockStack,
  Box,
  Card,
  DataTable,
  IndexTable,
  InlineGrid,
  Link,
  Page,
  Select,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import { Suspense, lazy, useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { AgentStatusBadge } from "~/components/agent/AgentStatusBadge";
import { formatAge, formatDuration } from "~/components/format";
import { DASHBOARD_PERIODS, type DashboardPeriod } from "~/agent/dashboard-periods";
import { supportDashboard } from "~/agent/dashboard.server";
import { requireAgent } from "~/agent/session.server";
import { db } from "~/db.server";
import { readQuery } from "~/http/input.server";
import { formatTicketNumber } from "~/support/tickets/number";

const DashboardCharts = lazy(() => import("~/components/agent/DashboardCharts"));

const paramsSchema = z.object({
  days: z.coerce
    .number()
    .refine((days): days is DashboardPeriod => (DASHBOARD_PERIODS as readonly number[]).includes(days))
    .catch(30),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAgent(db, request);
  const { days } = paramsSchema.parse(readQuery(request));
  return {
    days,
    dashboard: await supportDashboard(db, { days }),
    now: new Date().toISOString(),
  };
};

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Metric({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingXl">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {help}
        </Text>
      </BlockStack>
    </Card>
  );
}

export default function Dashboard() {
  const { t } = useTranslation("agent");
  const { days, dashboard, now } = useLoaderData<typeof loader>();
  const [, setSearchParams] = useSearchParams();
  const hydrated = useHydrated();
  const duration = (ms: number | null) => (ms === null ? "—" : formatDuration(ms, t));
  const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

  return (
    <Page
      title={t("dashboard.title")}
      subtitle={t("dashboard.period", { count: days })}
      primaryAction={
        <Select
          label={t("dashboard.periodLabel")}
          labelInline
          options={DASHBOARD_PERIODS.map((period) => ({
            label: t("dashboard.lastDays", { count: period }),
            value: String(period),
          }))}
          value={String(days)}
          onChange={(value) => setSearchParams({ days: value })}
        />
      }
    >
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="400">
          <Metric
            label={t("dashboard.opened")}
            value={String(dashboard.ticketsOpened)}
            help={t("dashboard.openedHelp")}
          />
          <Metric
            label={t("dashboard.closed")}
            value={String(dashboard.ticketsClosed)}
            help={t("dashboard.closedHelp")}
          />
          <Metric
            label={t("dashboard.firstReply")}
            value={duration(dashboard.medianFirstReplyMs)}
            help={t("dashboard.medianHelp")}
          />
          <Metric
            label={t("dashboard.timeToClose")}
            value={duration(dashboard.medianCloseMs)}
            help={t("dashboard.medianHelp")}
          />
          <Metric
            label={t("dashboard.guideShare")}
            value={dashboard.guideShare === null ? "—" : `${Math.round(dashboard.guideShare * 100)}%`}
            help={t("dashboard.guideShareHelp", {
              guides: dashboard.guideVisits,
              tickets: dashboard.ticketsOpened,
            })}
          />
          <Metric
            label={t("dashboard.onTime")}
            value={percent(dashboard.responses.share)}
            help={t("dashboard.onTimeHelp", {
              met: dashboard.responses.met,
              total: dashboard.responses.total,
            })}
          />
          <Metric
            label={t("dashboard.overdue")}
            value={String(dashboard.overdueNow)}
            help={t("dashboard.overdueHelp")}
          />
          <Metric
            label={t("dashboard.satisfaction")}
            value={percent(dashboard.satisfaction.goodShare)}
            help={t("dashboard.satisfactionHelp", {
              good: dashboard.satisfaction.counts.good,
              total: dashboard.satisfaction.total,
            })}
          />
        </InlineGrid>
        {hydrated ? (
          <Suspense fallback={<SkeletonBodyText lines={8} />}>
            <DashboardCharts dashboard={dashboard} />
          </Suspense>
        ) : (
          <Card>
            <SkeletonBodyText lines={8} />
          </Card>
        )}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("dashboard.selfHelpTitle")}
            </Text>
            <Text as="p" tone="subdued">
              {t("dashboard.selfHelpHelp")}
            </Text>
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "numeric"]}
              headings={[
                t("dashboard.selfHelpColumns.category"),
                t("dashboard.selfHelpColumns.selfHelp"),
                t("dashboard.selfHelpColumns.tickets"),
                t("dashboard.selfHelpColumns.share"),
              ]}
              rows={dashboard.selfHelpByCategory.map((row) => [
                t(`support:categories.${row.category}.label`),
                row.selfHelp,
                row.tickets,
                row.selfHelp + row.tickets === 0
                  ? "—"
                  : `${Math.round((row.selfHelp / (row.selfHelp + row.tickets)) * 100)}%`,
              ])}
            />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingSm">
              {t("dashboard.triage.title")}
            </Text>
            <Text as="p">
              {dashboard.triage.rate === null
                ? t("dashboard.triage.noData")
                : t("dashboard.triage.agreement", {
                    percent: Math.round(dashboard.triage.rate * 100),
                    agreed: dashboard.triage.agreed,
                    total: dashboard.triage.decided,
                  })}
            </Text>
            <Text as="p" tone="subdued">
              {t("dashboard.triage.help")}
            </Text>
            <Text as="h3" variant="headingXs">
              {t("dashboard.triage.confusions")}
            </Text>
            {dashboard.triage.confusions.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("dashboard.triage.noConfusions")}
              </Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "numeric"]}
                headings={[
                  t("dashboard.triage.columns.suggested"),
                  t("dashboard.triage.columns.final"),
                  t("dashboard.triage.columns.tickets"),
                ]}
                rows={dashboard.triage.confusions.map((row) => [
                  t(`support:categories.${row.suggested}.label`),
                  t(`support:categories.${row.final}.label`),
                  row.tickets,
                ])}
              />
            )}
          </BlockStack>
        </Card>
        <Card padding="0">
          <BlockStack gap="200">
            <Box padding="400" paddingBlockEnd="0">
              <Text as="h2" variant="headingSm">
                {t("dashboard.oldestUnanswered")}
              </Text>
            </Box>
            <IndexTable
              resourceName={{ singular: t("queue.resource.singular"), plural: t("queue.resource.plural") }}
              itemCount={dashboard.oldestUnanswered.length}
              selectable={false}
              headings={[
                { title: t("queue.columns.ticket") },
                { title: t("queue.columns.shop") },
                { title: t("queue.columns.category") },
                { title: t("queue.columns.status") },
                { title: t("queue.columns.assignee") },
                { title: t("dashboard.waiting") },
              ]}
              emptyState={
                <Text as="p" tone="subdued" alignment="center">
                  {t("dashboard.nothingWaiting")}
                </Text>
              }
            >
              {dashboard.oldestUnanswered.map((ticket, index) => (
                <IndexTable.Row id={ticket.id} key={ticket.id} position={index}>
                  <IndexTable.Cell>
                    <Link url={`/agent/tickets/${ticket.id}`} removeUnderline dataPrimaryLink>
                      {formatTicketNumber(ticket.number)}
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{ticket.shopName}</IndexTable.Cell>
                  <IndexTable.Cell>{t(`support:categories.${ticket.category}.label`)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <AgentStatusBadge status={ticket.status} />
                  </IndexTable.Cell>
                  <IndexTable.Cell>{ticket.assigneeName ?? t("queue.assignee.none")}</IndexTable.Cell>
                  <IndexTable.Cell>{formatAge(ticket.lastActivityAt, now, t)}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
