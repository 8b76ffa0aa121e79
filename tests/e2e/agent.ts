import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_AGENT } from "../../preview/demo-agent";
import { merchantContext } from "./chromium";
import { appUrl } from "./suite";

/** Sends the sign-in form's password and waits for the server's answer. */
export async function submitSignIn(page: Page, password: string) {
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === "POST" &&
        new URL(response.url()).pathname.startsWith("/agent/sign-in"),
    ),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

/** In a browser of its own, goes to the agent console (which sends a visitor to sign in) and signs in. */
export async function trySignIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await merchantContext(browser)).newPage();
  await page.goto(appUrl("/agent"));
  await expect.poll(() => new URL(page.url()).pathname).toBe("/agent/sign-in");
  await page.getByLabel("Email").fill(email);
  await submitSignIn(page, password);
  return page;
}

/** An agent (the demo admin unless told) signed in, on the ticket queue. */
export async function signInAgent(
  browser: Browser,
  account: { email: string; password: string } = DEMO_AGENT,
): Promise<Page> {
  const page = await trySignIn(browser, account.email, account.password);
  await expect.poll(() => new URL(page.url()).pathname).toBe("/agent");
  await page.getByRole("heading", { name: "Ticket queue" }).waitFor();
  return page;
}
