import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  IndexFilters,
  IndexTable,
  InlineStack,
  Link,
  Page,
  Text,
  TextField,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { listAgents } from "~/agent/agents.server";
import { AgentStatusBadge } from "~/components/agent/AgentStatusBadge";
import { TruncatedText } from "~/components/support/TruncatedText";
import { formatAge, formatDateTime, formatDuration } from "~/components/format";
import { readSlaSettings } from "~/agent/sla-settings.server";
import {
  AGE_BUCKETS,
  QUEUE_SORTS,
  QUEUE_VIEWS,
  queueFilterFrom,
  queueParamsSchema,
  searchTermsOf,
  type QueueParams,
} from "~/agent/queue-params";
import { agentQueue } from "~/agent/queue.server";
import { requireAgent } from "~/agent/session.server";
import { requireAgentPost } from "~/agent/csrf.server";
import { CSRF_FIELD } from "~/agent/csrf";
import { savedViewSchema, savedViews } from "~/agent/saved-views.server";
import { viewQueryOf } from "~/agent/saved-view-query";
import { useConsole } from "~/components/agent/use-console";
import { ShortcutsHelp } from "~/components/agent/ShortcutsHelp";
import { useShortcuts } from "~/components/agent/shortcuts";
import { db } from "~/db.server";
import { badRequest, readQuery } from "~/http/input.server";
import { CATEGORY_IDS } from "~/support/taxonomy";
import { formatTicketNumber } from "~/support/tickets/number";
import { TICKET_STATUSES } from "~/support/tickets/status";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const agent = await requireAgent(db, request);
  const parsed = queueParamsSchema.safeParse(readQuery(request));
  if (!parsed.success)
    throw badRequest("This queue link is broken: its page position is not one the queue made.");
  const params = parsed.data;
  const queue = agentQueue(db);
  const page = await queue.page(queueFilterFrom(params, agent.id, new Date(), await readSlaSettings(db)));
  return {
    params,
    page,
    counts: await queue.statusCounts(),
    agents: await listAgents(db),
    views: await savedViews(db).visibleTo(agent.id),
    searchTooShort: Boolean(params.q) && searchTermsOf(params.q).length === 0,
    now: new Date().toISOString(),
  };
};

/** Saves the current filters as a named view, or removes one. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { agent, form } = await requireAgentPost(db, request);
  const views = savedViews(db);
  if (form.get("intent") === "delete_view") {
    const removed = await views.remove(agent, form.get("id") ?? "");
    if (!removed.ok) throw new Response(removed.error, { status: removed.error === "notFound" ? 404 : 403 });
    return { ok: true as const, error: null };
  }
  const parsed = savedViewSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data({ ok: false as const, error: parsed.error.issues[0]?.message ?? "views.errors.name" }, 422);
  const created = await views.create(agent, parsed.data);
  return { ok: true as const, error: null, id: created.ok ? created.id : null };
};

type Changes = Partial<Record<keyof QueueParams, string | undefined>>;

/** Every filter lives in the URL: links can be shared, back and forward work, reloads keep the view. */
function useQueueUrl() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (changes: Changes) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // Any change leaves the saved view the agent started from (its tab no longer describes the list).
    if (!("after" in changes) && !("before" in changes)) next.delete("savedView");
    // A new filter starts from the first page, unless the change is the page itself.
    if (!("after" in changes) && !("before" in changes)) {
      next.delete("after");
      next.delete("before");
    }
    setSearchParams(next, { preventScrollReset: true });
  };
}

/** Text typed into the queue waits for a pause before it changes the URL. */
function useDebouncedInput(value: string, commit: (value: string) => void) {
  const [draft, setDraft] = useState(value);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => commitRef.current(draft), 350);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return [draft, setDraft] as const;
}

/** When SPL's response is due: relative to the loader's clock, overdue said in words as well as colour. */
function DueCell({
  due,
  now,
  timeZone,
}: {
  due: string | Date | null;
  now: string;
  timeZone: string | null;
}) {
  const { t, i18n } = useTranslation("agent");
  if (!due)
    return (
      <Text as="span" tone="subdued">
        {t("queue.due.none")}
      </Text>
    );
  const left = new Date(due).getTime() - new Date(now).getTime();
  return (
    <BlockStack>
      {left < 0 ? (
        <span>
          <Badge tone="critical">{t("queue.due.overdue", { time: formatDuration(-left, t) })}</Badge>
        </span>
      ) : (
        <Text as="span">{t("queue.due.in", { time: formatDuration(left, t) })}</Text>
      )}
      <Text as="span" tone="subdued" variant="bodySm">
        {formatDateTime(due, i18n.language, timeZone)}
      </Text>
    </BlockStack>
  );
}

