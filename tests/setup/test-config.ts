import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";

/** The configuration tests run the app with; the Shopify values match the library's test helpers. */
export const TEST_CONFIG = {
  NODE_ENV: "test" as const,
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: APP_URL,
  SCOPES: "read_orders",
  AGENT_SESSION_SECRET: "test-agent-session-secret-with-32-plus-chars",
  INSECURE_COOKIES: "0",
  SMTP_URL: "smtp://127.0.0.1:2526",
  MAIL_FROM: "support@spl-support.example",
  SPL_SUPPORT_INBOX: "agents@spl-support.example",
};
