import { z } from "zod";
import type { Locale } from "~/i18n/locales";
import type { IntakeAnswer } from "./intake";
import { isCategoryId, routeOf } from "./taxonomy";
import { MAX_TEXT_LENGTH, TriageInputError, classify } from "./triage";

export const intakeSchema = z.object({
  description: z.string().trim().max(MAX_TEXT_LENGTH, "intake.errors.tooLong").default(""),
  orderId: z.string().trim().max(64).default(""),
  category: z.string().optional(),
});

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
