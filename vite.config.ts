import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig, type Plugin, type Rollup } from "vite";
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

type ModuleInfo = Rollup.ModuleInfo;
type Node = { type: string; [key: string]: unknown };

/** `export { a } from "./a.js"` lines only, like Polaris's and its icons' index.js: names and where they really live. */
function reExports(barrel: ModuleInfo): Map<string, string> | null {
  const body = (barrel.ast as { body?: Node[] } | null)?.body;
  if (!body?.length) return null;
  const names = new Map<string, string>();
  for (const statement of body) {
    const source = (statement.source as { value?: string } | null)?.value;
    if (statement.type !== "ExportNamedDeclaration" || !source?.startsWith(".")) return null;
    for (const specifier of statement.specifiers as { local: { name: string }; exported: { name: string } }[])
      names.set(specifier.exported.name, path.resolve(path.dirname(barrel.id), source));
  }
  return names;
}

/** The modules `info` uses: through a barrel, only the files of the names it imports, as tree-shaking keeps them. */
function usedModules(info: ModuleInfo, getModuleInfo: Rollup.GetModuleInfo): string[] {
  const used: string[] = [];
  const imported = new Map<string, string[]>();
  for (const statement of ((info.ast as { body?: Node[] } | null)?.body ?? []) as Node[]) {
    if (statement.type !== "ImportDeclaration" && statement.type !== "ExportNamedDeclaration") continue;
    const source = (statement.source as { value?: string } | null)?.value;
    if (!source || source.startsWith(".")) continue;
    const specifiers = (statement.specifiers ?? []) as {
      imported?: { name: string };
      local: { name: string };
    }[];
    imported.set(source, [
      ...(imported.get(source) ?? []),
      ...specifiers.map((s) => (s.imported ?? s.local).name),
    ]);
  }
  for (const id of info.importedIds) {
    const dependency = getModuleInfo(id);
    const barrel = dependency && reExports(dependency);
    const names = barrel && [...imported].find(([source]) => id.includes(`/node_modules/${source}/`))?.[1];
    if (!barrel || !names?.length) {
      used.push(id);
      continue;
    }
    for (const name of names) {
      const file = barrel.get(name);
      // Types have no file; a source may omit its extension.
      if (!file) continue;
      const target = dependency.importedIds.find(
        (candidate) => candidate.replace(/\.[cm]?js$/, "") === file.replace(/\.[cm]?js$/, ""),
      );
      used.push(target ?? id);
    }
  }
  return used;
}

/** The page a merchant opens the app on (the app layout and the Support page). */
const LANDING = /\/app\/routes\/app(\.support\._index)?\.tsx/;

/**
 * Chunks by who loads them, so a page loads a handful of files: `core` for what every page needs and
 * what the Support page shares with the agent console, `merchant` for the rest of the Support page,
 * `merchant-pages`, `agent` and `shared` for what several other pages use; a module only one route
 * uses stays in that route's file. Measured with bench:support on a simulated phone (Slow 4G, HTTP/1.1's
 * six connections per host): Rollup's default split gave the Support page 32 files, fetched six at a
 * time with a 562 ms round trip each, and the page was usable after 5.9 s.
 */
function chunkBySide(): Rollup.ManualChunksOption {
  let users: Map<string, Set<string>> | undefined;
  const side = (entry: string) =>
    /\/app\/routes\/app[.]/.test(entry)
      ? "merchant"
      : /\/app\/routes\/agent[.]/.test(entry)
        ? "agent"
        : "core";
  return (id, { getModuleInfo, getModuleIds }) => {
    if (!users) {
      users = new Map();
      for (const entry of getModuleIds()) {
        if (!getModuleInfo(entry)?.isEntry) continue;
        const seen = new Set([entry]);
        const queue = [entry];
        for (let next = queue.pop(); next; next = queue.pop()) {
          const info = getModuleInfo(next);
          if (!users.has(next)) users.set(next, new Set());
          users.get(next)!.add(entry);
          for (const dependency of info ? usedModules(info, getModuleInfo) : []) {
            if (seen.has(dependency)) continue;
            seen.add(dependency);
            queue.push(dependency);
          }
        }
      }
    }
    const entries = [...(users.get(id) ?? [])];
    // A library module is always placed: left out, Rollup would put it wherever the library's index
    // (which lists every module) went, core included.
    if (getModuleInfo(id)?.isEntry || (entries.length < 2 && !id.includes("/node_modules/")))
      return undefined;
    if (entries.length === 0) return undefined;
    const sides = new Set(entries.map(side));
    const landing = entries.some((entry) => LANDING.test(entry));
    if (sides.has("core") || (sides.size > 1 && landing)) return "core";
    if (sides.size > 1) return "shared";
    if (sides.has("agent")) return "agent";
    return landing ? "merchant" : "merchant-pages";
  };
}

export default defineConfig(({ isSsrBuild }) => ({
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
  build: {
    assetsInlineLimit: 0,
    rollupOptions: { output: isSsrBuild ? {} : { manualChunks: chunkBySide() } },
  },
}));
