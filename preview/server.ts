import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";
import { resolveLocale } from "~/i18n/locales";
import { startAdminApiBoundary } from "./admin-api-mock";
import { DEMO_SHOP, demoShop, type DemoShop } from "./demo-shops";
import { adminHost, mintSessionToken } from "./session-token";
import type { SmtpSink } from "./smtp-sink";

const APP_BRIDGE_CDN = "https://cdn.shopify.com/shopifycloud/app-bridge.js";
const STANDIN_PATH = "/preview/app-bridge.js";
const standin = readFileSync(path.join(import.meta.dirname, "app-bridge-standin.js"), "utf8");

/** The demo shop's admin page a `shopify:admin/<section>/<id>` link opens. */
function adminPage(shop: DemoShop, page: string) {
  const [section = "", id] = page.split("/");
  const matches = (gid: string) => gid.endsWith(`/${id}`);
  const record =
    section === "products"
      ? shop.products.find((product) => matches(product.id))
      : section === "orders"
        ? shop.orders.find((order) => matches(order.id))
        : undefined;
  const title = record ? ("title" in record ? record.title : record.name) : null;
  return { admin: `Shopify admin · ${shop.name}`, page, title };
}

/**
 * Stand-ins for what Shopify admin gives an embedded app: the admin's redirect into the app with a
 * session token, the token endpoint App Bridge would call, and App Bridge itself; and the mailbox
 * of the emails the app sent to the preview's SMTP sink.
 */
function previewRoutes(apiKey: string, apiSecret: string, mailbox: SmtpSink) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      // Shopify admin's request into the app carries its session token; the preview's own home URL does not.
      if (req.method === "GET" && req.path === "/" && !req.query.id_token) {
        const shop = demoShop(String(req.query.shop ?? DEMO_SHOP.domain));
        if (!shop) return res.status(404).send("Unknown demo shop");
        const { token } = await mintSessionToken(shop.domain, apiKey, apiSecret);
        const locale = resolveLocale(String(req.query.locale ?? req.acceptsLanguages()[0]));
        const params = new URLSearchParams({
          embedded: "1",
          shop: shop.domain,
          host: adminHost(shop.domain),
          locale,
          id_token: token,
        });
        // Like an admin deep link (…/apps/spl-support/app/support/tickets/ID): the app opens at that path;
        // without one, at the app's URL, as Shopify admin opens it from its sidebar.
        const path = String(req.query.path ?? "/");
        return res.redirect(`${path.startsWith("/app") ? path : "/"}?${params}`);
      }
      if (req.method === "GET" && req.path === "/preview/session-token") {
        const shop = demoShop(String(req.query.shop ?? ""));
        if (!shop) return res.status(404).json({ error: "Unknown demo shop" });
        return res.json(await mintSessionToken(shop.domain, apiKey, apiSecret));
      }
      if (req.method === "GET" && req.path === STANDIN_PATH) {
        return res.type("application/javascript").send(standin);
      }
      if (req.method === "GET" && req.path.startsWith("/preview/admin/")) {
        // Where App Bridge would take a `shopify:admin/...` link: the admin page it names, as JSON.
        const shop = demoShop(String(req.query.shop ?? ""));
        if (!shop) return res.status(404).json({ error: "Unknown demo shop" });
        const page = req.path.slice("/preview/admin/".length);
        // Shopify's grant page lists the scopes the app asks for; the preview only shows them.
        if (page === "oauth/install")
          return res.json({ page, optionalScopes: req.query.optional_scopes ?? null });
        return res.json(adminPage(shop, page));
      }
      if (req.method === "GET" && req.path === "/preview/mailbox") {
        // JSON, never HTML: email text is the merchant's own words.
        res.set("X-Content-Type-Options", "nosniff");
        return res.json({ smtp: mailbox.url, messages: mailbox.messages() });
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Points pages, and the preload hint Shopify's library sends with them, at the local App Bridge
 * stand-in: Shopify's CDN cannot be reached offline.
 */
function useAppBridgeStandin(_req: Request, res: Response, next: NextFunction) {
  const setHeader = res.setHeader.bind(res);
  const local = (value: string) => value.replaceAll(APP_BRIDGE_CDN, STANDIN_PATH);
  res.setHeader = ((name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== "link") return setHeader(name, value);
    return setHeader(name, Array.isArray(value) ? value.map(local) : local(String(value)));
  }) as typeof res.setHeader;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const chunks: Buffer[] = [];
  const isHtml = () => String(res.getHeader("content-type") ?? "").startsWith("text/html");
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isHtml()) return write(chunk, ...rest);
    chunks.push(Buffer.from(chunk as Buffer));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (!isHtml()) return end(chunk, ...rest);
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk as Buffer));
    const html = Buffer.concat(chunks).toString("utf8").replaceAll(APP_BRIDGE_CDN, STANDIN_PATH);
    res.removeHeader("content-length");
    return end(html);
  }) as typeof res.end;
  next();
}

export async function startPreviewServer(port: number, mailbox: SmtpSink): Promise<Server> {
  // MSW must patch fetch before the Shopify library, inside the build, captures it.
  startAdminApiBoundary();
  const { createAppServer, loadApp } = await import("../server/app-server.mjs");
  const app = await loadApp();
  const { SHOPIFY_API_KEY, SHOPIFY_API_SECRET, OUTBOX_WORKER } = app.config;
  const appServer = createAppServer(app, {
    before: [previewRoutes(SHOPIFY_API_KEY, SHOPIFY_API_SECRET, mailbox), useAppBridgeStandin],
  });
  // Mail goes to the preview's SMTP sink; the preview stops with its process, mid-send or not.
  if (OUTBOX_WORKER === "on") app.startOutboxWorker();
  return new Promise((resolve) => {
    const server = appServer.listen(port, "127.0.0.1", () => resolve(server));
  });
}
