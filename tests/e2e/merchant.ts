import type { Browser, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { DEMO_SHOP } from "../../preview/demo-shops";
import { merchantContext } from "./chromium";

/** Where Shopify admin's sidebar opens the app: its URL, which is the Support page itself (app/routes.ts). */
export const APP_URL_PATH = "/";

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
  await expect.poll(() => new URL(page.url()).pathname).toBe(APP_URL_PATH);
  return page;
}

type AdminLink = { shop?: string; lang?: string };

/** The preview's stand-in for a Shopify admin link into an app path, for the demo shop unless told. */
export function adminDeepLink(path: string, options: AdminLink = {}): string {
  const link = new URL(inject("baseURL"));
  link.searchParams.set("shop", options.shop ?? DEMO_SHOP.domain);
  if (options.lang) link.searchParams.set("locale", options.lang);
  link.searchParams.set("path", path);
  return link.toString();
}

/** Follows an admin link into an app path and waits until the app shows that path. */
export async function gotoInAdmin(page: Page, path: string, options: AdminLink = {}) {
  await page.goto(adminDeepLink(path, options));
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

/**
 * Opens an app path as Shopify admin's deep link would, in a new merchant's browser of the link's language
 * (English unless told); `javaScript: false` is a browser before hydration.
 */
export async function openInAdmin(
  browser: Browser,
  path: string,
  options: AdminLink & { viewport?: { width: number; height: number }; javaScript?: boolean } = {},
): Promise<Page> {
  const lang = options.lang ?? "en";
  const locale = lang === "en" ? "en-US" : `${lang}-${lang.toUpperCase()}`;
  const context = await merchantContext(browser, locale, { javaScript: options.javaScript });
  const page = await context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await gotoInAdmin(page, path, options);
  return page;
}

/** The Support page's problem field and its button, in English and Italian. */
export const EN = { field: "Describe your problem", submit: "Find the right help" };
export const IT = { field: "Descrivi il tuo problema", submit: "Trova l'aiuto giusto" };

export async function describeProblem(page: Page, labels: { field: string; submit: string }, text: string) {
  await page.getByLabel(labels.field).fill(text);
  await page.getByRole("button", { name: labels.submit }).click();
}

/** Waits for the ticket page that a sent ticket form leads to, and returns the ticket's id. */
export async function sentTicketId(page: Page): Promise<string> {
  await expect
    .poll(() => new URL(page.url()).pathname, { timeout: 15_000 })
    .toMatch(/^\/app\/support\/tickets\/\w+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}
