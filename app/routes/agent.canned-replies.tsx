import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { PLACEHOLDERS } from "~/agent/canned-placeholders";
import { cannedReplies, cannedReplySchema } from "~/agent/canned-replies.server";
import { requireAgentPost } from "~/agent/csrf.server";
import { requireAgent } from "~/agent/session.server";
import { CsrfField } from "~/components/agent/CsrfField";
import { useConsole } from "~/components/agent/use-console";
import { db } from "~/db.server";
import { LOCALES } from "~/i18n/locales";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const agent = await requireAgent(db, request);
  return { replies: await cannedReplies(db).visibleTo(agent.id) };
};

const STATUS = { notFound: 404, forbidden: 403 } as const;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { agent, form } = await requireAgentPost(db, request);
  const replies = cannedReplies(db);
  const intent = form.get("intent");
  const id = form.get("id") ?? "";
  if (intent === "delete") {
    const removed = await replies.remove(agent, id);
    if (!removed.ok) throw new Response(removed.error, { status: STATUS[removed.error] });
    return { ok: true as const, error: null };
  }
  const parsed = cannedReplySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data({ ok: false as const, error: parsed.error.issues[0]?.message ?? "errors.invalid" }, 422);
  const saved = id ? await replies.update(agent, id, parsed.data) : await replies.create(agent, parsed.data);
  if (!saved.ok) throw new Response(saved.error, { status: STATUS[saved.error] });
  return { ok: true as const, error: null };
};

interface Draft {
  id: string;
  title: string;
  locale: string;
  body: string;
  shared: boolean;
}

const EMPTY: Draft = { id: "", title: "", locale: "en", body: "", shared: false };

export default function CannedReplies() {
  const { t } = useTranslation("agent");
  const { replies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { agent: me } = useConsole();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const edit = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  useEffect(() => {
    if (navigation.state === "idle" && result?.ok) setDraft(EMPTY);
  }, [navigation.state, result]);
  const canEdit = (ownerId: string) => ownerId === me?.id || me?.role === "admin";

  return (
    <Page title={t("canned.title")} backAction={{ content: t("nav.queue"), url: "/agent" }}>
      <BlockStack gap="400">
        <Card>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="id" value={draft.id} />
            <FormLayout>
              <Text as="h2" variant="headingMd">
                {draft.id ? t("canned.edit") : t("canned.create")}
              </Text>
              {result && !result.ok ? <Banner tone="critical">{t(result.error)}</Banner> : null}
              <TextField
                label={t("canned.fields.title")}
                name="title"
                value={draft.title}
                onChange={(title) => edit({ title })}
                autoComplete="off"
              />
              <Select
                label={t("canned.fields.locale")}
                name="locale"
                options={LOCALES.map((locale) => ({ label: t(`canned.locales.${locale}`), value: locale }))}
                value={draft.locale}
                onChange={(locale) => edit({ locale })}
              />
              <TextField
                label={t("canned.fields.body")}
                name="body"
                value={draft.body}
                onChange={(body) => edit({ body })}
                multiline={5}
                autoComplete="off"
                helpText={t("canned.placeholders", {
                  list: PLACEHOLDERS.map((name) => `{${name}}`).join(", "),
                })}
              />
              <Checkbox
                label={t("canned.fields.shared")}
                name="shared"
                checked={draft.shared}
                onChange={(shared) => edit({ shared })}
              />
              <InlineStack gap="200">
                <Button submit variant="primary" loading={navigation.state === "submitting"}>
                  {t("canned.save")}
                </Button>
                {draft.id ? <Button onClick={() => setDraft(EMPTY)}>{t("canned.cancel")}</Button> : null}
              </InlineStack>
            </FormLayout>
          </Form>
        </Card>
        {replies.length === 0 ? (
          <Card>
            <Text as="p" tone="subdued">
              {t("canned.empty")}
            </Text>
          </Card>
        ) : null}
        {replies.map((reply) => (
          <Card key={reply.id}>
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">
                  {reply.title}
                </Text>
                <Badge>{t(`canned.locales.${reply.locale}`)}</Badge>
                <Badge tone={reply.shared ? "info" : undefined}>
                  {reply.shared ? t("canned.shared", { name: reply.owner.name }) : t("canned.private")}
                </Badge>
              </InlineStack>
              <Text as="p">{reply.body}</Text>
              {canEdit(reply.ownerId) ? (
                <InlineStack gap="200">
                  <Button onClick={() => setDraft({ ...reply })}>{t("canned.editButton")}</Button>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={reply.id} />
                    <Button submit tone="critical">
                      {t("canned.delete")}
                    </Button>
                  </Form>
                </InlineStack>
              ) : null}
            </BlockStack>
          </Card>
        ))}
      </BlockStack>
    </Page>
  );
}
