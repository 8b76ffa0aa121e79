import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core's violations of the WCAG 2 A and AA rules on the page as it is now, of any impact unless told. */
export async function axeViolations(page: Page, impacts?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run: (options: object) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe.run({ runOnly: ["wcag2a", "wcag2aa"] });
    return violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      targets: nodes.map((node) => node.target),
    }));
  });
  return violations
    .filter(({ impact }) => !impacts || impacts.includes(impact ?? ""))
    .map(({ id, impact, targets }) => `${impact} ${id}: ${JSON.stringify(targets)}`);
}

/** axe-core's serious and critical violations (WCAG 2 A and AA rules) on the page as it is now. */
export const seriousAxeViolations = (page: Page) => axeViolations(page, ["serious", "critical"]);

/** Whether the page, or any element that scrolls sideways, is wider than the screen. */
export function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const wide = (element: Element) => element.scrollWidth > element.clientWidth + 1;
    const scrollers = Array.from(document.querySelectorAll("body *")).filter((element) => {
      const { overflowX } = getComputedStyle(element);
      return (overflowX === "auto" || overflowX === "scroll") && wide(element);
    });
    return { page: wide(document.documentElement), scrollers: scrollers.map((element) => element.className) };
  });
}

/** The page starts at an h1 and never skips a heading level on the way down. */
export async function expectHeadingsInOrder(page: Page) {
  const levels = await page
    .locator("h1, h2, h3, h4")
    .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
  expect(levels[0]).toBe(1);
  levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
}
