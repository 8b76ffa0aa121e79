/**
 * `npm run bench:diagnostics`: the store checks against the Admin API mock, through Shopify's own
 * GraphQL client (as `admin.graphql` calls it), with every Admin API call answered after 100 ms.
 * Prints, beside their targets: the time all of a problem's checks take (p50, p95), alone and through
 * the Support page's checks action (session token, stored session, checks); the time when one check's
 * call never answers, and which check says so; the seeded faults found on the demo shops; and what
 * the checks report on the healthy shop. Not a test: timings depend on the machine.
 */
import { delay, graphql, http } from "msw";
import { setupServer } from "msw/node";
import { adminApiHandlers } from "../preview/admin-api-mock";
import { DEMO_SHOP, GRANTED_SCOPES, SEEDED_FAULTS } from "../preview/demo-shops";
import { percentile, report } from "./lib";

const LATENCY_MS = 100;
const PRODUCTS_PROBLEM = "three of my products don't show on TikTok";
const RUNS = 40;
const TARGETS = { p95Ms: 1_500, hangingMs: 3_000 };

let hangOperation: string | null = null;
const server = setupServer(
  // Every Admin API call waits, then falls through to the demo shops' answers.
  http.post("https://:shop/admin/api/:version/graphql.json", async () => {
    await delay(LATENCY_MS);
  }),
  graphql.operation(async ({ operationName }) => {
    if (operationName === hangOperation) await delay("infinite");
  }),
  ...adminApiHandlers,
);
server.listen({ onUnhandledRequest: "error" });

// The app's configuration and a migrated database of its own, for the checks route's session.
const { TEST_CONFIG } = await import("../tests/setup/test-config");
const { freshSqliteUrl, migrate } = await import("../tests/setup/databases");
const databaseUrl = freshSqliteUrl();
migrate(databaseUrl);
Object.assign(process.env, TEST_CONFIG, { DATABASE_URL: databaseUrl, LOG_LEVEL: "error" });

// Shopify's library captures fetch when it loads: after the mock is listening.
await import("@shopify/shopify-api/adapters/node");
const { ApiVersion, LogSeverity, Session, shopifyApi } = await import("@shopify/shopify-api");
const { runStoreChecks, DEFAULT_BUDGETS } = await import("../app/support/store-checks/run-checks.server");
type AdminGraphql = import("../app/support/store-checks/run-checks.server").AdminGraphql;
type CategoryId = import("../app/support/taxonomy").CategoryId;

const api = shopifyApi({
  apiKey: "bench",
  apiSecretKey: "bench-secret",
  scopes: GRANTED_SCOPES,
  hostName: "localhost:3000",
  apiVersion: ApiVersion.October25,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

/** The same adapter `@shopify/shopify-app-remix` puts around the library's client. */
function adminFor(shop: string): AdminGraphql {
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    accessToken: "shpat_bench",
  });
  const client = new api.clients.Graphql({ session });
  return {
    async graphql(query, options = {}) {
      const body = await client.request(query, { variables: options.variables, signal: options.signal });
      return new Response(JSON.stringify(body));
    },
  };
}

function checks(shop: string, category: CategoryId, description: string) {
  return runStoreChecks(
    category,
    { description },
    { admin: adminFor(shop), grantedScopes: GRANTED_SCOPES, session: { found: true, expires: null } },
  );
}

const PROBLEMS: [CategoryId, string][] = [
  ["order_sync", "TikTok order 576461413190000009 and order #1002 are wrong on TikTok"],
  ["product_sync", PRODUCTS_PROBLEM],
  ["connection", "the app says my store is disconnected"],
  ["app_setup", "I set up the app but Swiss customers can't buy on TikTok"],
];

console.log(`Store checks, Admin API mock answering after ${LATENCY_MS} ms per call`);
console.log(`Budgets: ${DEFAULT_BUDGETS.checkMs} ms per check, ${DEFAULT_BUDGETS.totalMs} ms for the set\n`);

let pass = true;
const all: number[] = [];
for (const [category, description] of PROBLEMS) {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await checks(DEMO_SHOP.domain, category, description);
    times.push(performance.now() - started);
  }
  all.push(...times);
  console.log(
    `      ${category.padEnd(13)} p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`,
  );
}
pass =
  report(`all checks for one problem, p95 (${all.length} runs)`, percentile(all, 95), "ms", {
    max: TARGETS.p95Ms,
  }) && pass;

