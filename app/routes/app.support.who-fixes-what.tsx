import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TitleBar } from "@shopify/app-bridge-react";
import { Layout, Page } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";
import { WhoFixesWhat } from "~/components/guides/WhoFixesWhat";
import { pageTitle } from "~/i18n/page-title";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("support:whoFixesWhat.title"));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

/** Who fixes which kind of problem, read off the taxonomy: the same routing the Support page uses. */
export default function WhoFixesWhatPage() {
  const { t } = useTranslation("support");
  return (
    <Page
      title={t("whoFixesWhat.title")}
      subtitle={t("whoFixesWhat.intro")}
      backAction={{ content: t("intake.title"), url: "/app/support" }}
    >
      <TitleBar title={t("whoFixesWhat.title")} />
      <Layout>
        <Layout.Section>
          <WhoFixesWhat />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
