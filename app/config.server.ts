import { z } from "zod";

const secret = (name: string, min: number) =>
  z
    .string({ required_error: `${name} is required` })
    .min(min, `${name} must be at least ${min} characters`)
    .regex(/^\S+$/, `${name} must not contain spaces`);

/** A whole number from `min` to `max`; unset (or empty) means `fallback`. */
const wholeNumber = (message: string, { fallback, min, max = Infinity }: WholeNumberRange) =>
  z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message)
    .default(String(fallback));

type WholeNumberRange = { fallback: number; min: number; max?: number };

const databaseUrl = z
  .string({ required_error: "DATABASE_URL is required" })
  .regex(
    /^(file:|postgres(ql)?:\/\/)/,
    "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
  );

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
    DATABASE_URL: databaseUrl,
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
    PORT: wholeNumber("PORT must be a whole number from 1 to 65535", { fallback: 3000, min: 1, max: 65_535 }),
    /** Server processes; server/start.mjs says when more than one pays off. */
    WEB_CONCURRENCY: wholeNumber("WEB_CONCURRENCY must be a whole number of processes, 1 or more", {
      fallback: 1,
      min: 1,
    }),
    /** Reverse proxies in front of the app, whose X-Forwarded-For entries are trusted. */
    TRUSTED_PROXY_HOPS: wholeNumber("TRUSTED_PROXY_HOPS must be a whole number of proxies, 0 or more", {
      fallback: 0,
      min: 0,
    }),
    /** "off": this process sends no email, leaving the outbox to the others. */
    OUTBOX_WORKER: z.enum(["on", "off"], { message: "OUTBOX_WORKER must be on or off" }).default("on"),
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

type Environment = Record<string, string | undefined>;

/** An empty variable counts as unset, as `.env` files write an optional one. */
function present(env: Environment) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}

function problem(error: z.ZodError) {
  return `Invalid configuration: ${error.issues[0]!.message}`;
}

/** Validates the environment; the message names the first bad variable in one line. */
export function parseConfig(env: Environment): ConfigResult {
  const result = configSchema.safeParse(present(env));
  return result.success ? { ok: true, config: result.data } : { ok: false, message: problem(result.error) };
}

/** DATABASE_URL alone, checked as the server checks it: for command-line tools that need only the database. */
export function parseDatabaseUrl(
  env: Environment,
): { ok: true; url: string } | { ok: false; message: string } {
  const result = databaseUrl.safeParse(present(env).DATABASE_URL);
  return result.success ? { ok: true, url: result.data } : { ok: false, message: problem(result.error) };
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