// The Support page's checks route as the browser calls it: session token, stored session, checks.
const { db } = await import("../app/db.server");
const { adminDataRequest, respond } = await import("../tests/helpers/shopify");
const checksRoute = await import("../app/routes/app.support.checks");
const session = { shop: DEMO_SHOP.domain, state: "", isOnline: false, scope: GRANTED_SCOPES.join(",") };
await db.session.create({
  data: { id: `offline_${DEMO_SHOP.domain}`, accessToken: "shpat_bench", ...session },
});
async function throughRoute(category: CategoryId, description: string) {
  const body = new URLSearchParams({ category, description });
  const request = await adminDataRequest("/app/support/checks", DEMO_SHOP.domain, { method: "POST", body });
  const started = performance.now();
  const response = await respond(checksRoute.action, request);
  const answer = (await response.json()) as { report: Awaited<ReturnType<typeof runStoreChecks>> };
  return { ms: performance.now() - started, status: response.status, report: answer.report };
}
const routeTimes: number[] = [];
for (const [category, description] of PROBLEMS)
  for (let run = 0; run < RUNS / 4; run += 1) routeTimes.push((await throughRoute(category, description)).ms);
pass =
  report(`the page's checks action, p95 (${routeTimes.length} runs)`, percentile(routeTimes, 95), "ms", {
    max: TARGETS.p95Ms,
  }) && pass;

hangOperation = "StoreCheckProducts";
const hangingPage = await throughRoute("product_sync", PRODUCTS_PROBLEM);
hangOperation = null;
pass =
  report(`one check's call hanging: the page answers (HTTP ${hangingPage.status}) in`, hangingPage.ms, "ms", {
    max: TARGETS.hangingMs,
  }) && pass;
console.log(
  `      and says: ${hangingPage.report.findings.map((finding) => `${finding.group} ${finding.outcome} (${finding.reason})`).join(", ")}`,
);

hangOperation = "StoreCheckRecentOrders";
const started = performance.now();
const hanging = await checks(DEMO_SHOP.domain, "order_sync", "order #1002 has no tracking on TikTok");
const hangingMs = performance.now() - started;
hangOperation = null;
pass =
  report("one check's call hanging: the set answers in", hangingMs, "ms", { max: TARGETS.hangingMs }) && pass;
const notRun = hanging.findings.filter((finding) => finding.outcome === "unchecked");
console.log(
  `      could not check: ${notRun.map((finding) => `${finding.group} (${finding.reason})`).join(", ") || "none"}; ` +
    `still found: ${hanging.findings
      .filter((finding) => finding.outcome === "attention")
      .map((finding) => `${finding.rule} ${finding.subject ?? ""}`.trim())
      .join(", ")}`,
);
pass = report("  …and names the check that could not run", notRun.length, "checks", { min: 1 }) && pass;

let found = 0;
for (const fault of SEEDED_FAULTS) {
  const result = await checks(
    DEMO_SHOP.domain,
    fault.problem.category as CategoryId,
    fault.problem.description,
  );
  const hit = result.findings.some(
    (finding) =>
      finding.outcome === "attention" && finding.rule === fault.rule && finding.subject === fault.subject,
  );
  found += hit ? 1 : 0;
  console.log(
    `      ${hit ? "found " : "MISSED"} ${fault.fault}${fault.subject ? `: ${fault.subject}` : ""}`,
  );
}
pass =
  report(`seeded faults found on ${DEMO_SHOP.name}`, found, `of ${SEEDED_FAULTS.length}`, {
    min: SEEDED_FAULTS.length,
  }) && pass;

/** The same problems as Second Shop's merchant would name them: its own orders and products. */
const HEALTHY_PROBLEMS: [CategoryId, string][] = [
  ["order_sync", "TikTok order 577000000000000001 (#2001) looks wrong on TikTok"],
  ["product_sync", "three of my products don't show on TikTok"],
  ["connection", "the app says my store is disconnected"],
  ["app_setup", "I set up the app and want to be sure it is right"],
];
let flagged = 0;
for (const [category, description] of HEALTHY_PROBLEMS) {
  const result = await checks("second-shop.myshopify.com", category, description);
  flagged += result.findings.filter((finding) => finding.outcome !== "passed").length;
}
pass = report("findings other than passed on the healthy shop", flagged, "findings", { max: 0 }) && pass;

await db.$disconnect();
server.close();
process.exit(pass ? 0 : 1);
