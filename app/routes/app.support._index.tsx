import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientActionFunctionArgs } from "@remix-run/react";
import {
  useActionData,
  useFetcher,
  useLoaderData,
  useLocation,
  useNavigate,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useEffect, useRef, useState } from "react";
import { isNetworkFailure } from "~/components/support/network";
import { DRAFTS, typedBeforeHydration, useDraft } from "~/components/support/drafts";
import { useTranslation } from "~/i18n/use-translation";
import { TriageResult } from "~/components/support/TriageResult";
import { resolveLocale } from "~/i18n/locales";
import { readForm } from "~/http/input.server";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";
import { isIntakeAnswer, type IntakeAnswer } from "~/support/intake";
import { answerIntake, intakeSchema } from "~/support/intake.server";
import type { IntakeHandOff } from "~/support/intake-hand-off";
import { CATEGORY_IDS, type CategoryId, type Route } from "~/support/taxonomy";
import { MAX_TEXT_LENGTH } from "~/support/triage/limits";
import { fieldsOf, isString } from "~/support/untrusted";

/** The page Shopify admin opens the app on: the root inlines its styles (root.tsx). */
export const handle = { landingPage: true };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("support:intake.title"));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  // The order page's "Report a problem to SPL" admin link opens this page with the order's id.
  const params = new URL(request.url).searchParams;
  const orderId = (params.get("orderId") ?? params.get("id") ?? "").replace(/^gid:\/\/shopify\/Order\//, "");
  return { orderId };
};

/**
 * The answer, with what was typed: a post sent before the page's scripts ran (a plain HTML form) gets
 * a whole page back, which shows both.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  await authenticate.admin(request);
  const form = Object.fromEntries(await readForm(request));
  const typed = { description: String(form.description ?? ""), orderId: String(form.orderId ?? "") };
  const input = intakeSchema.safeParse(form);
  if (!input.success)
    return {
      kind: "error" as const,
      error: input.error.issues[0]?.message ?? "intake.errors.empty",
      typed,
    };
  return { ...answerIntake(input.data, resolveLocale(String(form.locale ?? ""))), typed };
};

/**
 * A request that never reached the server (offline, a dropped connection) is an answer the page can
 * show with a Retry, instead of the error page that would take the merchant's text with it.
 */
export const clientAction = async ({ serverAction }: ClientActionFunctionArgs) => {
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (isNetworkFailure(error)) return { kind: "offline" as const };
    throw error;
  }
};

/** The answer in a reply of the action: none when it was an error or never arrived. */
function answerOf(reply: { kind: string } | undefined): IntakeAnswer | null {
  return isIntakeAnswer(reply) ? reply : null;
}

interface IntakeDraft {
  description: string;
  orderId: string;
  answer: IntakeAnswer | null;
}

/** The tab's draft of this page; a field an older page left of another type reads as empty. */
function readIntakeDraft(stored: unknown): IntakeDraft | null {
  const draft = fieldsOf<IntakeDraft>(stored, {
    description: isString,
    orderId: isString,
    answer: isIntakeAnswer,
  });
  return (
    draft && {
      description: draft.description ?? "",
      orderId: draft.orderId ?? "",
      answer: draft.answer ?? null,
    }
  );
}

