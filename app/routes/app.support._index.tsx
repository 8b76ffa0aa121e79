import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Card, Page, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { shop: session.shop };
};

export default function SupportPage() {
  const { shop } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("nav.support")} />
      <Card>
        <Text as="p">{shop}</Text>
      </Card>
    </Page>
  );
}
