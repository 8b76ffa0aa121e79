import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

// The Shopify CLI passes the tunnel URL as HOST; the app reads SHOPIFY_APP_URL.
if (process.env.HOST && (!process.env.SHOPIFY_APP_URL || process.env.SHOPIFY_APP_URL === process.env.HOST)) {
  process.env.SHOPIFY_APP_URL = process.env.HOST;
  delete process.env.HOST;
}

const host = new URL(process.env.SHOPIFY_APP_URL || "http://localhost").hostname;
const hmr =
  host === "localhost"
    ? { protocol: "ws", host: "localhost", port: 64999, clientPort: 64999 }
    : { protocol: "wss", host, port: Number(process.env.FRONTEND_PORT) || 8002, clientPort: 443 };

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * `remix vite:dev` (what `shopify app dev` runs) has no server start of ours, and loading the app
 * starts nothing. So that email goes out while developing, this starts the outbox worker once the dev
 * server listens, through the same build exports as server/start.mjs, and stops it when the dev
 * server closes. A plugin rather than a second command: one `npm run dev` still runs everything.
 * The worker keeps the code it started with; edits to it apply from the next dev-server start.
 */
function outboxWorkerWhileDeveloping(): Plugin {
  let worker: { stop(): Promise<void> } | undefined;
  return {
    name: "spl-support:outbox-worker",
    apply: "serve",
    configureServer(server) {
      server.httpServer?.once("listening", async () => {
        try {
          const build = await server.ssrLoadModule("virtual:remix/server-build");
          const entry = build.entry.module as typeof import("./app/entry.server");
          if (entry.config().OUTBOX_WORKER === "on") worker = entry.startOutboxWorker();
        } catch (error) {
          server.config.logger.error(`The outbox worker did not start: ${String(error)}`);
        }
      });
    },
    async buildEnd() {
      await worker?.stop();
    },
  };
}

export default defineConfig({
  server: { port: Number(process.env.PORT || 3000), hmr, fs: { allow: ["app", "node_modules"] } },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.test.*"],
      // No v3_lazyRouteDiscovery: with it, a navigation started while a fetcher's revalidation is in
      // flight could have its /__manifest request aborted and never render its route (seen in the
      // end-to-end tests). Twenty-odd routes cost ~3 KB gzipped to describe up front.
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
      },
    }),
    tsconfigPaths(),
    outboxWorkerWhileDeveloping(),
  ],
  build: { assetsInlineLimit: 0 },
});
