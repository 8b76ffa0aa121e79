import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useLocation, useNavigate, useRevalidator } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  Toast,
} from "@shopify/polaris";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode, type RefObject } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { MessageComposer } from "~/components/support/MessageComposer";
import { agentTickets } from "~/agent/agent-tickets.server";
import { listAgents } from "~/agent/agents.server";
import { AgentStatusBadge } from "~/components/agent/AgentStatusBadge";
import { CsrfField } from "~/components/agent/CsrfField";
import { InternalNotes, TicketActivity } from "~/components/agent/TicketActivity";
import { StoreChecksPanel } from "~/components/agent/StoreChecksPanel";
import { TicketFacts } from "~/components/agent/TicketFacts";
import { TicketThread } from "~/components/agent/TicketThread";
import { TitledCard } from "~/components/agent/TitledCard";
import { useConsole } from "~/components/agent/use-console";
import { usePresence } from "~/components/agent/use-presence";
import { CSRF_FIELD } from "~/agent/csrf";
import { MAX_ATTACHMENTS, ATTACHMENT_TYPES } from "~/support/tickets/attachments";
import { ticketPost } from "~/agent/ticket-post.server";
import { requireAgent } from "~/agent/session.server";
import type { TicketIntent } from "~/agent/ticket-actions";
import { unavailableAsData } from "~/database-unavailable.server";
import { db } from "~/db.server";
import { rowId } from "~/http/input.server";
import { CATEGORY_IDS, TIKTOK_CATEGORIES, routeOf } from "~/support/taxonomy";
import { cannedReplies } from "~/agent/canned-replies.server";
import { shopHistory, shopInstall } from "~/agent/shop-history.server";
import { ShopPanel } from "~/components/agent/ShopPanel";
import { ShortcutsHelp } from "~/components/agent/ShortcutsHelp";
import { useShortcuts } from "~/components/agent/shortcuts";
import { fillPlaceholders, merchantNameOf } from "~/agent/canned-placeholders";
import { formatTicketNumber } from "~/support/tickets/number";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const agent = await requireAgent(db, request);
  const ticket = await agentTickets(db).get(rowId(params.id));
  if (!ticket) throw new Response("Ticket not found", { status: 404 });
  return {
    ticket,
    agents: await listAgents(db),
    canned: await cannedReplies(db).visibleTo(agent.id, ticket.locale),
    shopTickets: await shopHistory(db, ticket.shop, ticket.id),
    shopInstall: await shopInstall(db, ticket.shop),
  };
};

export const action = ({ request, params }: ActionFunctionArgs) =>
  unavailableAsData(() => ticketPost(request, rowId(params.id)), {
    ok: false as const,
    intent: "",
    error: "errors.unavailable",
  });

/** One fetcher per form, so each shows its own progress and error; the page reloads its data after each. */
function useTicketAction(intent: TicketIntent, onDone?: () => void) {
  const fetcher = useFetcher<typeof action>({ key: `ticket-${intent}` });
  const { csrfToken } = useConsole();
  const [handled, setHandled] = useState<unknown>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && fetcher.data !== handled) {
      setHandled(fetcher.data);
      if (fetcher.data.ok) onDone?.();
    }
  }, [fetcher.state, fetcher.data, handled, onDone]);
  const submit = (fields: Record<string, string>) =>
    fetcher.submit({ ...fields, intent, [CSRF_FIELD]: csrfToken }, { method: "post" });
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  const unavailable = fetcher.state === "idle" && fetcher.data !== undefined && "unavailable" in fetcher.data;
  return { intent, fetcher, submit, error, unavailable, busy: fetcher.state !== "idle" };
}

/** Up to three files for a reply or a note; `resetKey` empties the input once its message has gone. */
function FilesField({ id, label, resetKey }: { id: string; label: string; resetKey: number }) {
  const { t } = useTranslation("agent");
  return (
    <BlockStack gap="100">
      <label htmlFor={id}>
        <Text as="span">{t(label, { count: MAX_ATTACHMENTS })}</Text>
      </label>
      <input
        key={resetKey}
        id={id}
        type="file"
        name="attachments"
        multiple
        accept={ATTACHMENT_TYPES.join(",")}
      />
    </BlockStack>
  );
}

