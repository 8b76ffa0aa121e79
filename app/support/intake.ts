import { CATEGORY_IDS, ROUTES, isCategoryId, routeOf, type CategoryId, type Route } from "./taxonomy";
import type { Entities, Evidence, Triage } from "./triage";
import { arrayOf, isBoolean, isNumber, isString, nullable, objectOf, oneOf, type Check } from "./untrusted";

export type IntakeAnswer =
  { kind: "classified"; triage: Triage } | { kind: "chosen"; category: CategoryId; route: Route };

const isRoute = oneOf(ROUTES);
const isTriage = objectOf<Triage>({
  category: isCategoryId,
  route: isRoute,
  confidence: isNumber,
  lowConfidence: isBoolean,
  alternatives: arrayOf(
    objectOf<Triage["alternatives"][number]>({ category: isCategoryId, score: isNumber }),
  ),
  evidence: arrayOf(objectOf<Evidence>({ term: isString, category: isCategoryId, weight: isNumber })),
  second: nullable(isCategoryId),
  modelVersion: isString,
  entities: objectOf<Entities>({
    orderNumbers: arrayOf(isString),
    trackingNumbers: arrayOf(isString),
    skus: arrayOf(isString),
    productNames: arrayOf(isString),
  }),
});
const isClassified = objectOf<Extract<IntakeAnswer, { kind: "classified" }>>({
  kind: oneOf(["classified"]),
  triage: isTriage,
});
const isChosen = objectOf<Extract<IntakeAnswer, { kind: "chosen" }>>({
  kind: oneOf(["chosen"]),
  category: isCategoryId,
  route: isRoute,
});

/**
 * An answer as a draft kept it in the browser (Back from a guide shows it again), or a reply of the
 * page's action, which may be an error instead: read, never trusted.
 */
export const isIntakeAnswer: Check<IntakeAnswer> = (value): value is IntakeAnswer =>
  isClassified(value) || isChosen(value);

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
