import { vitePlugin as remix } from "@remix-run/dev";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { themeNameDefault, type themes as allThemes } from "@shopify/polaris-tokens";
import postcss, { type AtRule } from "postcss";
import { defineConfig, type Plugin, type ResolvedConfig, type Rollup } from "vite";
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
    v3_routeConfig: true;
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

/** A short, stable name for a set of entries. */
function setName(entries: string[]) {
  return createHash("sha256").update(entries.sort().join("\n")).digest("hex").slice(0, 8);
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
/**
 * For every module, the entries (the client's entry and route modules) that use it; with `dynamic`,
 * also the modules they load later (an error page), whose classes their stylesheets must keep.
 */
function entriesUsing(
  getModuleIds: () => IterableIterator<string>,
  getModuleInfo: Rollup.GetModuleInfo,
  dynamic = false,
) {
  const users = new Map<string, Set<string>>();
  for (const entry of getModuleIds()) {
    if (!getModuleInfo(entry)?.isEntry) continue;
    const seen = new Set([entry]);
    const queue = [entry];
    for (let next = queue.pop(); next; next = queue.pop()) {
      const info = getModuleInfo(next);
      if (!users.has(next)) users.set(next, new Set());
      users.get(next)!.add(entry);
      const dependencies = info
        ? [...usedModules(info, getModuleInfo), ...(dynamic ? info.dynamicallyImportedIds : [])]
        : [];
      for (const dependency of dependencies) {
        if (seen.has(dependency)) continue;
        seen.add(dependency);
        queue.push(dependency);
      }
    }
  }
  return users;
}

type Side = "merchant" | "agent" | "core";
const sideOf = (entry: string): Side =>
  /\/app\/routes\/app[.]/.test(entry) ? "merchant" : /\/app\/routes\/agent[.]/.test(entry) ? "agent" : "core";

function chunkBySide(): Rollup.ManualChunksOption {
  let users: Map<string, Set<string>> | undefined;
  return (id, { getModuleInfo, getModuleIds }) => {
    users ??= entriesUsing(getModuleIds, getModuleInfo);
    const entries = [...(users.get(id) ?? [])];
    // A library module is always placed: left out, Rollup would put it wherever the library's index
    // (which lists every module) went, core included.
    if (getModuleInfo(id)?.isEntry || (entries.length < 2 && !id.includes("/node_modules/")))
      return undefined;
    if (entries.length === 0) return undefined;
    const sides = new Set(entries.map(sideOf));
    const landing = entries.some((entry) => LANDING.test(entry));
    if (sides.has("core") || (sides.size > 1 && landing)) return "core";
    if (landing) return "merchant";
    if (sides.size === 1 && sides.has("merchant")) return "merchant-pages";
    // The console runs on an agent's desktop, where a few more files cost little and every byte
    // counts against bench:agent's JavaScript target: one chunk per set of pages that use a module.
    return `${sides.size > 1 ? "shared" : "agent"}-${setName(entries)}`;
  };
}

/**
 * Polaris's stylesheet without the rules no element can match: a rule stays unless it needs a class
 * the JavaScript never names (Polaris names every class it sets in its components' style maps).
 */
function withoutUnusedRules(css: string, names: Set<string>) {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === "atrule" && (rule.parent as AtRule).name.endsWith("keyframes")) return;
    const kept = rule.selectors.filter((selector) => {
      // A class in :not() is one an element lacks, and :is(), :where() and :has() need only one of theirs.
      if (/:(is|where|has)\(/.test(selector)) return true;
      const classes = selector.replace(/:not\([^)]*\)/g, "").match(/\.-?[_a-zA-Z][\w-]*/g) ?? [];
      // Theme classes are built at run time (createThemeClassName), never written out.
      return classes.every((name) => names.has(name.slice(1)) || name.startsWith(".p-theme-"));
    });
    if (kept.length > 0) rule.selectors = kept;
    else rule.remove();
  });
  root.walkAtRules((atRule) => {
    if (atRule.nodes?.length === 0) atRule.remove();
  });
  return root.toString();
}

const POLARIS_STYLES = "virtual:polaris-styles";
/** Where the client build names the stylesheets for the server build (not served: express skips dot folders). */
const POLARIS_STYLES_INDEX = ".vite/polaris-styles.json";

/**
 * `virtual:polaris-styles`: for each side, the URL of Polaris's stylesheet cut down to what that side's
 * pages and the root can use (empty while developing: the root then links the whole sheet). The
 * merchant's is 32 KB gzipped instead of 52 KB; bench:support measured the Support page's largest
 * contentful paint on the simulated phone at 2.40 s with it and 2.52 s without, the sheet being
 * render-blocking and downloaded alongside the scripts. On the server it also gives `critical`, the
 * rules the Support page needs, which the root inlines in a document that opens on that page.
 */
