import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineStack,
  Link,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
  useBreakpoints,
} from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime } from "~/components/format";
import { StatusBadge } from "~/components/support/StatusBadge";
import { TruncatedText } from "~/components/support/TruncatedText";
import { db } from "~/db.server";
import { badRequest, readQuery } from "~/http/input.server";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";
import { shopInfoFor } from "~/shopify/admin-data.server";
import { excerpt } from "~/support/excerpt";
import { logFilterSchema, toTicketLogFilter } from "~/support/tickets/log-filter";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { formatTicketNumber } from "~/support/tickets/number";
import { MERCHANT_STATUSES } from "~/support/tickets/status";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("support:log.title"));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = logFilterSchema.safeParse(readQuery(request));
  if (!parsed.success)
    throw badRequest("This ticket log link is malformed: a date or the page position is not valid.");
  const input = parsed.data;
  const { filter, invalidNumber, reversedRange } = toTicketLogFilter(input);
  const { tickets, nextCursor } =
    invalidNumber || reversedRange
      ? { tickets: [], nextCursor: null }
      : await merchantTickets(db, session.shop).list(filter);
  // Times in the shop's own time zone, which Shopify knows (cached per shop by shopInfoFor).
  const { timezone } = await shopInfoFor(session.shop, admin);
  return { tickets, nextCursor, input, invalidNumber, reversedRange, timeZone: timezone };
};

export default function TicketLogPage() {
  const { t, i18n } = useTranslation("support");
  const { tickets, nextCursor, input, invalidNumber, reversedRange, timeZone } =
    useLoaderData<typeof loader>();
  // On a phone the table is one column per ticket, so nothing sits behind a sideways scroll.
  const { smDown: phone } = useBreakpoints();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [number, setNumber] = useState(input.number ?? "");
  const [status, setStatus] = useState<string>(input.status ?? "");
  const [from, setFrom] = useState(input.from ?? "");
  const [to, setTo] = useState(input.to ?? "");
  const filtered = Boolean(input.number || input.status || input.from || input.to);
  const paged = Boolean(input.cursor || nextCursor);

  const nextPage = () => {
    const params = new URLSearchParams(searchParams);
    params.set("cursor", nextCursor ?? "");
    navigate(`?${params}`);
  };

  if (tickets.length === 0 && !filtered && !input.cursor) {
    return (
      <Page title={t("log.title")}>
        <TitleBar title={t("log.title")} />
        <Card>
          <EmptyState
            heading={t("log.empty")}
            action={{ content: t("log.emptyAction"), url: "/app/support" }}
            image=""
          >
            <p>{t("log.emptyBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page title={t("log.title")} primaryAction={{ content: t("log.newTicket"), url: "/app/support" }}>
      <TitleBar title={t("log.title")} />
      <BlockStack gap="400">
        <Card>
          <Form method="get" aria-label={t("log.filters")}>
            <FormLayout>
              <FormLayout.Group>
                <TextField
                  label={t("log.number")}
                  name="number"
                  value={number}
                  onChange={setNumber}
                  placeholder="SPL-1042"
                  autoComplete="off"
                  error={invalidNumber ? t("log.invalidNumber") : undefined}
                />
                <Select
                  label={t("log.status")}
                  name="status"
                  options={[
                    { label: t("log.allStatuses"), value: "" },
                    ...MERCHANT_STATUSES.map((value) => ({ label: t(`statuses.${value}`), value })),
                  ]}
                  value={status}
                  onChange={setStatus}
                />
                <TextField
                  label={t("log.createdFrom")}
                  name="from"
                  type="date"
                  value={from}
                  onChange={setFrom}
                  autoComplete="off"
                />
                <TextField
                  label={t("log.createdTo")}
                  name="to"
                  type="date"
                  value={to}
                  onChange={setTo}
                  autoComplete="off"
                  error={reversedRange ? t("log.reversedRange") : undefined}
                />
              </FormLayout.Group>
              <InlineStack gap="200">
                <Button submit>{t("log.apply")}</Button>
                {filtered ? <Button url="/app/support/tickets">{t("log.clear")}</Button> : null}
              </InlineStack>
            </FormLayout>
          </Form>
        </Card>
        <Card padding="0">
          {tickets.length === 0 ? (
            <EmptyState heading={t("log.noMatch")} image="" />
          ) : (
            <IndexTable
              itemCount={tickets.length}
              selectable={false}
              condensed={phone}
              headings={[
                { title: t("log.columns.number") },
                { title: t("log.columns.summary") },
                { title: t("log.columns.category") },
                { title: t("log.columns.status") },
                { title: t("log.columns.created") },
                { title: t("log.columns.lastActivity") },
              ]}
            >
              {tickets.map((ticket, index) => {
                const number = (
                  <InlineStack gap="100" blockAlign="center" wrap={false}>
                    <Link url={`/app/support/tickets/${ticket.id}`}>{formatTicketNumber(ticket.number)}</Link>
                    {ticket.unread ? <Badge tone="info-strong">{t("log.newReply")}</Badge> : null}
                  </InlineStack>
                );
                return phone ? (
                  <IndexTable.Row id={ticket.id} key={ticket.id} position={index}>
                    <BlockStack gap="100">
                      <InlineStack gap="200" align="space-between" blockAlign="center">
                        {number}
                        <StatusBadge status={ticket.status} />
                      </InlineStack>
                      <Text as="p">{excerpt(ticket.description)}</Text>
                      <Text as="p" tone="subdued">
                        {t(`categories.${ticket.category}.label`)} ·{" "}
                        {formatDateTime(ticket.lastActivityAt, i18n.language, timeZone)}
                      </Text>
                    </BlockStack>
                  </IndexTable.Row>
                ) : (
                  <IndexTable.Row id={ticket.id} key={ticket.id} position={index}>
                    <IndexTable.Cell>{number}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <TruncatedText text={excerpt(ticket.description)} maxWidth="280px" />
                    </IndexTable.Cell>
                    <IndexTable.Cell>{t(`categories.${ticket.category}.label`)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <StatusBadge status={ticket.status} />
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {formatDateTime(ticket.createdAt, i18n.language, timeZone)}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {formatDateTime(ticket.lastActivityAt, i18n.language, timeZone)}
                    </IndexTable.Cell>
                  </IndexTable.Row>
                );
              })}
            </IndexTable>
          )}
        </Card>
        {paged ? (
          <InlineStack align="center">
            <Pagination
              hasPrevious={Boolean(input.cursor)}
              onPrevious={() => navigate(-1)}
              hasNext={Boolean(nextCursor)}
              onNext={nextPage}
            />
          </InlineStack>
        ) : null}
      </BlockStack>
    </Page>
  );
}
