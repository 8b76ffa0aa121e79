import { Session } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { SessionStorage } from "~/shopify/session-storage.server";
import { uniqueShop } from "../helpers/shopify";

describe("the Shopify session storage", () => {
  const storage = new SessionStorage(db);
  const library = new PrismaSessionStorage(db);

  it("loads an online session exactly as Shopify's Prisma storage does", async () => {
    const shop = uniqueShop();
    const session = new Session({
      id: `${shop}_42`,
      shop,
      state: "state",
      isOnline: true,
      scope: "read_orders",
      expires: new Date(Date.now() + 3_600_000),
      accessToken: "shpua_token",
      onlineAccessInfo: {
        expires_in: 3600,
        associated_user_scope: "read_orders",
        associated_user: { id: 42, first_name: "Ada", last_name: "Rossi", email: "ada@example.com", email_verified: true, account_owner: true, locale: "it", collaborator: false },
      },
    });
    await storage.storeSession(session);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.toObject()).toEqual((await library.loadSession(session.id))?.toObject());
    expect(loaded?.equals(session)).toBe(true);
    expect(loaded?.onlineAccessInfo?.associated_user).toMatchObject({ id: 42, first_name: "Ada", locale: "it", account_owner: true });
  });

  it("loads an offline session with its token and scopes", async () => {
    const shop = uniqueShop();
    const session = new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: "shpat_token" });
    await storage.storeSession(session);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.toObject()).toEqual((await library.loadSession(session.id))?.toObject());
    expect(loaded).toMatchObject({ shop, accessToken: "shpat_token", scope: "read_orders", isOnline: false });
  });

  it("finds nothing for an unknown or deleted session", async () => {
    const shop = uniqueShop();
    await storage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_token" }));
    await storage.deleteSession(`offline_${shop}`);
    expect(await storage.loadSession(`offline_${shop}`)).toBeUndefined();
    expect(await storage.loadSession("offline_nobody.myshopify.com")).toBeUndefined();
  });
});
