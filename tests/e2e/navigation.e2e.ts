import { expect, inject, it } from "vitest";
import { merchantContext } from "./chromium";
import { APP_URL_PATH, IT } from "./merchant";
import { useBrowser } from "./suite";

const suite = useBrowser();

it("opens the demo shop's Support page at / and navigates inside the app with authenticated data requests", async () => {
  const context = await merchantContext(suite.browser);
  const page = await context.newPage();
  const dataRequests: { url: string; authorization: string | null; status: number }[] = [];
  page.on("response", (response) => {
    if (response.url().includes(".data")) {
      dataRequests.push({
        url: response.url(),
        authorization: response.request().headers()["authorization"] ?? null,
        status: response.status(),
      });
    }
  });
  await page.goto(inject("baseURL"));
  await expect.poll(() => new URL(page.url()).pathname).toBe(APP_URL_PATH);
  await page
    .getByRole("navigation", { name: "App navigation" })
    .getByRole("link", { name: "My tickets" })
    .click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/tickets");
  await page.getByRole("heading", { name: "My tickets" }).waitFor();
  expect(dataRequests.length).toBeGreaterThan(0);
  expect(
    dataRequests.every((request) => request.authorization?.startsWith("Bearer ey") && request.status === 200),
  ).toBe(true);
  await context.close();
});

it("serves the Support page at the app's URL itself, and keeps the admin's language on the next page", async () => {
  const context = await merchantContext(suite.browser, "en-US");
  const page = await context.newPage();
  const home = new URL(inject("baseURL"));
  home.searchParams.set("locale", "it");
  // The preview's home URL stands in for Shopify admin: its one redirect is the admin opening the app's URL.
  const response = await page.goto(home.toString());
  expect(response?.status()).toBe(200);
  expect(new URL(response!.url()).pathname).toBe(APP_URL_PATH);
  expect(response!.request().redirectedFrom()?.url()).toBe(home.toString());
  expect(response!.request().redirectedFrom()?.redirectedFrom()).toBeNull();
  await page.getByLabel(IT.field).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("it");

  await page
    .getByRole("navigation", { name: "App navigation" })
    .getByRole("link", { name: /^I miei ticket/ })
    .click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support/tickets");
  await page.getByRole("heading", { name: "I miei ticket" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("it");
  await context.close();
});