export default function SupportPage() {
  const { t, i18n } = useTranslation("support");
  const { orderId: prefilledOrderId } = useLoaderData<typeof loader>();
  // A plain form post, sent before the scripts ran, comes back as this page with its answer.
  const posted = useActionData<typeof action>();
  const fetcher = useFetcher<typeof clientAction>();
  const navigate = useNavigate();
  const submitRouting = useSubmit();
  const navigation = useNavigation();
  const [description, setDescription] = useState(posted?.typed.description ?? "");
  const [orderId, setOrderId] = useState(posted?.typed.orderId || prefilledOrderId);
  const [picked, setPicked] = useState<CategoryId | null>(null);
  // The last answer, kept with the text in the tab's draft so Back from a guide shows both again.
  const [answer, setAnswer] = useState<IntakeAnswer | null>(() => answerOf(posted));
  const reply = fetcher.data ?? posted;
  const offline = fetcher.state === "idle" && reply?.kind === "offline";
  const resultRef = useRef<HTMLDivElement>(null);

  useDraft(
    DRAFTS.intake,
    readIntakeDraft,
    { description, orderId, answer },
    useCallback((draft: IntakeDraft | null) => {
      const typed = typedBeforeHydration("intake-description");
      setDescription(typed || draft?.description || "");
      setOrderId((current) => typedBeforeHydration("intake-order-id") || draft?.orderId || current);
      if (!typed || typed === draft?.description) setAnswer(draft?.answer ?? null);
    }, []),
  );

  useEffect(() => {
    const fetched = answerOf(fetcher.data);
    if (fetcher.state !== "idle" || !fetched) return;
    setAnswer(fetched);
    // The answer is the page's news: focus moves to it, so screen readers read it and keyboards continue there.
    requestAnimationFrame(() => resultRef.current?.focus());
  }, [fetcher.state, fetcher.data]);
  // "This fixed it" on the store checks lands here.
  const solved = useSearchParams()[0].get("solved") === "1";

  const submit = (category: CategoryId | null) => {
    setPicked(category);
    fetcher.submit(
      { description, orderId, locale: i18n.language, ...(category ? { category } : {}) },
      { method: "post" },
    );
  };

  const proceed = (category: CategoryId, route: Route, otherProblem?: CategoryId) => {
    const state: IntakeHandOff = { description, orderId, ...(otherProblem ? { otherProblem } : {}) };
    if (route === "spl_ticket") navigate(`/app/support/new?category=${category}`, { state });
    // A POST to the guide's action records the visit once; the guide page's GET writes nothing.
    else submitRouting(null, { method: "post", action: `/app/support/guides/${category}`, state });
  };
  const routingToGuide = navigation.formAction?.startsWith("/app/support/guides/") ?? false;
  // Before hydration the form posts itself to this route's action, keeping the embedded app's session
  // token and shop parameters; after, the fetcher answers in place.
  const search = new URLSearchParams(useLocation().search);
  search.delete("index");
  const formAction = `/app/support?index${search.size ? `&${search}` : ""}`;

  return (
    <Page title={t("intake.title")}>
      <TitleBar title={t("intake.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {solved ? <Banner tone="success">{t("storeChecks.solved")}</Banner> : null}
            <Card>
              <Form action={formAction} method="post" onSubmit={() => submit(null)}>
                <FormLayout>
                  <input type="hidden" name="locale" value={i18n.language} />
                  <Text as="h2" variant="headingMd">
                    {t("intake.heading")}
                  </Text>
                  <TextField
                    label={t("intake.descriptionLabel")}
                    helpText={t("intake.descriptionHelp")}
                    value={description}
                    onChange={setDescription}
                    id="intake-description"
                    name="description"
                    multiline={5}
                    maxLength={MAX_TEXT_LENGTH}
                    autoComplete="off"
                    error={reply?.kind === "error" ? t(reply.error, { max: MAX_TEXT_LENGTH }) : undefined}
                  />
                  <TextField
                    label={t("intake.orderIdLabel")}
                    helpText={t("intake.orderIdHelp")}
                    value={orderId}
                    onChange={setOrderId}
                    id="intake-order-id"
                    name="orderId"
                    autoComplete="off"
                  />
                  <Button submit variant="primary" loading={fetcher.state !== "idle" && picked === null}>
                    {t("intake.submit")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            {offline ? (
              <Banner
                tone="critical"
                title={t("intake.offline")}
                action={{ content: t("intake.retry"), onAction: () => submit(picked) }}
              >
                {t("intake.offlineBody")}
              </Banner>
            ) : null}
            {answer ? (
              <div ref={resultRef} tabIndex={-1} aria-live="polite">
                <TriageResult answer={answer} onProceed={proceed} proceeding={routingToGuide} />
              </div>
            ) : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingSm">
                  {t("intake.chipsLabel")}
                </Text>
                <InlineStack gap="200">
                  {CATEGORY_IDS.map((category) => (
                    <Button key={category} pressed={picked === category} onClick={() => submit(category)}>
                      {t(`categories.${category}.label`)}
                    </Button>
                  ))}
                </InlineStack>
                <InlineStack>
                  <Button variant="plain" url="/app/support/who-fixes-what">
                    {t("whoFixesWhat.linkFromSupport")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
