import { describe, expect, it } from "vitest";
import { TEST_CONFIG } from "../tests/setup/test-config";
import { logLevel, parseConfig, parseDatabaseUrl, type Config } from "./config.server";

const complete = { ...TEST_CONFIG, DATABASE_URL: "file:./dev.sqlite" };

describe("configuration check", () => {
  it("accepts a complete environment", () => {
    expect(parseConfig(complete).ok).toBe(true);
  });

  it("names a missing secret in one line", () => {
    expect(parseConfig({ ...complete, SHOPIFY_API_SECRET: undefined })).toEqual({
      ok: false,
      message: "Invalid configuration: SHOPIFY_API_SECRET is required",
    });
  });

  it("explains a malformed value", () => {
    expect(parseConfig({ ...complete, DATABASE_URL: "mysql://db" })).toEqual({
      ok: false,
      message:
        "Invalid configuration: DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    });
    expect(parseConfig({ ...complete, AGENT_SESSION_SECRET: "short" })).toMatchObject({
      message: "Invalid configuration: AGENT_SESSION_SECRET must be at least 32 characters",
    });
  });

  it("refuses plain http for a public production URL", () => {
    expect(
      parseConfig({ ...complete, NODE_ENV: "production", SHOPIFY_APP_URL: "http://spl.example.com" }),
    ).toMatchObject({
      message: "Invalid configuration: SHOPIFY_APP_URL must use https in production",
    });
  });

  it("logs every request while developing, only warnings and errors in production unless LOG_LEVEL says otherwise", () => {
    const level = (env: Record<string, string>) =>
      logLevel((parseConfig({ ...complete, ...env }) as { config: Config }).config);
    expect(level({ NODE_ENV: "development" })).toBe("info");
    expect(level({ NODE_ENV: "production", SHOPIFY_APP_URL: "https://spl.example.com" })).toBe("warning");
    expect(
      level({ NODE_ENV: "production", SHOPIFY_APP_URL: "https://spl.example.com", LOG_LEVEL: "debug" }),
    ).toBe("debug");
    expect(parseConfig({ ...complete, LOG_LEVEL: "verbose" })).toMatchObject({
      message: "Invalid configuration: LOG_LEVEL must be error, warning, info or debug",
    });
  });

  it("serves one process on port 3000 that sends email and trusts no proxy, unless told otherwise", () => {
    const settings = (env: Record<string, string>) =>
      (parseConfig({ ...complete, ...env }) as { config: Config }).config;
    expect(settings({ WEB_CONCURRENCY: "" })).toMatchObject({
      PORT: 3000,
      WEB_CONCURRENCY: 1,
      TRUSTED_PROXY_HOPS: 0,
      OUTBOX_WORKER: "on",
    });
    expect(
      settings({ PORT: "8080", WEB_CONCURRENCY: "4", TRUSTED_PROXY_HOPS: "2", OUTBOX_WORKER: "off" }),
    ).toMatchObject({ PORT: 8080, WEB_CONCURRENCY: 4, TRUSTED_PROXY_HOPS: 2, OUTBOX_WORKER: "off" });
  });

  it("names a server setting that is not a usable number or switch", () => {
    const message = (env: Record<string, string>) =>
      (parseConfig({ ...complete, ...env }) as { message?: string }).message;
    expect(message({ PORT: "80a" })).toBe(
      "Invalid configuration: PORT must be a whole number from 1 to 65535",
    );
    expect(message({ PORT: "70000" })).toBe(
      "Invalid configuration: PORT must be a whole number from 1 to 65535",
    );
    expect(message({ WEB_CONCURRENCY: "0" })).toBe(
      "Invalid configuration: WEB_CONCURRENCY must be a whole number of processes, 1 or more",
    );
    expect(message({ TRUSTED_PROXY_HOPS: "-1" })).toBe(
      "Invalid configuration: TRUSTED_PROXY_HOPS must be a whole number of proxies, 0 or more",
    );
    expect(message({ OUTBOX_WORKER: "false" })).toBe(
      "Invalid configuration: OUTBOX_WORKER must be on or off",
    );
  });

  it("checks DATABASE_URL alone for the command-line tools, as the server does", () => {
    expect(parseDatabaseUrl({ DATABASE_URL: "postgresql://db/spl" })).toEqual({
      ok: true,
      url: "postgresql://db/spl",
    });
    expect(parseDatabaseUrl({})).toEqual({
      ok: false,
      message: "Invalid configuration: DATABASE_URL is required",
    });
    expect(parseDatabaseUrl({ DATABASE_URL: "mysql://db" })).toMatchObject({
      message:
        "Invalid configuration: DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    });
  });
});
