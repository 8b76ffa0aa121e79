import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  IndexTable,
  InlineStack,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { accountActionSchema, listAccounts, runAccountAction } from "~/agent/agent-accounts.server";
import { AGENT_ROLES } from "~/agent/roles";
import { requireAgentPost } from "~/agent/csrf.server";
import { adminOnly, requireAdmin } from "~/agent/session.server";
import { CsrfField } from "~/components/agent/CsrfField";
import { formatDateTime } from "~/components/format";
import { useConsole } from "~/components/agent/use-console";
import { db } from "~/db.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(db, request);
  return { accounts: await listAccounts(db) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { agent, form } = await requireAgentPost(db, request);
  if (agent.role !== "admin") throw adminOnly();
  const parsed = accountActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data(
      { ok: false as const, error: parsed.error.issues[0]?.message ?? "admin.errors.invalid" },
      422,
    );
  const result = await runAccountAction(db, agent.id, parsed.data);
  return result.ok
    ? { ok: true as const, error: null }
    : data({ ok: false as const, error: result.error, detail: result.detail }, 422);
};

function ActionButton({ fields, label }: { fields: Record<string, string>; label: string }) {
  return (
    <Form method="post">
      <CsrfField />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button submit size="slim">
        {label}
      </Button>
    </Form>
  );
}

export default function AgentAccounts() {
  const { t, i18n } = useTranslation("agent");
  const { accounts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { agent: me, timeZone } = useConsole();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>("agent");
  const [password, setPassword] = useState("");
  const [resetFor, setResetFor] = useState<string | null>(null);
  const roleOptions = AGENT_ROLES.map((value) => ({ label: t(`roles.${value}`), value }));

  return (
    <Page title={t("admin.agents.title")} backAction={{ content: t("nav.queue"), url: "/agent" }}>
      <BlockStack gap="400">
        {result && !result.ok ? (
          <Banner tone="critical">
            {"detail" in result && typeof result.detail === "string" ? result.detail : t(result.error)}
          </Banner>
        ) : null}
        {result?.ok ? <Banner tone="success">{t("admin.saved")}</Banner> : null}
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: t("admin.agents.singular"), plural: t("admin.agents.plural") }}
            itemCount={accounts.length}
            selectable={false}
            headings={[
              { title: t("admin.agents.name") },
              { title: t("admin.agents.role") },
              { title: t("admin.agents.state") },
              { title: t("admin.agents.created") },
              { title: t("admin.agents.actions") },
            ]}
          >
            {accounts.map((account, index) => (
              <IndexTable.Row id={account.id} key={account.id} position={index}>
                <IndexTable.Cell>
                  <BlockStack>
                    <Text as="span" fontWeight="semibold">
                      {account.name}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {account.email}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{t(`roles.${account.role}`)}</IndexTable.Cell>
                <IndexTable.Cell>
                  {account.disabled ? (
                    <Badge tone="critical">{t("admin.agents.disabled")}</Badge>
                  ) : (
                    <Badge tone="success">{t("admin.agents.active")}</Badge>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {formatDateTime(account.createdAt, i18n.language, timeZone)}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="200">
                    {account.id === me?.id ? null : (
                      <>
                        <ActionButton
                          fields={{ intent: account.disabled ? "enable" : "disable", agentId: account.id }}
                          label={t(account.disabled ? "admin.agents.enable" : "admin.agents.disable")}
                        />
                        <ActionButton
                          fields={{
                            intent: "role",
                            agentId: account.id,
                            role: account.role === "admin" ? "agent" : "admin",
                          }}
                          label={t(
                            account.role === "admin" ? "admin.agents.makeAgent" : "admin.agents.makeAdmin",
                          )}
                        />
                      </>
                    )}
                    <Button
                      size="slim"
                      onClick={() => setResetFor(resetFor === account.id ? null : account.id)}
                    >
                      {t("admin.agents.resetPassword")}
                    </Button>
                  </InlineStack>
                  {resetFor === account.id ? (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="password" />
                      <input type="hidden" name="agentId" value={account.id} />
                      <InlineStack gap="200" blockAlign="end">
                        <TextField
                          label={t("admin.agents.newPassword")}
                          name="password"
                          type="password"
                          autoComplete="new-password"
                          value={password}
                          onChange={setPassword}
                        />
                        <Button submit loading={busy}>
                          {t("admin.agents.savePassword")}
                        </Button>
                      </InlineStack>
                    </Form>
                  ) : null}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <Card>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="create" />
            <FormLayout>
              <Text as="h2" variant="headingMd">
                {t("admin.agents.create")}
              </Text>
              <TextField
                label={t("admin.agents.name")}
                name="name"
                value={name}
                onChange={setName}
                autoComplete="off"
              />
              <TextField
                label={t("admin.agents.email")}
                name="email"
                type="email"
                value={email}
                onChange={setEmail}
                autoComplete="off"
              />
              <Select
                label={t("admin.agents.role")}
                name="role"
                options={roleOptions}
                value={role}
                onChange={setRole}
              />
              <TextField
                label={t("admin.agents.password")}
                name="password"
                type="password"
                value={password}
                onChange={setPassword}
                autoComplete="new-password"
              />
              <Button submit variant="primary" loading={busy}>
                {t("admin.agents.createSubmit")}
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}
