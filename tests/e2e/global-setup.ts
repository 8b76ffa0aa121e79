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
  if (process.env.E2E_SKIP_BUILD !== "1") execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const databaseUrl = freshSqliteUrl();
  const preview = await startPreviewProcess(databaseUrl);
  project.provide("baseURL", preview.baseURL);
  project.provide("databaseUrl", databaseUrl);
  return preview.stop;
}
