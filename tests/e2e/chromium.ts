import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium (Playwright gives each launch a fresh profile); a missing browser fails the run. */
export function assertChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (the e2e tests need it)`,
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A merchant's browser: a desktop user agent (Shopify's library turns bots away) and a language;
 * `javaScript: false` is a browser before hydration.
 */
export function merchantContext(
  browser: Browser,
  locale = "en-US",
  options: { javaScript?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale,
    javaScriptEnabled: options.javaScript ?? true,
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    permissions: ["clipboard-read", "clipboard-write"],
  });
}