/** A reply or note box, posted with its intent and the console's CSRF token like every ticket action. */
function ComposerForm({
  ticketAction,
  hidden = {},
  attach,
  formRef,
  ...composer
}: {
  ticketAction: ReturnType<typeof useTicketAction>;
  hidden?: Record<string, string>;
  /** A file picker: the form is then sent as multipart/form-data. */
  attach?: ReactNode;
  formRef?: RefObject<HTMLFormElement>;
} & Omit<ComponentProps<typeof MessageComposer>, "error" | "busy">) {
  const { t } = useTranslation("agent");
  const { pathname } = useLocation();
  return (
    <ticketAction.fetcher.Form
      ref={formRef}
      method="post"
      {...(attach ? { encType: "multipart/form-data", action: `${pathname}/reply` } : {})}
    >
      <CsrfField />
      <input type="hidden" name="intent" value={ticketAction.intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <MessageComposer
        {...composer}
        attach={attach}
        error={ticketAction.error ? t(ticketAction.error) : undefined}
        busy={ticketAction.busy}
      />
    </ticketAction.fetcher.Form>
  );
}

export default function TicketPage() {
  const { t } = useTranslation("agent");
  const { ticket, agents, canned, shopTickets, shopInstall } = useLoaderData<typeof loader>();
  const { agent: me, timeZone, csrfToken } = useConsole();
  const revalidator = useRevalidator();
  const [toast, setToast] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [note, setNote] = useState("");
  const [assignee, setAssignee] = useState(ticket.assignee?.id ?? "");
  const [category, setCategory] = useState<string>(ticket.category);

  // A new key empties the file picker once a reply has gone.
  const [repliesSent, setRepliesSent] = useState(0);
  const replying = useTicketAction("reply", () => {
    setReply("");
    setRepliesSent((count) => count + 1);
    setToast(t("toasts.replySent"));
  });
  const [notesSent, setNotesSent] = useState(0);
  const noting = useTicketAction("note", () => {
    setNote("");
    setNotesSent((count) => count + 1);
    setToast(t("toasts.noteAdded"));
  });
  const replyForm = useRef<HTMLFormElement>(null);

  // The page has shown the ticket: it is read. A POST, as loaders never write; again after a reload
  // that brought a new merchant message (not on every state change of the fetcher).
  const { pathname } = useLocation();
  const reader = useFetcher({ key: "ticket-read" });
  useEffect(() => {
    if (ticket.unread)
      reader.submit(
        { read: "true", seenMessages: String(ticket.messages.length), [CSRF_FIELD]: csrfToken },
        { method: "post", action: `${pathname}/presence` },
      );
  }, [ticket.id, ticket.unread, ticket.messages.length]);
  const assigning = useTicketAction("assign", () => setToast(t("toasts.assigned")));
  const moving = useTicketAction("status", () => setToast(t("toasts.statusChanged")));
  const recategorizing = useTicketAction("category", () => setToast(t("toasts.categoryChanged")));
  const sendingGuide = useTicketAction("send_guide", () => setToast(t("sendGuide.sent")));
  const [guideCategory, setGuideCategory] = useState<string>(
    ticket.suggestedCategory && routeOf(ticket.suggestedCategory) === "tiktok_guide"
      ? ticket.suggestedCategory
      : TIKTOK_CATEGORIES[0]!,
  );

  const presence = usePresence(ticket.id, reply.trim().length > 0);
  const missedMessages = presence.messages !== null && presence.messages > ticket.messages.length;
  useEffect(() => setAssignee(ticket.assignee?.id ?? ""), [ticket.assignee?.id]);
  useEffect(() => setCategory(ticket.category), [ticket.category]);

  const navigate = useNavigate();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useShortcuts("ticket", (action) => {
    if (action === "help") return setShortcutsOpen(true);
    if (action === "back") return navigate("/agent");
    if (action === "resolve") {
      if (ticket.allowedStatuses.includes("resolved")) moving.submit({ status: "resolved" });
      return;
    }
    // The reply or note box of the page: the form that carries that intent.
    const form = document.querySelector(`input[name="intent"][value="${action}"]`)?.closest("form");
    form?.querySelector("textarea")?.focus();
  });

  // The database could not take a change: one banner for the page; the typed reply or note stays.
  const unavailable = [replying, noting, assigning, moving, recategorizing, sendingGuide].some(
    (action) => action.unavailable,
  );
  const number = formatTicketNumber(ticket.number);
  const categoryOptions = CATEGORY_IDS.map((id) => ({
    label: t(`support:categories.${id}.label`),
    value: id,
  }));
  const wasDone = ticket.status === "resolved" || ticket.status === "closed";

  return (
    <Page
      title={number}
      titleMetadata={<AgentStatusBadge status={ticket.status} />}
      subtitle={`${ticket.shopName} · ${t(`support:categories.${ticket.category}.label`)} · ${t(`support:routes.${routeOf(ticket.category)}`)}`}
      backAction={{ content: t("ticket.back"), url: "/agent" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {unavailable ? (
              <Banner tone="warning" title={t("unavailable.title")}>
                {t("unavailable.body")}
              </Banner>
            ) : null}
            {presence.others.length > 0 ? (
              <Banner tone="warning" title={t("presence.title")}>
                <BlockStack gap="100">
                  {presence.others.map((other) => (
                    <Text as="p" key={other.id}>
                      {t(other.replying ? "presence.replying" : "presence.viewing", { name: other.name })}
                    </Text>
                  ))}
                </BlockStack>
              </Banner>
            ) : null}
            <TicketThread ticket={ticket} timeZone={timeZone} />
            {missedMessages ? (
              <Banner
                tone="info"
                title={t("presence.newMessage")}
                action={{ content: t("presence.show"), onAction: () => revalidator.revalidate() }}
              />
            ) : null}
            <Card>
              <BlockStack gap="300">
                {canned.length > 0 ? (
                  <Select
                    label={t("canned.insert")}
                    options={[
                      { label: t("canned.choose"), value: "" },
                      ...canned.map((reply) => ({
                        label: `${reply.title} (${t(`canned.locales.${reply.locale}`)})`,
                        value: reply.id,
                      })),
                    ]}
                    value=""
                    onChange={(id) => {
                      const chosen = canned.find((reply) => reply.id === id);
                      if (!chosen) return;
                      setReply(
                        fillPlaceholders(chosen.body, {
                          shop_name: ticket.shopName,
                          ticket_number: number,
                          merchant_name: merchantNameOf(ticket.contactEmail),
                          agent_name: me?.name ?? "",
                        }),
                      );
                    }}
                  />
                ) : null}
                {replying.error === "presence.missed" ? (
                  <Banner
                    tone="warning"
                    title={t("presence.missed")}
                    action={{
                      content: t("presence.sendAnyway"),
                      // The same form again, files included, with the warning answered.
                      onAction: () => {
                        const form = replyForm.current;
                        if (!form) return;
                        const fields = new FormData(form);
                        fields.set("confirmed", "true");
                        replying.fetcher.submit(fields, {
                          method: "post",
                          encType: "multipart/form-data",
                          action: `${pathname}/reply`,
                        });
                      },
                    }}
                    secondaryAction={{
                      content: t("presence.show"),
                      onAction: () => revalidator.revalidate(),
                    }}
                  />
                ) : null}
                <ComposerForm
                  formRef={replyForm}
                  hidden={{ seenMessages: String(ticket.messages.length) }}
                  attach={
                    <FilesField id="reply-attachments" label="attachments.label" resetKey={repliesSent} />
                  }
                  ticketAction={replying}
                  label={t("reply.label")}
                  helpText={t("reply.help")}
                  value={reply}
                  onChange={setReply}
                  rows={4}
                  submitLabel={t("reply.send")}
                  primary
                />
              </BlockStack>
            </Card>
            <TitledCard title={t("notes.title")} background="bg-surface-caution">
              <Text as="p" tone="subdued">
                {t("notes.privacy")}
              </Text>
              <InternalNotes notes={ticket.notes} timeZone={timeZone} />
              <ComposerForm
                ticketAction={noting}
                attach={<FilesField id="note-attachments" label="notes.attachments" resetKey={notesSent} />}
                label={t("notes.label")}
                value={note}
                onChange={setNote}
                rows={2}
                submitLabel={t("notes.add")}
              />
            </TitledCard>
            <TitledCard title={t("activity.title")}>
              <TicketActivity events={ticket.events} timeZone={timeZone} />
            </TitledCard>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TitledCard title={t("status.title")}>
              <InlineStack gap="200" blockAlign="center">
                <AgentStatusBadge status={ticket.status} />
              </InlineStack>
              {moving.error ? <Banner tone="critical">{t(moving.error)}</Banner> : null}
              <ButtonGroup>
                {ticket.allowedStatuses.map((status) => (
                  <Button
                    key={status}
                    variant={status === "resolved" ? "primary" : "secondary"}
                    loading={moving.busy && moving.fetcher.formData?.get("status") === status}
                    onClick={() => moving.submit({ status })}
                  >
                    {t(`status.moveTo.${status === "open" && wasDone ? "reopen" : status}`)}
                  </Button>
                ))}
              </ButtonGroup>
            </TitledCard>
            <TitledCard title={t("assign.title")}>
              <Select
                label={t("assign.label")}
                options={[
                  { label: t("assign.nobody"), value: "" },
                  ...agents.map((agent) => ({ label: agent.name, value: agent.id })),
                ]}
                value={assignee}
                onChange={setAssignee}
                error={assigning.error ? t(assigning.error) : undefined}
              />
              <InlineStack gap="200">
                <Button
                  onClick={() => assigning.submit({ assigneeId: assignee })}
                  loading={assigning.busy}
                  disabled={assignee === (ticket.assignee?.id ?? "")}
                >
                  {t("assign.submit")}
                </Button>
                {me && ticket.assignee?.id !== me.id ? (
                  <Button variant="plain" onClick={() => assigning.submit({ assigneeId: me.id })}>
                    {t("assign.toMe")}
                  </Button>
                ) : null}
              </InlineStack>
            </TitledCard>
            <TitledCard title={t("category.title")}>
              {ticket.suggestedCategory ? (
                <Text as="p" tone="subdued">
                  {t("category.suggested", {
                    category: t(`support:categories.${ticket.suggestedCategory}.label`),
                    confidence: Math.round((ticket.confidence ?? 0) * 100),
                  })}
                </Text>
              ) : (
                <Text as="p" tone="subdued">
                  {t("category.noSuggestion")}
                </Text>
              )}
              {ticket.merchantCategory && ticket.merchantCategory !== ticket.suggestedCategory ? (
                <Text as="p" tone="subdued">
                  {t("category.merchantPicked", {
                    category: t(`support:categories.${ticket.merchantCategory}.label`),
                  })}
                </Text>
              ) : null}
              {ticket.secondCategory ? (
                <Text as="p" tone="subdued">
                  {t("category.second", {
                    category: t(`support:categories.${ticket.secondCategory}.label`),
                  })}
                </Text>
              ) : null}
              <Select
                label={t("category.label")}
                options={categoryOptions}
                value={category}
                onChange={setCategory}
                error={recategorizing.error ? t(recategorizing.error) : undefined}
              />
              <InlineStack>
                <Button
                  onClick={() => recategorizing.submit({ category })}
                  loading={recategorizing.busy}
                  disabled={category === ticket.category}
                >
                  {t("category.submit")}
                </Button>
              </InlineStack>
            </TitledCard>
            {wasDone ? null : (
              <TitledCard title={t("sendGuide.title")}>
                <Text as="p" tone="subdued">
                  {t("sendGuide.help")}
                </Text>
                <Select
                  label={t("sendGuide.label")}
                  options={TIKTOK_CATEGORIES.map((id) => ({
                    label: t(`support:categories.${id}.label`),
                    value: id,
                  }))}
                  value={guideCategory}
                  onChange={setGuideCategory}
                  error={sendingGuide.error ? t(sendingGuide.error) : undefined}
                />
                <InlineStack>
                  <Button
                    onClick={() => sendingGuide.submit({ category: guideCategory })}
                    loading={sendingGuide.busy}
                  >
                    {t("sendGuide.submit")}
                  </Button>
                </InlineStack>
              </TitledCard>
            )}
            <ShopPanel ticket={ticket} history={shopTickets} install={shopInstall} timeZone={timeZone} />
            <StoreChecksPanel ticket={ticket} />
            <TicketFacts ticket={ticket} />
          </BlockStack>
        </Layout.Section>
      </Layout>
      <ShortcutsHelp page="ticket" open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {toast ? <Toast content={toast} onDismiss={() => setToast(null)} /> : null}
    </Page>
  );
}
