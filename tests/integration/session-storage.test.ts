import { Session } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { SESSION_REUSE_MS, SessionStorage } from "~/shopify/session-storage.server";
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
    await storage.storeSession(session);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.toObject()).toEqual((await library.loadSession(session.id))?.toObject());
    expect(loaded?.equals(session)).toBe(true);
    expect(loaded?.onlineAccessInfo?.associated_user).toMatchObject({
      id: 42,
      first_name: "Ada",
      locale: "it",
      account_owner: true,
    });
  });

  it("loads an offline session with its token and scopes", async () => {
    const shop = uniqueShop();
    const session = new Session({
      id: `offline_${shop}`,
      shop,
      state: "",
      isOnline: false,
      scope: "read_orders",
      accessToken: "shpat_token",
    });
    await storage.storeSession(session);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.toObject()).toEqual((await library.loadSession(session.id))?.toObject());
    expect(loaded).toMatchObject({ shop, accessToken: "shpat_token", scope: "read_orders", isOnline: false });
  });

  it("finds nothing for an unknown or deleted session", async () => {
    const shop = uniqueShop();
    await storage.storeSession(
      new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_token" }),
    );
    await storage.deleteSession(`offline_${shop}`);
    expect(await storage.loadSession(`offline_${shop}`)).toBeUndefined();
    expect(await storage.loadSession("offline_nobody.myshopify.com")).toBeUndefined();
  });

  describe("reusing a session it read", () => {
    afterEach(() => vi.useRealTimers());

    const installed = async (storage: SessionStorage) => {
      const shop = uniqueShop();
      const id = `offline_${shop}`;
      await storage.storeSession(
        new Session({
          id,
          shop,
          state: "",
          isOnline: false,
          scope: "read_orders",
          accessToken: "shpat_first",
        }),
      );
      expect(await storage.loadSession(id)).toMatchObject({ accessToken: "shpat_first" });
      return { shop, id };
    };

    it("sees its own writes and deletions at once", async () => {
      const storage = new SessionStorage(db);
      const { shop, id } = await installed(storage);

      await storage.storeSession(
        new Session({
          id,
          shop,
          state: "",
          isOnline: false,
          scope: "read_orders",
          accessToken: "shpat_second",
        }),
      );
      expect(await storage.loadSession(id)).toMatchObject({ accessToken: "shpat_second" });

      await storage.deleteSessions([id]);
      expect(await storage.loadSession(id)).toBeUndefined();
    });

    it("forgets a shop's sessions when a webhook changed them in the database, and only that shop's", async () => {
      const storage = new SessionStorage(db);
      const { shop, id } = await installed(storage);
      const neighbour = await installed(storage);
      await db.session.updateMany({
        where: { shop: { in: [shop, neighbour.shop] } },
        data: { accessToken: "shpat_changed" },
      });

      expect(await storage.loadSession(id)).toMatchObject({ accessToken: "shpat_first" });
      storage.forgetShop(shop);
      expect(await storage.loadSession(id)).toMatchObject({ accessToken: "shpat_changed" });
      expect(await storage.loadSession(neighbour.id)).toMatchObject({ accessToken: "shpat_first" });
    });

    it("sees another process's change once SESSION_REUSE_MS has passed", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const storage = new SessionStorage(db);
      const { id } = await installed(storage);
      await db.session.delete({ where: { id } });

      vi.advanceTimersByTime(SESSION_REUSE_MS - 1);
      expect(await storage.loadSession(id)).toMatchObject({ accessToken: "shpat_first" });
      vi.advanceTimersByTime(1);
      expect(await storage.loadSession(id)).toBeUndefined();
    });
  });
});
