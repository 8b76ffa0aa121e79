import { describe, expect, it } from "vitest";
import { ADMIN_API_TIMEOUT_MS, fetchShopInfo, findOrder } from "~/shopify/admin-data.server";
import { within } from "./outage";

/** An Admin API that never answers, as Shopify does behind a network partition; it gives up only when told to. */
const silentAdminApi = {
  graphql: (_query: string, options?: { signal?: AbortSignal }) =>
    new Promise<Response>((_, reject) =>
      options?.signal?.addEventListener("abort", () => reject(options.signal!.reason)),
    ),
};

describe("an Admin API that does not answer", () => {
  it("holds the shop's details and an order lookup no longer than its timeout", async () => {
    const calls: (() => Promise<unknown>)[] = [
      () => fetchShopInfo(silentAdminApi),
      () => findOrder(silentAdminApi, "#1001"),
    ];
    for (const call of calls) {
      const started = Date.now();
      await expect(within(ADMIN_API_TIMEOUT_MS + 1_000, "Admin API call", call())).rejects.toThrow(
        /timed? ?out/i,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(ADMIN_API_TIMEOUT_MS - 50);
    }
  });
});
