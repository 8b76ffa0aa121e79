import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Link,
  Outlet,
  isRouteErrorResponse,
  useFetcher,
  useLoaderData,
  useLocation,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { NavMenu, useAppBridge } from "@shopify/app-bridge-react";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useState } from "react";
import { I18nProvider, useTranslation } from "~/i18n/use-translation";
import { ServiceUnavailable } from "~/components/error-pages";
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
      <I18nProvider i18n={i18n}>
        <AppNavigation />
        <NavigationLoading />
        {/* Shopify admin draws the header and nav around the frame: the page itself is the main content. */}
        <main>
          <Outlet />
        </main>
      </I18nProvider>
    </AppProvider>
  );
}

/**
 * The app's nav in Shopify admin. "My tickets" carries the number of tickets with news from SPL,
 * fetched again on every page change and, as Remix revalidates fetchers, after every form sent.
 */
function AppNavigation() {
  const { t } = useTranslation();
  const unread = useFetcher<{ count: number }>();
  const { pathname } = useLocation();
  const { load } = unread;
  useEffect(() => {
    load("/app/support/unread");
  }, [load, pathname]);
  const count = unread.data?.count ?? 0;
  return (
    <NavMenu>
      <Link to="/app/support" rel="home">
        {t("nav.support")}
      </Link>
      <Link to="/app/support/tickets">
        {count > 0 ? t("nav.ticketsWithNews", { count }) : t("nav.tickets")}
      </Link>
      <Link to="/app/support/who-fixes-what">{t("nav.whoFixesWhat")}</Link>
    </NavMenu>
  );
}

/** Shopify admin's loading bar while a page or a form is on its way (App Bridge's `shopify.loading`). */
function NavigationLoading() {
  const shopify = useAppBridge();
  const { state } = useNavigation();
  useEffect(() => {
    shopify.loading(state !== "idle");
  }, [shopify, state]);
  return null;
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
