import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config, logLevel } from "./config.server";
import { db } from "./db.server";
import { recordInstall } from "./agent/shop-history.server";
import { badRequest } from "./http/input.server";

const env = config();
export const apiVersion = ApiVersion.October25;
const SEVERITY = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
};

/**
 * Shopify's Prisma session storage as it is: each request reads the `Session` table, so every
 * process sees an uninstall or a scopes update at once.
 */
export const sessionStorage = new PrismaSessionStorage(db);

/** The one place that knows how Shopify authenticates requests to this app. */
const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion,
  scopes: env.SCOPES.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage,
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true },
  // Agents see when a shop installed the app (the shop panel); app/uninstalled records the uninstall.
  hooks: { afterAuth: ({ session }) => recordInstall(db, session.shop) },
  logger: { level: SEVERITY[logLevel(env)] },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

function isBase64(value: string) {
  try {
    atob(value);
    return true;
  } catch {
    return false;
  }
}

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
/**
 * Shopify's checks, but a `host` parameter that is not base64 answers 400: the library decodes it
 * with atob, whose exception would otherwise answer 500.
 */
export const authenticate = {
  ...shopify.authenticate,
  admin: ((request: Request) => {
    const host = new URL(request.url).searchParams.get("host");
    if (host !== null && !isBase64(host))
      throw badRequest("The host parameter is not one Shopify admin sends.");
    return shopify.authenticate.admin(request);
  }) as typeof shopify.authenticate.admin,
};
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
