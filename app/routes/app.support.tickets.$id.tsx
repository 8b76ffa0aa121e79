import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DownloadButton } from "~/components/support/DownloadButton";
import { DRAFTS, clearDraft } from "~/components/support/drafts";
import { MessageComposer } from "~/components/support/MessageComposer";
import { StatusBadge } from "~/components/support/StatusBadge";
import { TicketConversation } from "~/components/support/TicketConversation";
import { guideLinkOf } from "~/support/guides/guide-link";
import { formatDateTime } from "~/components/format";
import { db } from "~/db.server";
import { readForm, rowId } from "~/http/input.server";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";
import { shopInfoFor } from "~/shopify/admin-data.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { formatTicketNumber } from "~/support/tickets/number";
import { fieldErrors, replySchema } from "~/support/tickets/ticket-input";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data?.ticket
      ? t("support:ticket.title", { number: formatTicketNumber(data.ticket.number) })
      : t("support:ticket.notFound"),
  );

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const ticket = await merchantTickets(db, session.shop).get(rowId(params.id));
  if (!ticket) return data({ ticket: null, timeZone: null }, { status: 404 });
  // Times in the shop's own time zone, which Shopify knows (cached per shop by shopInfoFor).
  const { timezone } = await shopInfoFor(session.shop, admin);
  return { ticket, timeZone: timezone };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await readForm(request));
  // The page tells us it was opened: loaders never write, so reading is recorded here.
  if (form.intent === "read") {
    await merchantTickets(db, session.shop).markRead(params.id ?? "");
    return { ok: true as const, read: true, errors: {} as Record<string, string> };
  }
  const parsed = replySchema.safeParse(form);
  if (!parsed.success)
    return data({ ok: false as const, errors: fieldErrors(parsed.error) }, { status: 422 });
  const reply = await merchantTickets(db, session.shop).reply(rowId(params.id), parsed.data.body);
  if (!reply.ok) {
    const notFound = reply.error === "notFound";
    const errors = { body: notFound ? "ticket.notFound" : "ticket.changedMeanwhile" };
    return data({ ok: false as const, errors }, { status: notFound ? 404 : 409 });
  }
  return { ok: true as const, errors: {} as Record<string, string> };
};

export default function TicketPage() {
  const { t, i18n } = useTranslation("support");
  const { ticket, timeZone } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const fetcher = useFetcher<typeof action>();
  const reader = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [reply, setReply] = useState("");
  const number = ticket ? formatTicketNumber(ticket.number) : "";
  const justCreated = searchParams.get("created") === "1";

  // Sent: what the merchant typed is on the ticket now, the drafts have done their job. The banner
  // below confirms it; a toast saying the same again would be noise (Polaris: one message per event).
  useEffect(() => {
    if (!justCreated) return;
    clearDraft(DRAFTS.intake);
    clearDraft(DRAFTS.ticketForm);
  }, [justCreated]);

  const unread = ticket?.unread ?? false;
  useEffect(() => {
    if (unread && reader.state === "idle" && !reader.data)
      reader.submit({ intent: "read" }, { method: "post" });
  }, [unread, reader]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      setReply("");
      shopify.toast.show(t("toasts.replySent"));
    }
  }, [fetcher.state, fetcher.data, shopify, t]);

  if (!ticket) {
    return (
      <Page backAction={{ content: t("ticket.back"), url: "/app/support/tickets" }}>
        <Card>
          <EmptyState heading={t("ticket.notFound")} image="">
            <p>{t("ticket.notFoundBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const replyError = fetcher.data && !fetcher.data.ok ? fetcher.data.errors.body : undefined;
  const order = searchParams.get("order");

  return (
    <Page
      title={t("ticket.title", { number })}
      titleMetadata={<StatusBadge status={ticket.status} />}
      subtitle={`${t(`categories.${ticket.category}.label`)} · ${t("ticket.opened", { date: formatDateTime(ticket.createdAt, i18n.language, timeZone) })}`}
      backAction={{ content: t("ticket.back"), url: "/app/support/tickets" }}
    >
      <TitleBar title={t("ticket.title", { number })} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {justCreated ? (
              <Banner tone="success" title={t("confirmation.title", { number })}>
                <BlockStack gap="100">
                  <Text as="p">{t("confirmation.body", { email: ticket.contactEmail })}</Text>
                  {order === "missing" ? (
                    <Text as="p">{t("confirmation.orderNotFound", { orderId: ticket.orderId })}</Text>
                  ) : null}
                  {order === "found" ? (
                    <Text as="p">{t("confirmation.orderAttached", { orderName: ticket.orderId })}</Text>
                  ) : null}
                </BlockStack>
              </Banner>
            ) : null}
            {ticket.secondCategory ? (
              <Banner
                tone="info"
                title={t("ticket.splPart", { category: t(`categories.${ticket.category}.label`) })}
                action={{
                  content: t("triage.nextTiktok"),
                  url: `/app/support/guides/${ticket.secondCategory}`,
                }}
              >
                {t("ticket.otherPart", { other: t(`categories.${ticket.secondCategory}.label`) })}
              </Banner>
            ) : null}
            <TicketConversation
              heading={t("ticket.description")}
              ticket={ticket}
              authorOf={(message) =>
                message.authorType === "agent"
                  ? t("ticket.agent", { name: message.agentName ?? "SPL" })
                  : t("ticket.yourMessage")
              }
              locale={i18n.language}
              timeZone={timeZone}
              linkOf={guideLinkOf}
            />
            <Card>
              <fetcher.Form method="post">
                <MessageComposer
                  label={t("ticket.replyLabel")}
                  helpText={ticket.status === "closed" ? t("ticket.replyHelp") : undefined}
                  value={reply}
                  onChange={setReply}
                  rows={4}
                  error={replyError ? t(replyError) : undefined}
                  submitLabel={t("ticket.send")}
                  busy={fetcher.state !== "idle"}
                  primary
                />
              </fetcher.Form>
            </Card>
          </BlockStack>
        </Layout.Section>
        {ticket.attachments.length > 0 ? (
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("ticket.attachments")}
                </Text>
                {ticket.attachments.map((attachment) => (
                  <DownloadButton
                    key={attachment.id}
                    url={`/app/support/attachments/${attachment.id}`}
                    filename={attachment.filename}
                    label={t("ticket.download", { name: attachment.filename })}
                  />
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}
