import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  useFetcher,
  useLoaderData,
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
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TriageResult } from "~/components/support/TriageResult";
import { resolveLocale } from "~/i18n/locales";
import { readForm } from "~/http/input.server";
import { authenticate } from "~/shopify.server";
import { answerIntake, intakeSchema } from "~/support/intake";
import type { IntakeHandOff } from "~/support/intake-hand-off";
import { CATEGORY_IDS, type CategoryId } from "~/support/taxonomy";
import { MAX_TEXT_LENGTH } from "~/support/triage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  // The order page's "Report a problem to SPL" admin link opens this page with the order's id.
  const params = new URL(request.url).searchParams;
  const orderId = (params.get("orderId") ?? params.get("id") ?? "").replace(/^gid:\/\/shopify\/Order\//, "");
  return { orderId };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  await authenticate.admin(request);
  const form = Object.fromEntries(await readForm(request));
  const input = intakeSchema.safeParse(form);
  if (!input.success)
    return { kind: "error" as const, error: input.error.issues[0]?.message ?? "intake.errors.empty" };
  return answerIntake(input.data, resolveLocale(String(form.locale ?? "")));
};

export default function SupportPage() {
  const { t, i18n } = useTranslation("support");
  const { orderId: prefilledOrderId } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const navigate = useNavigate();
  const submitRouting = useSubmit();
  const navigation = useNavigation();
  const [description, setDescription] = useState("");
  const [orderId, setOrderId] = useState(prefilledOrderId);
  const [picked, setPicked] = useState<CategoryId | null>(null);
  const answer = fetcher.data;
  // "This fixed it" on the store checks lands here.
  const solved = useSearchParams()[0].get("solved") === "1";

  const submit = (category: CategoryId | null) => {
    setPicked(category);
    fetcher.submit(
      { description, orderId, locale: i18n.language, ...(category ? { category } : {}) },
      { method: "post" },
    );
  };

  const proceed = (category: CategoryId, route: "spl_ticket" | "tiktok_guide") => {
    const state: IntakeHandOff = {
      description,
      orderId,
      ...(answer?.kind === "classified"
        ? { suggestedCategory: answer.triage.category, confidence: answer.triage.confidence }
        : {}),
    };
    if (route === "spl_ticket") navigate(`/app/support/new?category=${category}`, { state });
    // A POST to the guide's action records the visit once; the guide page's GET writes nothing.
    else submitRouting(null, { method: "post", action: `/app/support/guides/${category}`, state });
  };
  const routingToGuide = navigation.formAction?.startsWith("/app/support/guides/") ?? false;

  return (
    <Page title={t("intake.title")}>
      <TitleBar title={t("intake.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {solved ? <Banner tone="success">{t("storeChecks.solved")}</Banner> : null}
            <Card>
              <Form onSubmit={() => submit(null)}>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("intake.heading")}
                  </Text>
                  <TextField
                    label={t("intake.descriptionLabel")}
                    helpText={t("intake.descriptionHelp")}
                    value={description}
                    onChange={setDescription}
                    multiline={5}
                    maxLength={MAX_TEXT_LENGTH}
                    autoComplete="off"
                    error={answer?.kind === "error" ? t(answer.error, { max: MAX_TEXT_LENGTH }) : undefined}
                  />
                  <TextField
                    label={t("intake.orderIdLabel")}
                    helpText={t("intake.orderIdHelp")}
                    value={orderId}
                    onChange={setOrderId}
                    autoComplete="off"
                  />
                  <Button submit variant="primary" loading={fetcher.state !== "idle" && picked === null}>
                    {t("intake.submit")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            {answer && answer.kind !== "error" ? (
              <TriageResult
                answer={answer}
                onChoose={submit}
                onProceed={proceed}
                proceeding={routingToGuide}
              />
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
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
