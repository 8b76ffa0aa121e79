import { Session } from "@shopify/shopify-app-remix/server";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { sessionStorage } from "~/shopify.server";
import { installShop, uniqueShop } from "../helpers/shopify";
import { lineFrom, startFixture } from "./fixtures/processes";

describe("the app's Shopify session storage", () => {
  it("loads an online session back exactly as it was stored", async () => {
    const shop = uniqueShop();
    const expires = new Date(Date.now() + 3_600_000);
    const session = new Session({
      id: `${shop}_42`,
      shop,
      state: "state",
      isOnline: true,
      scope: "read_orders",
      expires,
      accessToken: "shpua_token",
      onlineAccessInfo: {
        expires_in: 3600,
        associated_user_scope: "read_orders",
        associated_user: {
          id: 42,
          first_name: "Ada",
          last_name: "Rossi",
          email: "ada@example.com",
          email_verified: true,
          account_owner: true,
          locale: "it",
          collaborator: false,
        },
      },
    });
    await sessionStorage.storeSession(session);

    const loaded = await sessionStorage.loadSession(session.id);
    expect(loaded?.equals(session)).toBe(true);
    expect(loaded).toMatchObject({ shop, expires, scope: "read_orders", accessToken: "shpua_token" });
    expect(loaded?.onlineAccessInfo?.associated_user).toMatchObject({
      id: 42,
      first_name: "Ada",
      locale: "it",
      account_owner: true,
    });
  });

  it("loads an offline session back with its token and scopes", async () => {
    const shop = uniqueShop();
    const session = new Session({
      id: `offline_${shop}`,
      shop,
      state: "",
      isOnline: false,
      scope: "read_orders",
      accessToken: "shpat_token",
    });
    await sessionStorage.storeSession(session);

    const loaded = await sessionStorage.loadSession(session.id);
    expect(loaded?.equals(session)).toBe(true);
    expect(loaded).toMatchObject({ shop, accessToken: "shpat_token", scope: "read_orders", isOnline: false });
    expect(loaded?.expires).toBeUndefined();
  });

  it("finds nothing for an unknown or deleted session", async () => {
    const shop = uniqueShop();
    await installShop(db, shop);
    await sessionStorage.deleteSession(`offline_${shop}`);
    expect(await sessionStorage.loadSession(`offline_${shop}`)).toBeUndefined();
    expect(await sessionStorage.loadSession("offline_nobody.myshopify.com")).toBeUndefined();
  });

  it("no longer finds a shop's session the moment another process has handled its uninstall", async () => {
    const shop = uniqueShop();
    await installShop(db, shop);
    // This process has just served the shop, as it would on every request before the uninstall.
    expect(await sessionStorage.loadSession(`offline_${shop}`)).toMatchObject({ shop });

    const otherProcess = startFixture("uninstall.ts", [shop], { DATABASE_URL: process.env.DATABASE_URL! });
    try {
      expect(await lineFrom(otherProcess, (line) => line.startsWith("status"))).toBe("status 200");
    } finally {
      otherProcess.kill();
    }

    expect(await sessionStorage.loadSession(`offline_${shop}`)).toBeUndefined();
  });
});
