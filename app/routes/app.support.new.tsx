import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSubmit,
  type ClientActionFunctionArgs,
} from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  FormLayout,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { AttachmentPicker } from "~/components/support/AttachmentPicker";
import { StoreChecksCard } from "~/components/support/StoreChecksCard";
import { DRAFTS, typedBeforeHydration, useDraft } from "~/components/support/drafts";
import { isNetworkFailure } from "~/components/support/network";
import { APP_VERSION } from "~/app-version";
import { unavailableAsData } from "~/database-unavailable.server";
import { db } from "~/db.server";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";
import { shopInfoFor } from "~/shopify/admin-data.server";
import { readIntakeHandOff } from "~/support/intake-hand-off";
import { textFields } from "~/support/untrusted";
import { extractEntities } from "~/support/triage/entities";
import type { StoreCheckReport } from "~/support/store-checks/findings";
import { MAX_ATTACHMENTS } from "~/support/tickets/attachments";
import { readTicketForm } from "~/support/tickets/multipart.server";
import { openTicket } from "~/support/tickets/open-ticket.server";
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  fieldErrors,
  ticketFormSchema,
} from "~/support/tickets/ticket-input";
import { SPL_CATEGORIES, isCategoryId, routeOf, type CategoryId } from "~/support/taxonomy";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("support:ticketForm.title"));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shopInfo = await shopInfoFor(session.shop, admin);
  const requested = new URL(request.url).searchParams.get("category");
  const category = isCategoryId(requested) && routeOf(requested) === "spl_ticket" ? requested : null;
  return { shopInfo, category, appVersion: APP_VERSION, idempotencyKey: randomUUID() };
};

export const action = ({ request }: ActionFunctionArgs) =>
  unavailableAsData(() => createTicket(request), { ok: false as const });

async function createTicket(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const { fields, files } = await readTicketForm(request);
  const result = await openTicket(
    db,
    {
      shop: session.shop,
      scopes: (session.scope ?? "").split(","),
      admin,
      shopInfo: await shopInfoFor(session.shop, admin),
      appVersion: APP_VERSION,
    },
    fields,
    files,
  );
  if (!result.ok) return data(result, { status: 422 });
  const params = new URLSearchParams({ created: "1" });
  if (result.orderFound !== null) params.set("order", result.orderFound ? "found" : "missing");
  return redirect(`/app/support/tickets/${result.ticketId}?${params}`);
}

/** A send that never reached the server keeps the form as it is, with a Retry (files included). */
export const clientAction = async ({ serverAction }: ClientActionFunctionArgs) => {
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (isNetworkFailure(error)) return { ok: false as const, offline: true as const };
    throw error;
  }
};

/** The form's text as the tab keeps it; `handedOff` is the Support page's text it started from. */
const DRAFT_FIELDS = [
  "handedOff",
  "category",
  "description",
  "contactEmail",
  "tiktokUsername",
  "orderId",
] as const;
type TicketDraft = Record<(typeof DRAFT_FIELDS)[number], string>;
const readTicketDraft = (stored: unknown): TicketDraft | null => textFields(stored, DRAFT_FIELDS);

