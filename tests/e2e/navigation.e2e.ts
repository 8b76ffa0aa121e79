import { expect, inject, it } from "vitest";
import { merchantContext } from "./chromium";
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
  await expect.poll(() => new URL(page.url()).pathname).toBe("/app/support");
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
