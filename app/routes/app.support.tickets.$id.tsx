import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { AttachmentPicker } from "~/components/support/AttachmentPicker";
import { DownloadButton } from "~/components/support/DownloadButton";
import { DRAFTS, clearDraft } from "~/components/support/drafts";
import { MessageComposer } from "~/components/support/MessageComposer";
import { StatusBadge } from "~/components/support/StatusBadge";
import { TicketConversation } from "~/components/support/TicketConversation";
import { guideLinkOf } from "~/support/guides/guide-link";
import { formatDateTime } from "~/components/format";
import { db } from "~/db.server";
import { REPLY_FORM_BYTES, readForm, rowId } from "~/http/input.server";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";
import { shopInfoFor } from "~/shopify/admin-data.server";
import { MAX_ATTACHMENTS, checkAttachments, type AttachmentProblem } from "~/support/tickets/attachments";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { readTicketForm } from "~/support/tickets/multipart.server";
import { formatTicketNumber } from "~/support/tickets/number";
import {
  SATISFACTION_ANSWERS,
  SATISFACTION_COMMENT_MAX,
  satisfactionSchema,
} from "~/support/tickets/satisfaction";
import { fieldErrors, replySchema } from "~/support/tickets/ticket-input";

/** Everything the page posts, told apart by `intent`. */
const ticketPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read") }),
  replySchema.extend({ intent: z.literal("reply") }),
  satisfactionSchema.extend({ intent: z.literal("satisfaction") }),
]);

type Intent = z.infer<typeof ticketPageSchema>["intent"];
const INTENTS: Intent[] = ticketPageSchema.options.map((option) => option.shape.intent.value);

interface Answer {
  ok: boolean;
  intent: Intent | null;
  errors: Record<string, string>;
  /** What was sent, so a page drawn by the server (before JavaScript) shows it again after a refusal. */
  sent: Record<string, string>;
  attachmentProblem?: { problem: AttachmentProblem; filename?: string };
}

const answer = (fields: Answer, status = 200) => data(fields, { status });

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

/**
 * The page's posts: "read" (the page tells us it was opened, as loaders never write), a reply with
 * its files (multipart/form-data, read by the ticket form's streaming reader within its limits), and
 * the answer to the satisfaction question. Each also works as a plain form post before JavaScript.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const multipart = /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "");
  const { fields, files } = multipart
    ? await readTicketForm(request)
    : { fields: Object.fromEntries(await readForm(request, REPLY_FORM_BYTES)), files: [] };
  const sent = { body: fields.body ?? "", rating: fields.rating ?? "", comment: fields.comment ?? "" };
  // A post without an intent is a reply, as the page's only form once was.
  const posted = { intent: "reply", ...fields };
  const intent = INTENTS.find((value) => value === posted.intent) ?? null;
  const parsed = ticketPageSchema.safeParse(posted);
  if (!parsed.success) return answer({ ok: false, intent, errors: fieldErrors(parsed.error), sent }, 422);
  const tickets = merchantTickets(db, session.shop);
  const id = rowId(params.id);
  const form = parsed.data;
  if (form.intent === "read") {
    await tickets.markRead(id);
    return answer({ ok: true, intent: form.intent, errors: {}, sent: {} });
  }
  if (form.intent === "satisfaction") {
    const rated = await tickets.rate(id, form.rating, form.comment);
    if (rated.ok) return answer({ ok: true, intent: form.intent, errors: {}, sent: {} });
    const notFound = rated.error === "notFound";
    const errors = { rating: notFound ? "ticket.notFound" : "satisfaction.closed" };
    return answer({ ok: false, intent: form.intent, errors, sent }, notFound ? 404 : 409);
  }
  const checked = checkAttachments(files);
  if (!checked.ok) {
    const attachmentProblem = { problem: checked.problem, filename: checked.filename };
    return answer({ ok: false, intent: form.intent, errors: {}, sent, attachmentProblem }, 422);
  }
  const reply = await tickets.reply(id, form.body, checked.attachments);
  if (!reply.ok) {
    const notFound = reply.error === "notFound";
    const errors = { body: notFound ? "ticket.notFound" : "ticket.changedMeanwhile" };
    return answer({ ok: false, intent: form.intent, errors, sent }, notFound ? 404 : 409);
  }
  return answer({ ok: true, intent: form.intent, errors: {}, sent: {} });
};

/**
 * The answer to a form: the fetcher's once JavaScript runs, else the page's own action data (a plain
 * form post drew the page on the server).
 */
function useAnswer(fetcherData: Answer | undefined, intent: Intent) {
  const posted = useActionData<typeof action>();
  return fetcherData ?? (posted?.intent === intent ? posted : undefined);
}

/** Download buttons for files the merchant may fetch (with the session token, see DownloadButton). */
function Downloads({ attachments }: { attachments: { id: string; filename: string }[] }) {
  const { t } = useTranslation("support");
  if (attachments.length === 0) return null;
  return (
    <BlockStack gap="100" inlineAlign="start">
      {attachments.map((attachment) => (
        <DownloadButton
          key={attachment.id}
          url={`/app/support/attachments/${attachment.id}`}
          filename={attachment.filename}
          label={t("ticket.download", { name: attachment.filename })}
        />
      ))}
    </BlockStack>
  );
}

