import type { CategoryId } from "../taxonomy";
import type { AnalysedText } from "./features";
import { isFunctionWord } from "./language";

export interface Evidence {
  /** The words as the merchant wrote them, e.g. "Sync failed". */
  term: string;
  category: CategoryId;
  /** How much these words raised the category's score (logit units, after calibration). */
  weight: number;
}

export const MAX_EVIDENCE = 6;
const MAX_PHRASE_WORDS = 4;
/** Phrases that barely moved the score are noise to a merchant ("the", "and"): they must reach this… */
const MIN_EVIDENCE_WEIGHT = 0.25;
/** …and this share of the strongest phrase. */
const MIN_EVIDENCE_SHARE = 0.1;
/** Edge words contributing less than this share of the phrase's strongest word are trimmed. */
const EDGE_WORD_SHARE = 0.15;

/**
 * Turns each word's contribution to the category into the merchant's own phrases: adjacent words
 * that both pushed towards the category are shown together ("sync failed", "non arrivano").
 * Ruled-out words ("not about payouts") are never shown as reasons.
 */
export function buildEvidence(
  text: string,
  analysed: AnalysedText,
  wordWeights: Float64Array,
  category: CategoryId,
): Evidence[] {
  const { tokens, ruledOut } = analysed;

  const phrases: { first: number; last: number; weight: number }[] = [];
  let runStart = -1;
  const closeRun = (end: number) => {
    if (runStart >= 0) phrases.push(strongestWindow(analysed, wordWeights, runStart, end));
    runStart = -1;
  };
  tokens.forEach((token, index) => {
    if (token.clauseStart) closeRun(index - 1);
    // Numbers ("0" once folded) and function words may continue a phrase but never start one.
    const meaningful = token.norm !== "0" && !isFunctionWord(token.norm);
    const usable = !ruledOut[index] && (wordWeights[index] ?? 0) > 0 && (meaningful || runStart >= 0);
    if (!usable) closeRun(index - 1);
    else if (runStart < 0) runStart = index;
  });
  closeRun(tokens.length - 1);

  // Only phrases strong enough to be shown are turned into text (long messages have many weak ones).
  const strongest = phrases.reduce((max, phrase) => Math.max(max, phrase.weight), 0);
  const threshold = Math.max(MIN_EVIDENCE_WEIGHT, MIN_EVIDENCE_SHARE * strongest);
  const byTerm = new Map<string, Evidence>();
  for (const phrase of phrases) {
    if (phrase.weight < threshold) continue;
    const term = text.slice(tokens[phrase.first]?.start ?? 0, tokens[phrase.last]?.end ?? 0);
    const key = term.toLowerCase();
    const existing = byTerm.get(key);
    if (existing) existing.weight += phrase.weight;
    else byTerm.set(key, { term, category, weight: phrase.weight });
  }
  return [...byTerm.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_EVIDENCE)
    .map((evidence) => ({ ...evidence, weight: Math.round(evidence.weight * 1000) / 1000 }));
}

/** The best run of at most MAX_PHRASE_WORDS words in [first, last], without weak or function words at its edges. */
function strongestWindow({ tokens }: AnalysedText, weights: Float64Array, first: number, last: number) {
  let bestFirst = first;
  let bestLast = first;
  let bestWeight = -Infinity;
  for (let start = first; start <= last; start++) {
    let weight = 0;
    for (let end = start; end <= last && end < start + MAX_PHRASE_WORDS; end++) {
      weight += weights[end] ?? 0;
      if (weight <= bestWeight) continue;
      bestFirst = start;
      bestLast = end;
      bestWeight = weight;
    }
  }
  let strongest = 0;
  for (let index = bestFirst; index <= bestLast; index++)
    strongest = Math.max(strongest, weights[index] ?? 0);
  while (bestFirst < bestLast && isWeakEdge(tokens, weights, bestFirst, strongest)) bestFirst++;
  while (bestLast > bestFirst && isWeakEdge(tokens, weights, bestLast, strongest)) bestLast--;
  let weight = 0;
  for (let index = bestFirst; index <= bestLast; index++) weight += weights[index] ?? 0;
  return { first: bestFirst, last: bestLast, weight };
}

function isWeakEdge(
  tokens: AnalysedText["tokens"],
  weights: Float64Array,
  index: number,
  strongest: number,
): boolean {
  return (weights[index] ?? 0) < EDGE_WORD_SHARE * strongest || isFunctionWord(tokens[index]?.norm ?? "");
}
