import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { AppProvider, Button, EmptyState, Page } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import type { LinksFunction } from "@remix-run/node";
import type { ReactNode } from "react";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Last resort for errors outside the embedded app; it cannot rely on i18n having loaded. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const heading = status === 404 ? "Page not found" : "Something went wrong";
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page>
        <EmptyState heading={heading} image="">
          <p>{status === 404 ? "Check the address and try again." : "Please reload the page. If it happens again, contact SPL support."}</p>
          <Button url="/">Back to the app</Button>
        </EmptyState>
      </Page>
    </AppProvider>
  );
}