export default function Queue() {
  const { t } = useTranslation("agent");
  const { params, page, counts, agents, views, searchTooShort, now } = useLoaderData<typeof loader>();
  const update = useQueueUrl();
  const [searchParams, setSearchParams] = useSearchParams();
  const { agent: me, csrfToken, timeZone } = useConsole();
  const viewFetcher = useFetcher<typeof action>();
  const [viewName, setViewName] = useState("");
  const [viewShared, setViewShared] = useState(false);
  const savedViewId = searchParams.get("savedView");
  useEffect(() => {
    const created = viewFetcher.data;
    if (viewFetcher.state !== "idle" || !created?.ok || !("id" in created) || !created.id) return;
    setViewName("");
    setSearchParams(`${viewQueryOf(searchParams.toString())}&savedView=${created.id}`);
    // Runs once per saved view: the fetcher's answer changes only then.
  }, [viewFetcher.state, viewFetcher.data]);
  const navigation = useNavigation();
  const { mode, setMode } = useSetIndexFiltersMode();
  const [query, setQuery] = useDebouncedInput(params.q ?? "", (q) => update({ q }));
  const [shop, setShop] = useDebouncedInput(params.shop ?? "", (value) => update({ shop: value }));

  const countOf = (status: string) => {
    const entry = counts.find((count) => count.status === status);
    return entry
      ? entry.capped
        ? t("queue.countCapped", { count: entry.count })
        : String(entry.count)
      : "0";
  };
  const categoryLabel = (category: string) => t(`support:categories.${category}.label`);
  const assigneeChoices = [
    { label: t("queue.assignee.unassigned"), value: "unassigned" },
    { label: t("queue.assignee.me"), value: "me" },
    ...agents.map((agent) => ({ label: agent.name, value: agent.id })),
  ];
  const assigneeLabel = (value: string) =>
    assigneeChoices.find((choice) => choice.value === value)?.label ?? value;

  const tabs: IndexFiltersProps["tabs"] = [
    ...QUEUE_VIEWS.map((view, index) => ({
      id: `view-${view}`,
      index,
      content: t(`queue.views.${view}`),
      isLocked: true,
      ...(view === "waiting" ? { badge: countOf("pending_merchant") } : {}),
    })),
    ...views.map((view, index) => ({
      id: `saved-${view.id}`,
      index: QUEUE_VIEWS.length + index,
      content: view.shared ? `${view.name} · ${t("views.sharedTag")}` : view.name,
      actions:
        view.ownerId === me?.id || (view.shared && me?.role === "admin")
          ? [
              {
                type: "delete" as const,
                onPrimaryAction: async () => {
                  viewFetcher.submit(
                    { intent: "delete_view", id: view.id, [CSRF_FIELD]: csrfToken },
                    { method: "post", action: "/agent?index" },
                  );
                  return true;
                },
              },
            ]
          : [],
    })),
  ];
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [focused, setFocused] = useState(-1);
  useShortcuts("queue", (action) => {
    if (action === "help") return setShortcutsOpen(true);
    const links = [...document.querySelectorAll<HTMLAnchorElement>("tbody a[data-primary-link]")];
    if (links.length === 0) return;
    if (action === "open") return links[Math.max(0, focused)]?.click();
    const next = action === "next" ? Math.min(links.length - 1, focused + 1) : Math.max(0, focused - 1);
    setFocused(next);
    links[next]?.focus();
  });
  const savedIndex = views.findIndex((view) => view.id === savedViewId);
  const selectedTab =
    savedIndex >= 0 ? QUEUE_VIEWS.length + savedIndex : Math.max(0, QUEUE_VIEWS.indexOf(params.view));

  const sortOptions: IndexFiltersProps["sortOptions"] = [
    { label: t("queue.sort.created"), value: "created desc", directionLabel: t("queue.sort.newest") },
    { label: t("queue.sort.created"), value: "created asc", directionLabel: t("queue.sort.oldest") },
    { label: t("queue.sort.activity"), value: "activity desc", directionLabel: t("queue.sort.recent") },
    { label: t("queue.sort.activity"), value: "activity asc", directionLabel: t("queue.sort.stale") },
    { label: t("queue.sort.due"), value: "due asc", directionLabel: t("queue.sort.dueSoonest") },
  ];

  const choiceFilter = (
    key: "status" | "category" | "assignee" | "age",
    choices: { label: string; value: string }[],
  ) => (
    <ChoiceList
      title={t(`queue.filters.${key}`)}
      titleHidden
      choices={choices}
      selected={params[key] ? [params[key]] : []}
      onChange={([value]) => update({ [key]: value })}
    />
  );

  const filters: IndexFiltersProps["filters"] = [
    {
      key: "status",
      label: t("queue.filters.status"),
      pinned: true,
      filter: choiceFilter(
        "status",
        TICKET_STATUSES.map((status) => ({
          label: `${t(`statuses.${status}`)} (${countOf(status)})`,
          value: status,
        })),
      ),
    },
    {
      key: "category",
      label: t("queue.filters.category"),
      pinned: true,
      filter: choiceFilter(
        "category",
        CATEGORY_IDS.map((category) => ({ label: categoryLabel(category), value: category })),
      ),
    },
    {
      key: "assignee",
      label: t("queue.filters.assignee"),
      pinned: true,
      filter: choiceFilter("assignee", assigneeChoices),
    },
    {
      key: "shop",
      label: t("queue.filters.shop"),
      pinned: true,
      filter: (
        <TextField
          label={t("queue.filters.shop")}
          labelHidden
          value={shop}
          onChange={setShop}
          autoComplete="off"
          placeholder="example.myshopify.com"
        />
      ),
    },
    {
      key: "age",
      label: t("queue.filters.age"),
      pinned: true,
      filter: choiceFilter(
        "age",
        AGE_BUCKETS.map((age) => ({ label: t(`queue.age.${age}`), value: age })),
      ),
    },
  ];

  const applied: IndexFiltersProps["appliedFilters"] = [
    params.status
      ? {
          key: "status",
          label: `${t("queue.filters.status")}: ${t(`statuses.${params.status}`)}`,
          onRemove: () => update({ status: undefined }),
        }
      : null,
    params.category
      ? {
          key: "category",
          label: `${t("queue.filters.category")}: ${categoryLabel(params.category)}`,
          onRemove: () => update({ category: undefined }),
        }
      : null,
    params.assignee
      ? {
          key: "assignee",
          label: `${t("queue.filters.assignee")}: ${assigneeLabel(params.assignee)}`,
          onRemove: () => update({ assignee: undefined }),
        }
      : null,
    params.shop
      ? {
          key: "shop",
          label: `${t("queue.filters.shop")}: ${params.shop}`,
          onRemove: () => update({ shop: undefined }),
        }
      : null,
    params.age
      ? {
          key: "age",
          label: `${t("queue.filters.age")}: ${t(`queue.age.${params.age}`)}`,
          onRemove: () => update({ age: undefined }),
        }
      : null,
  ].filter((filter) => filter !== null);

  const rows = page.tickets.map((ticket, index) => (
    <IndexTable.Row id={ticket.id} key={ticket.id} position={index}>
      <IndexTable.Cell>
        <Link url={`/agent/tickets/${ticket.id}`} removeUnderline dataPrimaryLink>
          <Text as="span" fontWeight="semibold">
            {formatTicketNumber(ticket.number)}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack>
          <Text as="span">{ticket.shopName}</Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {ticket.shop}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <TruncatedText text={ticket.excerpt} maxWidth="360px" />
      </IndexTable.Cell>
      <IndexTable.Cell>{categoryLabel(ticket.category)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100">
          <AgentStatusBadge status={ticket.status} />
          {ticket.answered ? null : <Badge tone="critical">{t("queue.unanswered")}</Badge>}
          {ticket.unread ? <Badge tone="info">{t("queue.unread")}</Badge> : null}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {ticket.assignee?.name ?? (
          <Text as="span" tone="subdued">
            {t("queue.assignee.none")}
          </Text>
        )}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <DueCell due={ticket.responseDueAt} now={now} timeZone={timeZone} />
      </IndexTable.Cell>
      <IndexTable.Cell>{formatAge(ticket.createdAt, now, t)}</IndexTable.Cell>
      <IndexTable.Cell>{formatAge(ticket.lastActivityAt, now, t)}</IndexTable.Cell>
    </IndexTable.Row>
  ));

  return (
    <Page title={t("queue.title")} fullWidth>
      <BlockStack gap="400">
        <InlineStack gap="200" blockAlign="center">
          {counts.map((count) => (
            <Badge key={count.status} tone={count.status === "new" ? "attention" : undefined}>
              {`${t(`statuses.${count.status}`)}: ${countOf(count.status)}`}
            </Badge>
          ))}
        </InlineStack>
        {searchTooShort ? <Banner tone="warning">{t("queue.searchTooShort")}</Banner> : null}
        <Card padding="0">
          <IndexFilters
            tabs={tabs}
            selected={selectedTab}
            onSelect={(index) => {
              const saved = views[index - QUEUE_VIEWS.length];
              if (saved) return setSearchParams(`${saved.query}&savedView=${saved.id}`);
              update({
                view: QUEUE_VIEWS[index] === "all" ? undefined : QUEUE_VIEWS[index],
                status: undefined,
                assignee: undefined,
                // Each view brings its own order ("Breaching soon" sorts by due time).
                sort: undefined,
              });
            }}
            canCreateNewView={false}
            queryValue={query}
            queryPlaceholder={t("queue.searchPlaceholder")}
            onQueryChange={setQuery}
            onQueryClear={() => setQuery("")}
            sortOptions={sortOptions}
            sortSelected={[page.sort.replace("_", " ")]}
            onSort={([value]) =>
              update({ sort: QUEUE_SORTS.find((sort) => sort === value?.replace(" ", "_")) })
            }
            filters={filters}
            appliedFilters={applied}
            onClearAll={() =>
              update({
                status: undefined,
                category: undefined,
                assignee: undefined,
                shop: undefined,
                age: undefined,
                q: undefined,
              })
            }
            cancelAction={{ onAction: () => update({ q: undefined }) }}
            mode={mode}
            setMode={setMode}
            loading={navigation.state === "loading"}
          />
          <IndexTable
            resourceName={{ singular: t("queue.resource.singular"), plural: t("queue.resource.plural") }}
            itemCount={page.tickets.length}
            selectable={false}
            headings={[
              { title: t("queue.columns.ticket") },
              { title: t("queue.columns.shop") },
              { title: t("queue.columns.problem") },
              { title: t("queue.columns.category") },
              { title: t("queue.columns.status") },
              { title: t("queue.columns.assignee") },
              { title: t("queue.columns.due") },
              { title: t("queue.columns.age") },
              { title: t("queue.columns.lastActivity") },
            ]}
            emptyState={
              <BlockStack gap="200" inlineAlign="center">
                <Text as="p" variant="headingMd">
                  {t("queue.empty.title")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("queue.empty.body")}
                </Text>
              </BlockStack>
            }
            pagination={{
              hasNext: Boolean(page.nextCursor),
              hasPrevious: Boolean(page.previousCursor),
              onNext: () => update({ after: page.nextCursor ?? undefined, before: undefined }),
              onPrevious: () => update({ before: page.previousCursor ?? undefined, after: undefined }),
              accessibilityLabels: { next: t("queue.next"), previous: t("queue.previous") },
            }}
          >
            {rows}
          </IndexTable>
        </Card>
        <Card>
          <viewFetcher.Form method="post" action="/agent?index">
            <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
            <input type="hidden" name="query" value={searchParams.toString()} />
            <InlineStack gap="300" blockAlign="end">
              <TextField
                label={t("views.name")}
                name="name"
                value={viewName}
                onChange={setViewName}
                autoComplete="off"
                error={viewFetcher.data && !viewFetcher.data.ok ? t(viewFetcher.data.error) : undefined}
              />
              <Checkbox
                label={t("views.share")}
                name="shared"
                checked={viewShared}
                onChange={setViewShared}
              />
              <Button submit loading={viewFetcher.state !== "idle"}>
                {t("views.save")}
              </Button>
            </InlineStack>
          </viewFetcher.Form>
        </Card>
      </BlockStack>
      <ShortcutsHelp page="queue" open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </Page>
  );
}
