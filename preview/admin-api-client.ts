import type { AdminGraphql } from "~/support/store-checks/run-checks.server";

/**
 * An Admin API client over plain fetch, as Shopify's library makes the same POST: the benchmark
 * and the tests run the store checks through it, and the Admin API mock answers at the network
 * boundary.
 */
export function fetchAdminClient(shop: string, apiVersion = "2025-10"): AdminGraphql {
  return {
    graphql(query, options = {}) {
      return fetch(`https://${shop}/admin/api/${apiVersion}/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": `shpat_preview_${shop}` },
        body: JSON.stringify({ query, variables: options.variables ?? {} }),
        signal: options.signal,
      });
    },
  };
}
