import { z } from "zod";
import { ROUTES, isCategoryId, routeOf, type CategoryId, type Route } from "./taxonomy";
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
