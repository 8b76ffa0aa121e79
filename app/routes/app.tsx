import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Link,
  Outlet,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { ServiceUnavailable } from "~/components/ServiceUnavailable";
import { createI18n } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/request-locale.server";
import { polarisTranslations, resourcesFor } from "~/i18n/resources.server";
import { authenticate } from "~/shopify.server";
import { config } from "~/config.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const locale = requestLocale(request);
  return {
    apiKey: config().SHOPIFY_API_KEY,
    locale,
    resources: resourcesFor(locale, ["common", "support", "guides"]),
    polaris: (await polarisTranslations[locale]()).default,
  };
};

// The layout's data (API key and language) is fixed for the page's life; child navigations
// must not refetch it without the ?locale= that only the first document request carries.
export const shouldRevalidate: ShouldRevalidateFunction = () => false;

export default function App() {
  const { apiKey, locale, resources, polaris } = useLoaderData<typeof loader>();
  const [i18n] = useState(() => createI18n(locale, resources));
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={polaris}>
      <I18nextProvider i18n={i18n}>
        <AppNavigation />
        <Outlet />
      </I18nextProvider>
    </AppProvider>
  );
}

function AppNavigation() {
  const { t } = useTranslation();
  return (
    <NavMenu>
      <Link to="/app/support" rel="home">
        {t("nav.support")}
      </Link>
      <Link to="/app/support/tickets">{t("nav.tickets")}</Link>
    </NavMenu>
  );
}

// Shopify's auth redirects are thrown as responses; the boundary turns them into the right exit.
export function ErrorBoundary() {
  const error = useRouteError();
  const layout = useRouteLoaderData<typeof loader>("routes/app");
  if (isRouteErrorResponse(error) && error.status === 503)
    return <ServiceUnavailable locale={layout?.locale} />;
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
