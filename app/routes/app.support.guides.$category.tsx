import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { GuideView } from "~/components/guides/GuideView";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n/locales";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";
import { shopInfoFor } from "~/shopify/admin-data.server";
import { readIntakeHandOff } from "~/support/intake-hand-off";
import { findTrackingNumber } from "~/support/guides/carriers";
import { guideVisits } from "~/support/guides/guide-visits.server";
import { channelsOf, isCategoryId, routeOf, type CategoryId } from "~/support/taxonomy";

function guideCategory(param: string | undefined): CategoryId | null {
  return isCategoryId(param) && routeOf(param) === "tiktok_guide" ? param : null;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data?.category
      ? t("support:guide.title", { category: t(`support:categories.${data.category}.label`) })
      : t("support:guide.notFound"),
  );

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const category = guideCategory(params.category);
  if (!category) return data({ category: null, shopName: "", country: null }, { status: 404 });
  const { name, country } = await shopInfoFor(session.shop, admin);
  return { category, shopName: name, country };
};

/**
 * The Support page routes a merchant here with a POST, counted once, so SPL sees problems solved
 * without a ticket. The page itself is a GET that writes nothing: prefetches, reloads and Back don't count.
 * No redirect: the merchant's description travels in the navigation's history state, which a redirect drops.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const category = guideCategory(params.category);
  if (!category) return data(null, { status: 404 });
  await guideVisits(db, session.shop).record(category);
  return null;
};

export default function GuidePage() {
  const { t, i18n } = useTranslation("support");
  const { category, shopName, country } = useLoaderData<typeof loader>();
  const intake = readIntakeHandOff(useLocation().state);
  const navigate = useNavigate();
  const [description, setDescription] = useState(intake.description ?? "");
  const [orderId, setOrderId] = useState(intake.orderId ?? "");
  // SPL's article asks for the TikTok Shop username first: it is how TikTok finds the account.
  const [tiktokUsername, setTiktokUsername] = useState("");

  if (!category) {
    return (
      <Page backAction={{ content: t("intake.title"), url: "/app/support" }}>
        <Card>
          <EmptyState heading={t("guide.notFound")} image="" />
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
            {/* A shipment is the carrier's before it is TikTok's: the account reason would mislead. */}
            <Banner tone="info">
              {t(channelsOf(category)[0] === "carrier" ? "guide.introCarrier" : "guide.intro")}
            </Banner>
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
                <TextField
                  label={t("guide.usernameLabel")}
                  helpText={t("guide.usernameHelp")}
                  value={tiktokUsername}
                  onChange={setTiktokUsername}
                  autoComplete="off"
                />
              </BlockStack>
            </Card>
            <GuideView
              category={category}
              description={description}
              shopName={shopName}
              orderId={orderId}
              tiktokUsername={tiktokUsername}
              trackingNumber={findTrackingNumber(intake.description ?? "") ?? undefined}
              locale={resolveLocale(i18n.language)}
              country={country}
              categoryLabel={label}
            />
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="300" blockAlign="center">
                  <Text as="p">{t("guide.notSpl")}</Text>
                  <Button onClick={() => navigate("/app/support/new", { state: { description, orderId } })}>
                    {t("guide.openTicketInstead")}
                  </Button>
                </InlineStack>
                <Text as="p">
                  <Link url="/app/support/who-fixes-what">{t("whoFixesWhat.linkFromGuide")}</Link>
                </Text>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
