import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { readForm } from "~/http/input.server";
import { authenticate } from "~/shopify.server";
import { NEEDED_SCOPES, runStoreChecks } from "~/support/store-checks/run-checks.server";
import { SPL_CATEGORIES, type CategoryId } from "~/support/taxonomy";

const problemSchema = z.object({
  category: z.enum(SPL_CATEGORIES as [CategoryId, ...CategoryId[]]),
  description: z.string().max(5_000).default(""),
  orderId: z.string().max(100).default(""),
});

/**
 * Runs the store checks for the problem the merchant described. A POST because the merchant's words
 * do not belong in a URL; it writes nothing. `intent=grant` asks Shopify for the scopes the checks
 * lack, through the library's optional-scopes request (it redirects to Shopify's grant page).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, scopes } = await authenticate.admin(request);
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === "grant") {
    const granted = (session.scope ?? "").split(",");
    await scopes.request(NEEDED_SCOPES.filter((scope) => !granted.includes(scope)));
  }
  const problem = problemSchema.safeParse(form);
  if (!problem.success) return data({ report: null }, { status: 422 });
  const report = await runStoreChecks(problem.data.category, problem.data, {
    admin,
    grantedScopes: (session.scope ?? "").split(","),
    session: { found: true, expires: session.expires ?? null },
  });
  return { report };
};
