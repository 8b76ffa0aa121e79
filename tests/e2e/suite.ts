import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "~/db.server";
import { TEST_CONFIG } from "../setup/test-config";
import { launchChromium } from "./chromium";

/** An address on the app the global setup serves. */
export const appUrl = (path: string) => `${inject("baseURL")}${path}`;

/** One Chromium for the test file, launched before its tests and closed after them. */
export function useBrowser(): { readonly browser: Browser } {
  const suite = {} as { browser: Browser };
  beforeAll(async () => {
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
  });
  return suite;
}

/** Chromium and the served app's database, for a test file that prepares or checks rows. */
export function useBrowserAndDb(): { readonly browser: Browser; readonly db: Db } {
  const suite = {} as { browser: Browser; db: Db };
  beforeAll(async () => {
    // Creating a ticket from a test enqueues emails, which read the app's configuration.
    Object.assign(process.env, TEST_CONFIG, { DATABASE_URL: inject("databaseUrl") });
    suite.browser = await launchChromium();
    suite.db = createDb(inject("databaseUrl"));
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.db?.$disconnect();
  });
  return suite;
}
