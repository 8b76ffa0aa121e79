import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startPreviewProcess } from "../../preview/process";
import { freshSqliteUrl } from "../setup/databases";
import { assertChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
  }
}

/** Builds the app once and serves it with the offline preview on a fresh SQLite database. */
export default async function setup(project: TestProject) {
  assertChromium();
  // Vitest sets NODE_ENV=test, with which Vite would bundle React's development build: the tests
  // drive the production build that merchants get.
  if (process.env.E2E_SKIP_BUILD !== "1")
    execFileSync("npm", ["run", "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
  const databaseUrl = freshSqliteUrl();
  const preview = await startPreviewProcess(databaseUrl);
  project.provide("baseURL", preview.baseURL);
  project.provide("databaseUrl", databaseUrl);
  return preview.stop;
}
