import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { requireAgentPost } from "~/agent/csrf.server";
import { adminOnly, requireAdmin } from "~/agent/session.server";
import { WEEKDAYS, clockOf } from "~/agent/sla";
import { parseSlaForm, readSlaSettings, saveSlaSettings } from "~/agent/sla-settings.server";
import { CsrfField } from "~/components/agent/CsrfField";
import { db } from "~/db.server";
import { SPL_CATEGORIES } from "~/support/taxonomy";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(db, request);
  return { settings: await readSlaSettings(db) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { agent, form } = await requireAgentPost(db, request);
  if (agent.role !== "admin") throw adminOnly();
  const parsed = parseSlaForm(form);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, 422);
  await saveSlaSettings(db, parsed.settings);
  return { ok: true as const, errors: {} as Record<string, string> };
};

/** Business minutes as the hours an admin reads and types ("8", "1.5"). */
const hoursOf = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/** The weekday's name in the page's language (2026-01-05 was a Monday). */
function weekdayName(day: number, locale: string) {
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, 0, 4 + day)),
  );
}

/** One part of the form: a card with its heading and what the part is for. */
function FormCard({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <Card>
      <FormLayout>
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <Text as="p" tone="subdued">
          {help}
        </Text>
        {children}
      </FormLayout>
    </Card>
  );
}

export default function SlaSettingsPage() {
  const { t, i18n } = useTranslation("agent");
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // Controlled fields: a refused save keeps everything the admin typed.
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [workDays, setWorkDays] = useState<number[]>(settings.workDays);
  const [start, setStart] = useState(clockOf(settings.startMinute));
  const [end, setEnd] = useState(clockOf(settings.endMinute));
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      SPL_CATEGORIES.flatMap((category) => [
        [`first.${category}`, hoursOf(settings.targets[category].firstMinutes)],
        [`next.${category}`, hoursOf(settings.targets[category].nextMinutes)],
      ]),
    ),
  );
  const errors: Record<string, string> = result?.errors ?? {};
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result && !result.ok) summary.current?.focus();
  }, [result]);

  return (
    <Page title={t("sla.title")} backAction={{ content: t("nav.queue"), url: "/agent" }}>
      <Form method="post">
        <CsrfField />
        <BlockStack gap="400">
          <div ref={summary} tabIndex={-1}>
            {result && !result.ok ? <Banner tone="critical">{t("sla.errors.summary")}</Banner> : null}
            {result?.ok ? <Banner tone="success">{t("admin.saved")}</Banner> : null}
          </div>
          <FormCard title={t("sla.hoursTitle")} help={t("sla.hoursHelp")}>
            <TextField
              label={t("sla.timeZone")}
              name="timeZone"
              value={timeZone}
              onChange={setTimeZone}
              autoComplete="off"
              helpText={t("sla.timeZoneHelp")}
              error={error("timeZone")}
            />
            <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
              <legend>
                <Text as="span" variant="bodyMd">
                  {t("sla.workDays")}
                </Text>
              </legend>
              <InlineStack gap="300">
                {WEEKDAYS.map((day) => (
                  <Checkbox
                    key={day}
                    label={weekdayName(day, i18n.language)}
                    name="workDays"
                    value={String(day)}
                    checked={workDays.includes(day)}
                    onChange={(checked) =>
                      setWorkDays((days) => (checked ? [...days, day] : days.filter((d) => d !== day)))
                    }
                  />
                ))}
              </InlineStack>
              {error("workDays") ? (
                <Text as="p" tone="critical">
                  {error("workDays")}
                </Text>
              ) : null}
            </fieldset>
            <FormLayout.Group>
              <TextField
                label={t("sla.start")}
                name="start"
                type="time"
                value={start}
                onChange={setStart}
                autoComplete="off"
                error={error("start")}
              />
              <TextField
                label={t("sla.end")}
                name="end"
                type="time"
                value={end}
                onChange={setEnd}
                autoComplete="off"
                error={error("end")}
              />
            </FormLayout.Group>
          </FormCard>
          <FormCard title={t("sla.targetsTitle")} help={t("sla.targetsHelp")}>
            {SPL_CATEGORIES.map((category) => (
              <BlockStack key={category} gap="200">
                <Text as="h3" variant="headingSm">
                  {t(`support:categories.${category}.label`)}
                </Text>
                <FormLayout.Group>
                  {(["first", "next"] as const).map((kind) => {
                    const field = `${kind}.${category}`;
                    return (
                      <TextField
                        key={field}
                        label={t(`sla.${kind}`)}
                        name={field}
                        inputMode="decimal"
                        value={targets[field] ?? ""}
                        onChange={(value) => setTargets((all) => ({ ...all, [field]: value }))}
                        suffix={t("sla.hoursSuffix")}
                        autoComplete="off"
                        error={error(field)}
                      />
                    );
                  })}
                </FormLayout.Group>
              </BlockStack>
            ))}
          </FormCard>
          <InlineStack align="end">
            <Button submit variant="primary" loading={busy}>
              {t("sla.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Page>
  );
}
