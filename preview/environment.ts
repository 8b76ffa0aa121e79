import { randomBytes } from "node:crypto";

/**
 * The preview's configuration: its own freshly generated secrets (so tokens minted here are
 * worthless anywhere else), the embedded SQLite database and the local SMTP sink.
 */
export function previewEnvironment(port: number, smtpPort: number, databaseUrl = "file:./preview.sqlite") {
  return {
    NODE_ENV: "production" as const,
    PORT: String(port),
    SHOPIFY_API_KEY: "spl-support-preview",
    SHOPIFY_API_SECRET: randomBytes(32).toString("hex"),
    SHOPIFY_APP_URL: `http://localhost:${port}`,
    SCOPES: "read_orders",
    DATABASE_URL: databaseUrl,
    AGENT_SESSION_SECRET: randomBytes(32).toString("hex"),
    INSECURE_COOKIES: "1",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "support@spl-support.example",
    SPL_SUPPORT_INBOX: "agents@spl-support.example",
  };
}
