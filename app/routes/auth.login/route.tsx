import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { I18nProvider, useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/http/input.server";
import { createI18n } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/request-locale.server";
import { polarisTranslations, resourcesFor } from "~/i18n/resources.server";
import { login } from "~/shopify.server";

async function pageData(request: Request, errors: Awaited<ReturnType<typeof login>> | null) {
  const locale = requestLocale(request);
  return {
    locale,
    resources: resourcesFor(locale, ["common"]),
    polaris: (await polarisTranslations[locale]()).default,
    shopError: errors && "shop" in errors ? (errors.shop ?? null) : null,
  };
}

export const loader = async ({ request }: LoaderFunctionArgs) => pageData(request, await login(request));

export const action = async ({ request }: ActionFunctionArgs) => {
  // Shopify's login reads the form itself and throws on any other content type; it is given the
  // form as read, within its limit, through the app's input boundary.
  const form = await readForm(request);
  const formRequest = new Request(request.url, { method: "POST", headers: request.headers, body: form });
  return pageData(request, await login(formRequest));
};

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { locale, resources, polaris } = loaderData;
  const [i18n] = useState(() => createI18n(locale, resources));
  return (
    <AppProvider i18n={polaris}>
      <I18nProvider i18n={i18n}>
        <LoginForm shopError={(actionData ?? loaderData).shopError} />
      </I18nProvider>
    </AppProvider>
  );
}

function LoginForm({ shopError }: { shopError: string | null }) {
  const { t } = useTranslation();
  const [shop, setShop] = useState("");
  return (
    <Page narrowWidth>
      <Card>
        <Form method="post">
          <FormLayout>
            <Text variant="headingMd" as="h1">
              {t("login.title")}
            </Text>
            <TextField
              type="text"
              name="shop"
              label={t("login.shopLabel")}
              helpText={t("login.shopHelp")}
              value={shop}
              onChange={setShop}
              autoComplete="on"
              error={shopError ? t(`login.errors.${shopError}`) : undefined}
            />
            <Button submit>{t("login.submit")}</Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  );
}