function polarisStylesBySide(): Plugin {
  let config: ResolvedConfig;
  const sheets = new Map<Side, string>();
  let critical = "";
  return {
    name: "spl-support:polaris-styles",
    enforce: "pre",
    configResolved(resolved) {
      config = resolved;
    },
    resolveId: (id) => (id === POLARIS_STYLES ? `\0${POLARIS_STYLES}` : undefined),
    load(id) {
      if (id !== `\0${POLARIS_STYLES}`) return undefined;
      if (config.command === "serve") return "export default {};";
      // The client build, which runs first, named the sheets.
      if (config.build.ssr)
        return `export default ${readFileSync(path.resolve(config.build.outDir, "../client", POLARIS_STYLES_INDEX), "utf8")};`;
      for (const side of ["merchant", "agent"] as const)
        sheets.set(side, this.emitFile({ type: "asset", name: `polaris-${side}.css` }));
      const urls = [...sheets].map(([side, sheet]) => `${side}: import.meta.ROLLUP_FILE_URL_${sheet}`);
      return `export default { ${urls.join(", ")} };`;
    },
    resolveFileUrl: ({ fileName }) => JSON.stringify(config.base + fileName),
    buildEnd(error) {
      if (error || sheets.size === 0) return;
      const users = entriesUsing(
        () => this.getModuleIds(),
        (id) => this.getModuleInfo(id),
        true,
      );
      const css = readFileSync(
        createRequire(import.meta.url).resolve("@shopify/polaris/build/esm/styles.css"),
        "utf8",
      );
      const sheetFor = (uses: (entry: string) => boolean) => {
        const names = new Set<string>();
        for (const [id, entries] of users) {
          if (![...entries].some((entry) => sideOf(entry) === "core" || uses(entry))) continue;
          for (const word of this.getModuleInfo(id)?.code?.match(/[\w-]+/g) ?? []) names.add(word);
        }
        return withoutUnusedRules(css, names);
      };
      for (const [side, sheet] of sheets)
        this.setAssetSource(
          sheet,
          sheetFor((entry) => sideOf(entry) === side),
        );
      critical = sheetFor((entry) => LANDING.test(entry));
    },
    generateBundle() {
      if (sheets.size === 0) return;
      const urls = Object.fromEntries(
        [...sheets].map(([side, sheet]) => [side, config.base + this.getFileName(sheet)]),
      );
      this.emitFile({
        type: "asset",
        fileName: POLARIS_STYLES_INDEX,
        source: JSON.stringify({ ...urls, critical }),
      });
    },
  };
}

const POLARIS_TOKENS = /\/@shopify\/polaris-tokens\/dist\/esm\/build\/index\.mjs$/;

/** The names Polaris's JavaScript reads from a theme (`theme.motion[…]`, `themeDefault.breakpoints`). */
function tokenGroupsPolarisReads() {
  const esm = path.dirname(createRequire(import.meta.url).resolve("@shopify/polaris/build/esm/index.js"));
  const groups = new Set<string>();
  for (const file of readdirSync(esm, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".js")) continue;
    for (const [, group] of readFileSync(path.join(esm, file), "utf8").matchAll(
      /\btheme(?:Default)?\.(\w+)/g,
    ))
      groups.add(group!);
  }
  return groups;
}

/**
 * Polaris's tokens as its JavaScript uses them: the default theme alone, with the groups Polaris's
 * code reads. The build lists four themes' every value in one object (light, light-mobile, high
 * contrast, dark), while no page of ours passes `theme` to AppProvider, which then uses the default,
 * the stylesheet carries the values as CSS variables, and the code reads four groups. Every page's
 * JavaScript is 86 KB smaller for the phone to parse, 5.5 KB gzipped. A Polaris whose tokens file no
 * longer has this shape fails the build here instead of shipping a theme that is missing.
 */
function polarisTokensAsUsed(): Plugin {
  let groups: Set<string> | undefined;
  return {
    name: "spl-support:polaris-tokens",
    apply: "build",
    transform(code, id) {
      if (!POLARIS_TOKENS.test(id)) return undefined;
      const themes = /^var themes = (\{[\s\S]*?\n\});$/m.exec(code);
      if (!themes) throw new Error(`${id}: Polaris's tokens no longer declare "var themes = {…};"`);
      groups ??= tokenGroupsPolarisReads();
      const theme = (JSON.parse(themes[1]!) as typeof allThemes)[themeNameDefault];
      const kept = Object.fromEntries(Object.entries(theme).filter(([group]) => groups!.has(group)));
      return {
        code: code.replace(themes[0], `var themes = ${JSON.stringify({ [themeNameDefault]: kept })};`),
        map: null,
      };
    },
  };
}

const POLARIS_ENGLISH = "@shopify/polaris/locales/en.json";
const NO_FALLBACK = "virtual:no-polaris-english-fallback";

/**
 * The Shopify app package's AppProvider falls back to Polaris's English texts when it is given none;
 * the app layout always gives it the merchant's language from its loader, so the browser's copy
 * of that fallback is an empty object: 3 KB gzipped less on every merchant page (bench:support).
 */
function noPolarisEnglishFallback(): Plugin {
  return {
    name: "spl-support:no-polaris-english-fallback",
    enforce: "pre",
    apply: (_, { isSsrBuild, command }) => command === "build" && !isSsrBuild,
    resolveId: (source, importer) =>
      source === POLARIS_ENGLISH && importer?.includes("/@shopify/shopify-app-remix/")
        ? `\0${NO_FALLBACK}`
        : undefined,
    load: (id) => (id === `\0${NO_FALLBACK}` ? "export default {};" : undefined),
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: Number(process.env.PORT || 3000), hmr, fs: { allow: ["app", "node_modules"] } },
  plugins: [
    remix({
      // No v3_lazyRouteDiscovery: with it, a navigation started while a fetcher's revalidation is in
      // flight could have its /__manifest request aborted and never render its route (seen in the
      // end-to-end tests). Twenty-odd routes cost ~3 KB gzipped to describe up front.
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    outboxWorkerWhileDeveloping(),
    polarisStylesBySide(),
    polarisTokensAsUsed(),
    noPolarisEnglishFallback(),
  ],
  build: {
    assetsInlineLimit: 0,
    rollupOptions: { output: isSsrBuild ? {} : { manualChunks: chunkBySide() } },
  },
}));
