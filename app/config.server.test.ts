import { describe, expect, it } from "vitest";
import { TEST_CONFIG } from "../tests/setup/test-config";
import { logLevel, parseConfig, type Config } from "./config.server";

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
});
