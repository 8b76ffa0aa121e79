/**
 * Triage: reads a merchant's problem in their own words and says which category it is, who can fix it
 * (SPL or TikTok) and how sure it is. Plain TypeScript, no network; the weights are trained by
 * `npm run train` from data/train.jsonl and checked in as model.json.
 */
import type { Locale } from "../../i18n/locales";
import { routeOf, type CategoryId, type Route } from "../taxonomy";
import { buildEvidence, type Evidence } from "./evidence";
import { LinearModel, type ModelFile } from "./model";
import modelFile from "./model.json";
import { TextScorer } from "./scorer";

export type { Evidence } from "./evidence";

export interface Triage {
  category: CategoryId;
  route: Route;
  /** Calibrated probability that `category` is right, in [0, 1]. */
  confidence: number;
  /**
   * The UI should ask the merchant to choose. True when confidence < LOW_CONFIDENCE_THRESHOLD, when the
   * runner-up scores MAX_RUNNER_UP or more (two problems, both likely), or when the merchant's words give
   * the category less than MIN_SUPPORT (it won on the model's priors, as with gibberish).
   */
  lowConfidence: boolean;
  /** Other likely categories, best first, excluding `category`. */
  alternatives: { category: CategoryId; score: number }[];
  /** Words from the text that pushed towards `category`, strongest first. */
  evidence: Evidence[];
}

export const MAX_TEXT_LENGTH = 10_000;
/**
 * Below this calibrated probability the top category is more likely wrong than right, so the UI asks
 * the merchant to pick from the category and its alternatives instead of routing silently.
 */
export const LOW_CONFIDENCE_THRESHOLD = 0.5;
/** Highest score the runner-up may have before the choice is left to the merchant: a 1-in-4 chance. */
export const MAX_RUNNER_UP = 0.25;
/**
 * Least total push (in log-odds) the text's own words must give the top category. Below it the text
 * carried no recognisable problem ("asdf", "lorem ipsum") and the category is only the default guess.
 */
export const MIN_SUPPORT = 1;
/** Alternatives below this score are not worth showing. */
export const MIN_ALTERNATIVE_SCORE = 0.01;
export const MAX_ALTERNATIVES = 4;

/**
 * Thrown by `classify` for text it must not guess on: empty (or only spaces) or longer than
 * MAX_TEXT_LENGTH. Callers show `reason` as a form error; the CLI prints it as `{"error": …}`.
 */
export class TriageInputError extends Error {
  constructor(readonly reason: "empty" | "too_long") {
    super(
      reason === "empty"
        ? "text is empty"
        : `text is longer than ${MAX_TEXT_LENGTH.toLocaleString("en")} characters`,
    );
    this.name = "TriageInputError";
  }
}

let sharedScorer: TextScorer | undefined;

/** The model is loaded on first use, once per process. */
function textScorer(): TextScorer {
  sharedScorer ??= new TextScorer(new LinearModel(modelFile as ModelFile));
  return sharedScorer;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Classifies one merchant message. Throws TriageInputError for empty or oversized text. */
export function classify(text: string, locale?: Locale): Triage {
  if (text.trim() === "") throw new TriageInputError("empty");
  if (text.length > MAX_TEXT_LENGTH) throw new TriageInputError("too_long");

  const scorer = textScorer();
  const scored = scorer.score(text, locale);
  const ranked = scorer.classes
    .map((category, index) => ({ category, score: scored.probabilities[index] ?? 0, index }))
    .sort((a, b) => b.score - a.score);
  const [top, ...others] = ranked;
  if (!top) throw new Error("Triage model has no categories");

  const contributions = scored.wordContributions(top.index);
  let support = 0;
  for (let index = 0; index < contributions.length; index++) {
    if (!scored.ruledOut[index]) support += Math.max(contributions[index]!, 0);
  }
  return {
    category: top.category,
    route: routeOf(top.category),
    confidence: round(top.score),
    lowConfidence:
      top.score < LOW_CONFIDENCE_THRESHOLD ||
      (others[0]?.score ?? 0) >= MAX_RUNNER_UP ||
      support < MIN_SUPPORT,
    alternatives: others
      .filter((other) => other.score >= MIN_ALTERNATIVE_SCORE)
      .slice(0, MAX_ALTERNATIVES)
      .map((other) => ({ category: other.category, score: round(other.score) })),
    evidence: buildEvidence(text, scored, contributions, top.category),
  };
}
