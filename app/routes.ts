import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig, RouteConfigEntry } from "@remix-run/route-config";

const APP_LAYOUT = "routes/app";
const SUPPORT_PAGE = "routes/app.support._index.tsx";

/**
 * The routes as app/routes names them, with one change: Shopify admin opens the app at its URL, and
 * that address is the Support page itself, inside the app layout, rather than a redirect to it. A
 * redirect is a round trip before the page starts: 562 ms on bench:support's simulated phone (Slow 4G),
 * which put the page's "usable" at 2.75 s against a target of 2.5 s. The layout becomes pathless and its
 * pages keep their /app/… addresses, so moving from the home address to another page keeps the layout
 * (and the language it was opened in) mounted. Without a shop, the layout's authentication sends the
 * visitor to the login page, as Shopify's app template does at its root.
 */
export function openAppAtItsUrl(routes: RouteConfigEntry[]): RouteConfigEntry[] {
  const app = routes.find((entry) => entry.id === APP_LAYOUT);
  if (!app?.children || app.path !== "app")
    throw new Error(`app/routes.ts expects the flat route "${APP_LAYOUT}" at "app" with pages`);
  const pages = app.children.map((page) => ({ ...page, path: page.path ? `app/${page.path}` : "app" }));
  const home = { id: "routes/home", file: SUPPORT_PAGE, index: true };
  return routes.map((entry) =>
    entry === app ? { ...app, path: undefined, children: [home, ...pages] } : entry,
  );
}

export default flatRoutes({ ignoredRouteFiles: ["**/.*", "**/*.test.*"] }).then(
  openAppAtItsUrl,
) satisfies RouteConfig;
