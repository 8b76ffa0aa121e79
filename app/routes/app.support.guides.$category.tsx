import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GuideView } from "~/components/guides/GuideView";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n/locales";
import { authenticate } from "~/shopify.server";
import { shopInfoFor } from "~/shopify/admin-data.server";
import { merchantTickets } from "~/support/tickets/merchant-tickets.server";
import { isCategoryId, routeOf } from "~/support/taxonomy";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const category = params.category;
  if (!isCategoryId(category) || routeOf(category) !== "tiktok_guide")
    return data({ category: null, shopName: "" }, { status: 404 });
  // Counted once per routing from the Support page, so SPL sees problems solved without a ticket.
  if (new URL(request.url).searchParams.get("from") === "triage")
    await merchantTickets(db, session.shop).recordGuideVisit(category);
  const { name } = await shopInfoFor(session.shop, admin);
  return { category, shopName: name };
};

interface IntakeState {
  description?: string;
  orderId?: string;
}

export default function GuidePage() {
  const { t, i18n } = useTranslation("support");
  const { category, shopName } = useLoaderData<typeof loader>();
  const intake = (useLocation().state ?? {}) as IntakeState;
  const navigate = useNavigate();
  const [description, setDescription] = useState(intake.description ?? "");
  const [orderId, setOrderId] = useState(intake.orderId ?? "");

  if (!category) {
    return (
      <Page backAction={{ content: t("intake.title"), url: "/app/support" }}>
        <Card>
          <EmptyState heading={t("ticket.notFound")} image="" />
        </Card>
      </Page>
    );
  }

  const label = t(`categories.${category}.label`);
  return (
    <Page
      title={t("guide.title", { category: label })}
      backAction={{ content: t("intake.title"), url: "/app/support" }}
    >
      <TitleBar title={t("guide.title", { category: label })} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Banner tone="info">{t("guide.intro")}</Banner>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("guide.yourProblem")}
                </Text>
                <TextField
                  label={t("intake.descriptionLabel")}
                  value={description}
                  onChange={setDescription}
                  multiline={3}
                  autoComplete="off"
                />
                <TextField
                  label={t("intake.orderIdLabel")}
                  value={orderId}
                  onChange={setOrderId}
                  autoComplete="off"
                />
              </BlockStack>
            </Card>
            <GuideView
              category={category}
              description={description}
              shopName={shopName}
              orderId={orderId}
              locale={resolveLocale(i18n.language)}
              categoryLabel={label}
            />
            <Card>
              <InlineStack gap="300" blockAlign="center">
                <Text as="p">{t("guide.notSpl")}</Text>
                <Button onClick={() => navigate("/app/support/new", { state: { description, orderId } })}>
                  {t("guide.openTicketInstead")}
                </Button>
              </InlineStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
