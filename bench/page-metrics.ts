/** What the benchmarks measure of a page in Chromium: bytes shipped, paint and when it is usable. */
import { request as httpRequest } from "node:http";
import type { Page } from "playwright-core";

const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/** The bytes a browser that only takes gzip receives for this URL (files under 1 KB come uncompressed). */
export function gzippedSize(url: string) {
  return new Promise<number>((resolve, reject) => {
    httpRequest(url, { headers: { "Accept-Encoding": "gzip", "User-Agent": USER_AGENT } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve(bytes));
    })
      .on("error", reject)
      .end();
  });
}

/**
 * Chrome DevTools' "Slow 4G" preset (Lighthouse's mobile throttling: 150 ms RTT × 3.75, 1.6 Mbit/s down
 * and 750 kbit/s up × 0.9) and a 4× slower CPU, as the issue's walk-through used.
 */
export async function throttleLikeAPhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 562.5,
    downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
    uploadThroughput: ((750 * 1024) / 8) * 0.9,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

/** Records, from the first byte, when Remix has hydrated the page (its router exists) and every interaction's latency. */
export const PAGE_PROBES = `
  window.__bench = { usableAt: null, interactions: [] };
  const poll = setInterval(() => {
    if (window.__remixRouter && document.readyState === "complete") {
      window.__bench.usableAt = performance.now();
      clearInterval(poll);
    }
  }, 10);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.interactionId) window.__bench.interactions.push(entry.duration);
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
`;

export interface Probes {
  usableAt: number | null;
  interactions: number[];
}

export const probes = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probes }).__bench);

export const largestContentfulPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );

/** The JavaScript files the page loaded (from the Resource Timing entries) and their size gzipped. */
export async function javaScriptShipped(page: Page) {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.endsWith(".js")),
  );
  const sizes = await Promise.all(urls.map(gzippedSize));
  return { files: urls.length, gzipBytes: sizes.reduce((sum, bytes) => sum + bytes, 0) };
}
