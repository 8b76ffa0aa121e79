import { z } from "zod";
import { CATEGORY_IDS, ROUTES, isCategoryId, routeOf, type CategoryId, type Route } from "./taxonomy";
import { MAX_TEXT_LENGTH, TriageInputError, classify, type Triage } from "./triage";
import type { Locale } from "~/i18n/locales";

export const intakeSchema = z.object({
  description: z.string().trim().max(MAX_TEXT_LENGTH, "intake.errors.tooLong").default(""),
  orderId: z.string().trim().max(64).default(""),
  category: z.string().optional(),
});

export type IntakeAnswer =
  { kind: "classified"; triage: Triage } | { kind: "chosen"; category: CategoryId; route: Route };

const category = z.string().refine(isCategoryId);

/** An answer as a draft kept it in the browser (Back from a guide shows it again): read, never trusted. */
export const intakeAnswerSchema: z.ZodType<IntakeAnswer, z.ZodTypeDef, unknown> = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("classified"),
      triage: z.object({
        category,
        route: z.enum(ROUTES),
        confidence: z.number(),
        lowConfidence: z.boolean(),
        alternatives: z.array(z.object({ category, score: z.number() })),
        evidence: z.array(z.object({ term: z.string(), category, weight: z.number() })),
        second: category.nullable(),
        modelVersion: z.string(),
        entities: z.object({
          orderNumbers: z.array(z.string()),
          trackingNumbers: z.array(z.string()),
          skus: z.array(z.string()),
          productNames: z.array(z.string()),
        }),
      }),
    }),
    z.object({ kind: z.literal("chosen"), category, route: z.enum(ROUTES) }),
  ],
);

/**
 * What the Support page answers a merchant: the classifier's reading of their words, or the
 * category they picked themselves (a picked chip always wins over the classifier).
 */
export function answerIntake(
  input: { description: string; category?: string },
  locale: Locale,
): IntakeAnswer | { kind: "error"; error: string } {
  if (input.category && isCategoryId(input.category)) {
    return { kind: "chosen", category: input.category, route: routeOf(input.category) };
  }
  try {
    return { kind: "classified", triage: classify(input.description, locale) };
  } catch (error) {
    if (error instanceof TriageInputError)
      return {
        kind: "error",
        error: error.reason === "empty" ? "intake.errors.empty" : "intake.errors.tooLong",
      };
    throw error;
  }
}

/** How many likely problems the "Which of these is closest?" question offers before "Show all". */
export const CLOSEST_CHOICES = 4;
/** Below this score a category is noise, not a likely reading (a vague text scores every category near 0). */
export const LIKELY_SCORE = 0.05;

/**
 * What the Support page does with an answer:
 * - `ask`: the text gave no clear owner, so the merchant picks the closest problem (`choices`, most
 *   likely first; `others` behind "Show all"). Nothing is routed until they pick.
 * - `two`: two problems with different owners: SPL's ticket for one part, TikTok's guide for the other.
 * - `route`: one problem, one owner.
 * A TikTok problem (an account suspension included) reaches an SPL ticket only by the merchant's pick.
 */
export type IntakeStep =
  | { kind: "ask"; choices: CategoryId[]; others: CategoryId[] }
  | { kind: "two"; spl: CategoryId; tiktok: CategoryId }
  | { kind: "route"; category: CategoryId; route: Route; chosen: boolean };

export function intakeStep(answer: IntakeAnswer): IntakeStep {
  if (answer.kind === "chosen") {
    return { kind: "route", category: answer.category, route: answer.route, chosen: true };
  }
  const { triage } = answer;
  if (triage.second && routeOf(triage.second) !== triage.route) {
    const [spl, tiktok] =
      triage.route === "spl_ticket" ? [triage.category, triage.second] : [triage.second, triage.category];
    return { kind: "two", spl, tiktok };
  }
  if (triage.lowConfidence) {
    const likely = [{ category: triage.category, score: triage.confidence }, ...triage.alternatives]
      .filter((reading) => reading.score >= LIKELY_SCORE)
      .map((reading) => reading.category);
    // Too few likely readings (a vague text) are topped up in the taxonomy's order, SPL's problems
    // first: on SPL's own Support page an unexplained problem is most likely one of SPL's.
    const choices = [...new Set([...likely, ...CATEGORY_IDS])].slice(0, CLOSEST_CHOICES);
    return { kind: "ask", choices, others: CATEGORY_IDS.filter((id) => !choices.includes(id)) };
  }
  return { kind: "route", category: triage.category, route: triage.route, chosen: false };
}