/** "Did this solve your problem?": asked once the ticket is resolved, answered once. */
function SatisfactionCard({ satisfaction }: { satisfaction: { open: boolean; answer: string | null } }) {
  const { t } = useTranslation("support");
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>({ key: "satisfaction" });
  const result = useAnswer(fetcher.data, "satisfaction");
  const [rating, setRating] = useState<string[]>(result?.sent.rating ? [result.sent.rating] : []);
  const [comment, setComment] = useState(result?.sent.comment ?? "");
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(t("satisfaction.thanks"));
  }, [fetcher.state, fetcher.data, shopify, t]);

  if (!satisfaction.open) {
    if (!satisfaction.answer) return null;
    return (
      <Card>
        <BlockStack gap="100">
          <Text as="h2" variant="headingSm" id="satisfaction">
            {t("satisfaction.title")}
          </Text>
          <Text as="p">
            {t("satisfaction.answered", { answer: t(`satisfaction.${satisfaction.answer}`) })}
          </Text>
        </BlockStack>
      </Card>
    );
  }
  const error = result && !result.ok ? result.errors : {};
  return (
    <Card>
      <fetcher.Form method="post" aria-labelledby="satisfaction">
        <input type="hidden" name="intent" value="satisfaction" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingSm" id="satisfaction">
            {t("satisfaction.title")}
          </Text>
          <ChoiceList
            title={t("satisfaction.question")}
            name="rating"
            choices={SATISFACTION_ANSWERS.map((value) => ({ label: t(`satisfaction.${value}`), value }))}
            selected={rating}
            onChange={setRating}
            error={error.rating ? t(error.rating) : undefined}
          />
          <TextField
            label={t("satisfaction.comment")}
            name="comment"
            value={comment}
            onChange={setComment}
            multiline={3}
            maxLength={SATISFACTION_COMMENT_MAX}
            autoComplete="off"
            error={error.comment ? t(error.comment) : undefined}
          />
          <InlineStack>
            <Button submit loading={fetcher.state !== "idle"}>
              {t("satisfaction.send")}
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

/** The merchant's reply, with up to three files, sent with the files the picker holds. */
function ReplyForm({ closed }: { closed: boolean }) {
  const { t } = useTranslation("support");
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>({ key: "reply" });
  const result = useAnswer(fetcher.data, "reply");
  const [reply, setReply] = useState(result && !result.ok ? (result.sent.body ?? "") : "");
  const [files, setFiles] = useState<File[]>([]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      setReply("");
      setFiles([]);
      shopify.toast.show(t("toasts.replySent"));
    }
  }, [fetcher.state, fetcher.data, shopify, t]);

  // The picker's files are not in the form's own fields: once JavaScript runs, the form is sent
  // with them; before that, the browser posts the text alone.
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    for (const file of files) form.append("attachments", file);
    fetcher.submit(form, { method: "post", encType: "multipart/form-data" });
  };
  const replyError = result && !result.ok ? result.errors.body : undefined;
  const sentWithoutScript = result?.ok && !fetcher.data;
  return (
    <Card>
      <fetcher.Form method="post" encType="multipart/form-data" onSubmit={send}>
        <input type="hidden" name="intent" value="reply" />
        <BlockStack gap="300">
          {sentWithoutScript ? <Banner tone="success" title={t("toasts.replySent")} /> : null}
          <MessageComposer
            label={t("ticket.replyLabel")}
            helpText={closed ? t("ticket.replyHelp") : undefined}
            value={reply}
            onChange={setReply}
            rows={4}
            error={replyError ? t(replyError) : undefined}
            submitLabel={t("ticket.send")}
            busy={fetcher.state !== "idle"}
            primary
            attach={
              <AttachmentPicker
                label={t("ticket.replyAttachments")}
                files={files}
                onChange={setFiles}
                max={MAX_ATTACHMENTS}
                problem={result && !result.ok ? result.attachmentProblem : undefined}
              />
            }
          />
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

export default function TicketPage() {
  const { t, i18n } = useTranslation("support");
  const { ticket, timeZone } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const reader = useFetcher<typeof action>();
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

  const order = searchParams.get("order");
  // The ticket form's screenshots; a message's files are shown with the message.
  const formFiles = ticket.attachments.filter((file) => file.messageId === null);

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
              filesOf={(message) => (
                <Downloads attachments={ticket.attachments.filter((file) => file.messageId === message.id)} />
              )}
            />
            <SatisfactionCard satisfaction={ticket.satisfaction} />
            <ReplyForm closed={ticket.status === "closed"} />
          </BlockStack>
        </Layout.Section>
        {formFiles.length > 0 ? (
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("ticket.attachments")}
                </Text>
                <Downloads attachments={formFiles} />
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}
