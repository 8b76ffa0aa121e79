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
/** Counted in tokens: "won't" is two. */
const MAX_PHRASE_WORDS = 5;
/** Phrases that barely moved the score are noise to a merchant ("the", "and"): they must reach this… */
const MIN_EVIDENCE_WEIGHT = 0.25;
/** …and this share of the strongest phrase. */
const MIN_EVIDENCE_SHARE = 0.1;
/** Edge words contributing less than this share of the phrase's strongest word are trimmed. */
const EDGE_WORD_SHARE = 0.15;
/**
 * A word that pulls slightly against the category ("won't", "not", "the") may still join two words that
 * push towards it ("products won't sync"), as long as its pull is under this share of the strongest push
 * in the phrase so far: contributions scale with the model's temperature, so a fixed cost would not.
 */
const MAX_BRIDGE_SHARE = 0.1;

/** Words of time, possession and negation: they carry a phrase, never start or end one ("since yesterday"). */
const EDGE_WORDS = new Set(
  (
    "since yesterday today tomorrow ago now still already again yet week weeks day days hour hours month months " +
    "monday tuesday wednesday thursday friday saturday sunday morning night " +
    "my mine our your me its their " +
    "not no t won don doesn didn isn aren wasn can cannot " +
    "ieri oggi domani dopo ora ancora gia settimana settimane giorno giorni ore mese stamattina mio mia miei mie nostro " +
    "nostra suo sua non piu " +
    "ayer hoy manana desde ahora todavia ya semana semanas dia dias horas mes mi mis nuestro nuestra su sus nada " +
    "hier aujourd demain depuis maintenant encore deja semaine semaines jour jours heures mois mon ma mes notre nos " +
    "son sa ses ne pas plus " +
    "gestern heute morgen seit jetzt noch schon immer woche wochen tag tagen stunden monat mein meine meinen meinem " +
    "unser unsere sein seine kein keine nicht mehr"
  ).split(" "),
);

/**
 * Words that name where the problem happens but not what it is ("Shopify", "my account", "the app"),
 * or only that there is one ("problem", "help"). A phrase made only of these (and edge or function
 * words) tells the merchant nothing, so it is not shown; a text made only of them is not routed
 * without asking (index.ts).
 */
