import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { freshSqliteUrl } from "../setup/databases";
import { assertChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function waitForReady(child: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The preview did not start:\n${log.join("")}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (chunk.toString().includes("SPL Support preview:")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.on("exit", (code) => reject(new Error(`The preview exited with ${code}:\n${log.join("")}`)));
  });
}

/** Builds the app once and serves it with the offline preview on a fresh SQLite database. */
export default async function setup(project: TestProject) {
  assertChromium();
  if (process.env.E2E_SKIP_BUILD !== "1") execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const port = await freePort();
  const databaseUrl = freshSqliteUrl();
  const log: string[] = [];
  const child = spawn("npx", ["tsx", "preview/run.ts", "--no-build"], {
    env: { ...process.env, PORT: String(port), PREVIEW_SMTP_PORT: String(await freePort()), DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  await waitForReady(child, log);
  project.provide("baseURL", `http://localhost:${port}`);
  project.provide("databaseUrl", databaseUrl);
  return () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  };
}
