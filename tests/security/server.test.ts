import type { Server } from "node:http";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFrameHeaders } from "~/http/frame-headers.server";
import { bodyLimitFor, readForm } from "~/http/input.server";
import { createAppServer } from "../../server/app-server.mjs";

/**
 * The production HTTP server (server/app-server.mjs, Express and Remix's own request handling)
 * around a small build: a page under /agent, a page with an action, and a resource route that reads
 * its form through the app's input boundary. What is checked is what the server does before and around the app.
 */
const build = {
  mode: "production",
  entry: {
    module: {
      bodyLimitFor,
      default: (request: Request, status: number, headers: Headers) => {
        addFrameHeaders(request, headers);
        headers.set("Content-Type", "text/html");
        return new Response("<!doctype html><p>page</p>", { status, headers });
      },
    },
  },
  routes: {
    root: {
      id: "root",
      path: "",
      module: { default: () => null, action: () => null },
    },
    "routes/agent": { id: "routes/agent", parentId: "root", path: "agent", module: { default: () => null } },
    // A resource route: its action's answer, or the Response it throws, is sent as it is.
    "routes/form": {
      id: "routes/form",
      parentId: "root",
      path: "form",
      module: {
        action: async ({ request }: { request: Request }) =>
          new Response(`fields: ${[...(await readForm(request)).keys()].join(",")}`),
      },
    },
  },
  assets: { entry: { module: "/entry.js", imports: [] }, routes: {}, url: "/manifest.js", version: "1" },
  publicPath: "/",
  assetsBuildDirectory: tmpdir(),
  future: {},
  isSpaMode: false,
} as unknown as ServerBuild;

let server: Server;
let port = 0;

beforeAll(async () => {
  const app = createAppServer({
    build,
    buildDir: tmpdir(),
    config: { NODE_ENV: "production", TRUSTED_PROXY_HOPS: 0 },
  } as unknown as Parameters<typeof createAppServer>[0]);
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytesWritten: number;
}

/**
 * Sends a request, writing `bodyBytes` of body in 64 KB chunks only while the server keeps the
 * connection open, and reports how much of it the server let through.
 */
function send(
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    bodyBytes?: number;
    chunked?: boolean;
  },
) {
  return new Promise<Sent>((resolve, reject) => {
    const total = init.bodyBytes ?? Buffer.byteLength(init.body ?? "");
    const headers = { ...init.headers, ...(init.chunked ? {} : { "Content-Length": String(total) }) };
    const req = httpRequest({ port, path, method: init.method ?? "GET", headers });
    let written = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesWritten: written }),
      );
    });
    // Once the server has answered, it may close the connection on the rest of the body.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    if (init.body !== undefined) {
      req.end(init.body);
      written = total;
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (written < total && !req.destroyed && !answered) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    if (total > 0) pump();
    else req.end();
  });
}

describe("the production server in front of the app", () => {
  it("refuses a 200 MB form with 413 as soon as its length is declared, keeping its memory flat", async () => {
    const rssBefore = process.memoryUsage().rss;
    const answers: Sent[] = [];
    for (let round = 0; round < 3; round += 1)
      answers.push(
        await send("/agent/sign-in", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          bodyBytes: 200 * 1024 * 1024,
        }),
      );
    const rssAfter = process.memoryUsage().rss;
    console.log(
      `RSS before and after three 200 MB bodies: ${Math.round(rssBefore / 2 ** 20)} MB → ${Math.round(rssAfter / 2 ** 20)} MB`,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(answer.bytesWritten).toBeLessThan(20 * 1024 * 1024);
    }
    expect(answers[0]?.body).toMatch(/too large: at most 8 KB/);
    expect(rssAfter - rssBefore).toBeLessThan(100 * 2 ** 20);
  }, 60_000);

  it("refuses a body sent without a length once it grows past the limit, while it streams", async () => {
    const answer = await send("/form", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      bodyBytes: 50 * 1024 * 1024,
      chunked: true,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/too large/);
  }, 60_000);

  it("answers a form within its limit", async () => {
    const answer = await send("/form", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://localhost:${port}` },
      body: "email=a%40b.example&password=x",
    });
    expect(answer).toMatchObject({ status: 200, body: "fields: email,password" });
  });

  it("answers 403, not Remix's 500, to a form posted from another site", async () => {
    for (const origin of ["https://evil.example", "null", "not a url"]) {
      const answer = await send("/", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: "a=1",
      });
      expect(answer.status, origin).toBe(403);
    }
  });

  it("keeps agent pages out of frames and sends HSTS, nosniff and a referrer policy in production", async () => {
    const page = await send("/agent", {});
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});

describe("body limits", () => {
  it("give each path the limit of what it accepts", () => {
    expect(bodyLimitFor("/agent/sign-in")).toBe(8 * 1024);
    expect(bodyLimitFor("/webhooks/compliance")).toBeGreaterThanOrEqual(1024 * 1024);
    expect(bodyLimitFor("/app/support/new.data")).toBeGreaterThan(15 * 1024 * 1024);
    expect(bodyLimitFor("/app/support/tickets/abc")).toBeGreaterThan(60_000);
    // Both sides' replies with files: the ticket form's limit.
    expect(bodyLimitFor("/agent/tickets/abc/reply.data")).toBe(bodyLimitFor("/app/support/tickets/abc"));
  });
});
