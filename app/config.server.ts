import { z } from "zod";

const secret = (name: string, min: number) =>
  z
    .string({ required_error: `${name} is required` })
    .min(min, `${name} must be at least ${min} characters`)
    .regex(/^\S+$/, `${name} must not contain spaces`);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SHOPIFY_API_KEY: secret("SHOPIFY_API_KEY", 1),
    SHOPIFY_API_SECRET: secret("SHOPIFY_API_SECRET", 8),
    SHOPIFY_APP_URL: z
      .string({ required_error: "SHOPIFY_APP_URL is required" })
      .url("SHOPIFY_APP_URL must be a full URL such as https://example.com"),
    SCOPES: z
      .string({ required_error: "SCOPES is required" })
      .regex(
        /^[a-z_]+(,[a-z_]+)*$/,
        "SCOPES must be a comma-separated list such as read_orders,read_products",
      ),
    DATABASE_URL: z
      .string({ required_error: "DATABASE_URL is required" })
      .regex(
        /^(file:|postgres(ql)?:\/\/)/,
        "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      ),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    AGENT_SESSION_SECRET: secret("AGENT_SESSION_SECRET", 32),
    SMTP_URL: z
      .string({ required_error: "SMTP_URL is required" })
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://"),
    MAIL_FROM: z
      .string({ required_error: "MAIL_FROM is required" })
      .email("MAIL_FROM must be an email address"),
    SPL_SUPPORT_INBOX: z
      .string({ required_error: "SPL_SUPPORT_INBOX is required" })
      .email("SPL_SUPPORT_INBOX must be an email address"),
    /** Cookies are Secure except on a plain-http local preview. */
    INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
    LOG_LEVEL: z
      .enum(["error", "warning", "info", "debug"], {
        message: "LOG_LEVEL must be error, warning, info or debug",
      })
      .optional(),
  })
  .superRefine((config, ctx) => {
    if (
      config.NODE_ENV === "production" &&
      config.SHOPIFY_APP_URL.startsWith("http://") &&
      !isLoopback(config.SHOPIFY_APP_URL)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_APP_URL"],
        message: "SHOPIFY_APP_URL must use https in production",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/**
 * The Shopify library logs every authenticated request at "info": useful while developing, noise
 * (and a few percent of CPU) on a busy production server, which keeps warnings and errors unless told.
 */
export function logLevel(config: Pick<Config, "LOG_LEVEL" | "NODE_ENV">) {
  return config.LOG_LEVEL ?? (config.NODE_ENV === "production" ? "warning" : "info");
}

function isLoopback(url: string) {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Validates the environment; the message names the first bad variable in one line. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = configSchema.safeParse(present);
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, message: `Invalid configuration: ${issue.message}` };
}

let loaded: Config | undefined;

/** The validated configuration; a bad environment stops the process with one clear line. */
export function config(): Config {
  if (loaded) return loaded;
  const result = parseConfig(process.env);
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  loaded = result.config;
  return loaded;
}
