import type { Browser, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { merchantContext } from "./chromium";

/** Opens the app as Shopify admin would, for a demo shop, in a browser of the given language. */
export async function openSupportPage(
  browser: Browser,
  options: { locale?: string; shop?: string } = {},
): Promise<Page> {
  const context = await merchantContext(browser, options.locale ?? "en-US");
  const page = await context.newPage();
  const url = new URL(inject("baseURL"));
  if (options.shop) url.searchParams.set("shop", options.shop);
  await page.goto(url.toString());
  await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support");
  return page;
}

export async function describeProblem(page: Page, labels: { field: string; submit: string }, text: string) {
  await page.getByLabel(labels.field).fill(text);
  await page.getByRole("button", { name: labels.submit }).click();
}