const GENERIC_WORDS = new Set(
  (
    "shopify tiktok tik tok app apps application appli applicazione aplicacion shop shops store stores negozio " +
    "tienda boutique laden account conto cuenta compte konto seller center centre spl " +
    "fine ok okay bene bien gut everything tutto todo tout alles " +
    "problem problems issue issues problema problemi problemas probleme problemes help aiuto ayuda aide hilfe " +
    "please urgent urgente dringend thanks grazie gracias merci danke"
  ).split(" "),
);

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

  // Plain loops and module-level helpers, not closures over the run's state: V8 boxes every number
  // written to a closure's variables, and this runs for every word of a long message.
  const phrases: Phrase[] = [];
  let runStart = -1;
  let runPeak = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.clauseStart && runStart >= 0) {
      keepPhrase(phrases, analysed, wordWeights, runStart, index - 1);
      runStart = -1;
      runPeak = 0;
    }
    const weight = wordWeights[index] ?? 0;
    // Numbers ("0" once folded), function and edge words may continue a phrase but never start one.
    const carrier = isCarrier(token.norm);
    const pushes = !ruledOut[index] && weight > 0 && (!carrier || runStart >= 0);
    const bridges =
      runStart >= 0 &&
      !ruledOut[index] &&
      carrier &&
      weight > -MAX_BRIDGE_SHARE * runPeak &&
      continuesAfter(analysed, wordWeights, index);
    if (pushes || bridges) {
      if (runStart < 0) runStart = index;
      runPeak = Math.max(runPeak, weight);
    } else if (runStart >= 0) {
      keepPhrase(phrases, analysed, wordWeights, runStart, index - 1);
      runStart = -1;
      runPeak = 0;
    }
  }
  if (runStart >= 0) keepPhrase(phrases, analysed, wordWeights, runStart, tokens.length - 1);

  // Only phrases strong enough to be shown are turned into text (long messages have many weak ones).
  const strongest = phrases.reduce((max, phrase) => Math.max(max, phrase.weight), 0);
  const threshold = Math.max(MIN_EVIDENCE_WEIGHT, MIN_EVIDENCE_SHARE * strongest);
  const byTerm = new Map<string, Evidence>();
  for (const phrase of phrases) {
    if (phrase.weight < threshold) continue;
    if (!namesAProblem(tokens, phrase.first, phrase.last)) continue;
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

interface Phrase {
  first: number;
  last: number;
  weight: number;
}

/**
 * Adds the run's best phrase, unless it is too weak ever to be shown (below MIN_EVIDENCE_WEIGHT):
 * long messages have many weak runs, and keeping them would only make garbage.
 */
function keepPhrase(
  phrases: Phrase[],
  analysed: AnalysedText,
  weights: Float64Array,
  first: number,
  last: number,
): void {
  const phrase = strongestWindow(analysed, weights, first, last);
  if (phrase.weight >= MIN_EVIDENCE_WEIGHT) phrases.push(phrase);
}

/** Whether a word after `index` in the same clause, past other carriers, pushes towards the category. */
function continuesAfter({ tokens, ruledOut }: AnalysedText, weights: Float64Array, index: number): boolean {
  for (let next = index + 1; next < tokens.length && next <= index + 2; next++) {
    const token = tokens[next]!;
    if (token.clauseStart || ruledOut[next]) return false;
    if ((weights[next] ?? 0) > 0 && !EDGE_WORDS.has(token.norm) && !isFunctionWord(token.norm)) return true;
  }
  return false;
}

function isCarrier(norm: string): boolean {
  return norm === "0" || isFunctionWord(norm) || EDGE_WORDS.has(norm);
}

/**
 * Whether a (normalised) word can say what is wrong, beyond where, when or whose: not a number, a
 * generic word ("Shopify", "account", "help"), an edge word ("since", "my", "not") or a function word.
 */
export function isProblemWord(norm: string): boolean {
  return norm !== "0" && !GENERIC_WORDS.has(norm) && !EDGE_WORDS.has(norm) && !isFunctionWord(norm);
}

/** At least one word of the phrase says what is wrong, beyond where, when or whose. */
function namesAProblem(tokens: AnalysedText["tokens"], first: number, last: number): boolean {
  for (let index = first; index <= last; index++) {
    if (isProblemWord(tokens[index]?.norm ?? "")) return true;
  }
  return false;
}

/** The best run of at most MAX_PHRASE_WORDS words in [first, last], without weak or function words at its edges. */
function strongestWindow(
  { tokens }: AnalysedText,
  weights: Float64Array,
  first: number,
  last: number,
): Phrase {
  let bestFirst = first;
  let bestLast = first;
  let bestWeight = -Infinity;
  for (let start = first; start <= last; start++) {
    let weight = 0;
    for (let end = start; end <= last && end < start + MAX_PHRASE_WORDS; end++) {
      weight += windowWeightAt(tokens, weights, end);
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

/** A carrier bridging two pushing words costs the phrase nothing: "products won't sync" beats "sync". */
function windowWeightAt(tokens: AnalysedText["tokens"], weights: Float64Array, index: number): number {
  const weight = weights[index] ?? 0;
  return isCarrier(tokens[index]?.norm ?? "") ? Math.max(weight, 0) : weight;
}

function isWeakEdge(
  tokens: AnalysedText["tokens"],
  weights: Float64Array,
  index: number,
  strongest: number,
): boolean {
  const norm = tokens[index]?.norm ?? "";
  return (
    (weights[index] ?? 0) < EDGE_WORD_SHARE * strongest ||
    isFunctionWord(norm) ||
    EDGE_WORDS.has(norm) ||
    norm === "0"
  );
}