export default function NewTicketPage() {
  const { t, i18n } = useTranslation("support");
  const {
    shopInfo,
    category: requestedCategory,
    appVersion,
    idempotencyKey,
  } = useLoaderData<typeof loader>();
  const serverResult = useActionData<typeof clientAction>();
  const intake = readIntakeHandOff(useLocation().state);
  const navigation = useNavigation();
  const submit = useSubmit();

  const [category, setCategory] = useState<string>(requestedCategory ?? "");
  const [description, setDescription] = useState(intake.description ?? "");
  const [contactEmail, setContactEmail] = useState(shopInfo.contactEmail);
  const [tiktokUsername, setTiktokUsername] = useState("");
  // An order the merchant named in their words ("order 1002") fills the field they left empty.
  const [orderId, setOrderId] = useState(
    intake.orderId || extractEntities(intake.description ?? "").orderNumbers[0] || "",
  );
  const [files, setFiles] = useState<File[]>([]);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [showForm, setShowForm] = useState(!requestedCategory);
  const [storeChecks, setStoreChecks] = useState<StoreCheckReport | null>(null);
  const openForm = useCallback(() => setShowForm(true), []);

  const handedOff = intake.description ?? "";
  useDraft(
    DRAFTS.ticketForm,
    readTicketDraft,
    { handedOff, category, description, contactEmail, tiktokUsername, orderId },
    useCallback(
      (draft: TicketDraft | null) => {
        // A draft begun from other words than the Support page hands over now is an older problem's.
        if (draft && draft.handedOff === handedOff) {
          setCategory((current) => draft.category || current);
          setDescription(draft.description);
          setContactEmail((current) => draft.contactEmail || current);
          setTiktokUsername(draft.tiktokUsername);
          setOrderId(draft.orderId);
        }
        const typed = typedBeforeHydration("ticket-description");
        if (typed) setDescription(typed);
      },
      [handedOff],
    ),
  );

  const rejected = serverResult && "errors" in serverResult ? serverResult : undefined;
  // The database could not take the ticket: the form keeps what was typed, a banner asks to send again.
  const unavailable = serverResult !== undefined && "unavailable" in serverResult;
  const offline = serverResult !== undefined && "offline" in serverResult;
  const errors = clientErrors ?? rejected?.errors ?? {};
  const attachmentProblem = clientErrors ? undefined : rejected?.attachmentProblem;
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const submitting = navigation.state === "submitting";

  const values = {
    category,
    description,
    contactEmail,
    tiktokUsername,
    orderId,
    idempotencyKey,
    locale: i18n.language,
    ...(storeChecks ? { storeChecks: JSON.stringify(storeChecks) } : {}),
  };

  const send = () => {
    if (submitting) return;
    const parsed = ticketFormSchema.safeParse(values);
    if (!parsed.success) {
      setClientErrors(fieldErrors(parsed.error));
      return;
    }
    setClientErrors(null);
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) form.append(key, value);
    for (const file of files) form.append("attachments", file);
    submit(form, { method: "post", encType: "multipart/form-data" });
  };

  const categoryLabel = category && isCategoryId(category) ? t(`categories.${category}.label`) : "";
  const hasErrors = Object.keys(errors).length > 0 || attachmentProblem;
  // After a refused send, focus goes to the summary of what to fix, so it is read out and seen first.
  const errorSummary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hasErrors) errorSummary.current?.focus();
  }, [hasErrors, clientErrors, serverResult]);

  return (
    <Page title={t("ticketForm.title")} backAction={{ content: t("intake.title"), url: "/app/support" }}>
      <TitleBar title={t("ticketForm.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {requestedCategory && !showForm ? (
              <StoreChecksCard
                category={requestedCategory}
                description={intake.description ?? ""}
                orderId={intake.orderId ?? ""}
                onOpenTicket={openForm}
                onReport={setStoreChecks}
              />
            ) : null}
            {requestedCategory && !showForm ? (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("selfHelp.heading")}
                  </Text>
                  <Text as="p">{t("selfHelp.intro", { category: categoryLabel })}</Text>
                  <List type="number">
                    {(t(`selfHelp.${requestedCategory}`, { returnObjects: true }) as string[]).map(
                      (check) => (
                        <List.Item key={check}>{check}</List.Item>
                      ),
                    )}
                  </List>
                  <Button onClick={() => setShowForm(true)}>{t("selfHelp.openAnyway")}</Button>
                </BlockStack>
              </Card>
            ) : null}
            {intake.otherProblem && category && isCategoryId(category) ? (
              <Banner tone="info" title={t("ticketForm.twoProblems.title", { category: categoryLabel })}>
                {t("ticketForm.twoProblems.body", {
                  category: categoryLabel,
                  other: t(`categories.${intake.otherProblem}.label`),
                })}
              </Banner>
            ) : null}
            {showForm ? (
              <Card>
                <Form onSubmit={send}>
                  <FormLayout>
                    {hasErrors ? (
                      <div ref={errorSummary} tabIndex={-1}>
                        <Banner tone="critical">{t("ticketForm.fixErrors")}</Banner>
                      </div>
                    ) : null}
                    {unavailable && !submitting ? (
                      <Banner tone="warning">{t("ticketForm.unavailable")}</Banner>
                    ) : null}
                    {offline && !submitting ? (
                      <Banner
                        tone="critical"
                        title={t("ticketForm.offline")}
                        action={{ content: t("intake.retry"), onAction: send }}
                      >
                        {t("intake.offlineBody")}
                      </Banner>
                    ) : null}
                    <TextField
                      label={t("ticketForm.shop")}
                      value={`${shopInfo.name} (${shopInfo.domain})`}
                      readOnly
                      autoComplete="off"
                    />
                    <Select
                      label={t("ticketForm.category")}
                      options={[
                        { label: "—", value: "" },
                        ...SPL_CATEGORIES.map((id: CategoryId) => ({
                          label: t(`categories.${id}.label`),
                          value: id,
                        })),
                      ]}
                      value={category}
                      onChange={setCategory}
                      error={error("category")}
                    />
                    <TextField
                      label={t("ticketForm.description")}
                      helpText={t("ticketForm.descriptionHelp", {
                        min: DESCRIPTION_MIN,
                        max: DESCRIPTION_MAX,
                      })}
                      value={description}
                      onChange={setDescription}
                      id="ticket-description"
                      multiline={6}
                      maxLength={DESCRIPTION_MAX}
                      showCharacterCount
                      autoComplete="off"
                      error={error("description")}
                    />
                    <FormLayout.Group>
                      <TextField
                        label={t("ticketForm.contactEmail")}
                        type="email"
                        value={contactEmail}
                        onChange={setContactEmail}
                        autoComplete="email"
                        error={error("contactEmail")}
                      />
                      <TextField
                        label={t("ticketForm.tiktokUsername")}
                        helpText={t("ticketForm.tiktokUsernameHelp")}
                        value={tiktokUsername}
                        onChange={setTiktokUsername}
                        autoComplete="off"
                        error={error("tiktokUsername")}
                      />
                    </FormLayout.Group>
                    <TextField
                      label={t("ticketForm.orderId")}
                      helpText={t("ticketForm.orderIdHelp")}
                      value={orderId}
                      onChange={setOrderId}
                      autoComplete="off"
                      error={error("orderId")}
                    />
                    <AttachmentPicker
                      files={files}
                      onChange={setFiles}
                      max={MAX_ATTACHMENTS}
                      problem={attachmentProblem}
                    />
                    <BlockStack gap="100">
                      <Text as="h2" variant="headingSm">
                        {t("ticketForm.diagnostics")}
                      </Text>
                      <List>
                        <List.Item>{`${t("ticketForm.diagnosticsItems.appVersion")}: ${appVersion}`}</List.Item>
                        <List.Item>{`${t("ticketForm.diagnosticsItems.shopPlan")}: ${shopInfo.plan ?? "—"}`}</List.Item>
                        <List.Item>{`${t("ticketForm.diagnosticsItems.locale")}: ${i18n.language}`}</List.Item>
                        <List.Item>{`${t("ticketForm.diagnosticsItems.timezone")}: ${shopInfo.timezone ?? "—"}`}</List.Item>
                      </List>
                    </BlockStack>
                    {storeChecks ? (
                      <Text as="p" tone="subdued">
                        {t("storeChecks.attached")}
                      </Text>
                    ) : null}
                    <Button submit variant="primary" loading={submitting}>
                      {t("ticketForm.submit")}
                    </Button>
                  </FormLayout>
                </Form>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
