import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { ErrorPage, ServiceUnavailable } from "./components/error-pages";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisSheets from "virtual:polaris-styles";
import { useEffect, useState, type ReactNode } from "react";

/**
 * Polaris's stylesheet with only the rules the merchant's or the agent's pages can use (see
 * vite.config.ts); pages of neither side, and development, get the whole sheet. A document that opens
 * on the Support page carries the rules that page needs in a <style> and loads the merchant's sheet
 * once the page's scripts have run: a sheet in <head> costs a Slow 4G round trip after the document
 * before the first paint (bench:support measured the phone's largest contentful paint at 1.85 s this
 * way, 2.30 s with it), and one loading alongside the scripts took their bandwidth (usable after 3.05 s
 * then, 2.84 s now).
 */
function usePolarisStylesheets() {
  const matches = useMatches();
  const layouts = new Set(matches.map((match) => match.id));
  const side = layouts.has("routes/app") ? "merchant" : layouts.has("routes/agent") ? "agent" : undefined;
  const href = (side && polarisSheets[side]) || polarisStyles;
  // Decided by the document's first page and kept: client navigations reuse what it loaded.
  const [inline] = useState(() => side === "merchant" && matches.some(opensOnLandingPage));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return { href, inline: inline && href !== polarisStyles, hydrated };
}

/** The Support page marks itself (it has two addresses: the app's URL and /app/support). */
const opensOnLandingPage = (match: { handle: unknown }) =>
  (match.handle as { landingPage?: boolean } | undefined)?.landingPage === true;

export function Layout({ children }: { children: ReactNode }) {
  // Embedded pages speak the merchant's language (the app layout decides it); the rest is English.
  const app = useRouteLoaderData<{ locale?: string }>("routes/app");
  const stylesheet = usePolarisStylesheets();
  return (
    <html lang={app?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {stylesheet.inline ? (
          // Only the server has the rules (the browser's bundle does not carry them); hydration keeps them.
          <style
            dangerouslySetInnerHTML={{ __html: polarisSheets.critical ?? "" }}
            suppressHydrationWarning
          />
        ) : (
          <link rel="stylesheet" href={stylesheet.href} />
        )}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
        {stylesheet.inline && stylesheet.hydrated && <link rel="stylesheet" href={stylesheet.href} />}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Last resort when a page failed before its language was known. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 503) return <ServiceUnavailable />;
  return <ErrorPage notFound={isRouteErrorResponse(error) && error.status === 404} />;
}
