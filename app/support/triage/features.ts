import type { Locale } from "../../i18n/locales";
import { ruledOutWords } from "./negation";
import { tokenize, type Token } from "./text";

/**
 * What the model sees of a text. Changing any of this (or the extraction code) changes the features,
 * which the stale-model test detects through the model's fingerprint.
 */
export const FEATURE_CONFIG = {
  /** Character n-grams inside each word (padded with < and >): robust to typos and inflections. */
  charNgramMin: 3,
  charNgramMax: 5,
  wordWeight: 1,
  bigramWeight: 1,
  charNgramWeight: 0.6,
  /** Ruled-out words are kept, marked, with their first letters so "payout" and "payouts" share one. */
  ruledOutWeight: 1,
  ruledOutPrefixLength: 5,
} as const;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/**
 * Feature hashes keep 30 bits: small integers stay unboxed in V8, so hashing allocates nothing on
 * the hot path; ~1e9 values still make collisions between ~20,000 features unlikely.
 */
const HASH_MASK = 0x3fffffff;

const SPACE = 0x20;

function hashString(seed: number, text: string, from = 0, to = text.length): number {
  let hash = seed;
  for (let index = from; index < to; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash & HASH_MASK;
}

const WORD_SEED = hashString(FNV_OFFSET, "w:");
const BIGRAM_SEED = hashString(FNV_OFFSET, "b:");
const CHAR_SEED = hashString(FNV_OFFSET, "c:");
const RULED_OUT_SEED = hashString(FNV_OFFSET, "!:");
const RULED_OUT_PREFIX_SEED = hashString(FNV_OFFSET, "!p:");

/** A text split into words, with the words the merchant explicitly ruled out marked. */
export interface AnalysedText {
  tokens: Token[];
  ruledOut: boolean[];
}

export function analyse(text: string, locale?: Locale): AnalysedText {
  const tokens = tokenize(text);
  return { tokens, ruledOut: ruledOutWords(tokens, locale) };
}

export type EmitFeature = (hash: number, weight: number) => void;

/**
 * Features drawn from one word alone: the word and its character n-grams (padded with < and >), or,
 * for a ruled-out word, only marked copies of the word and of its first letters.
 */
export function forEachWordFeature(word: string, ruledOut: boolean, emit: EmitFeature): void {
  if (ruledOut) {
    emit(hashString(RULED_OUT_SEED, word), FEATURE_CONFIG.ruledOutWeight);
    if (word.length > FEATURE_CONFIG.ruledOutPrefixLength) {
      emit(
        hashString(RULED_OUT_PREFIX_SEED, word, 0, FEATURE_CONFIG.ruledOutPrefixLength),
        FEATURE_CONFIG.ruledOutWeight,
      );
    }
    return;
  }
  emit(hashString(WORD_SEED, word), FEATURE_CONFIG.wordWeight);
  const { charNgramMin, charNgramMax, charNgramWeight } = FEATURE_CONFIG;
  if (word.length < charNgramMin) return;
  // Extend each n-gram's hash one character at a time instead of rehashing every size from scratch.
  const padded = `<${word}>`;
  for (let from = 0; from + charNgramMin <= padded.length; from++) {
    let hash = CHAR_SEED;
    for (let size = 1; size <= charNgramMax && from + size <= padded.length; size++) {
      hash = Math.imul(hash ^ padded.charCodeAt(from + size - 1), FNV_PRIME);
      if (size >= charNgramMin) emit(hash & HASH_MASK, charNgramWeight);
    }
  }
}

/** Hash of the word at `index` with the next one, or undefined when no bigram joins them. */
export function bigramHash({ tokens, ruledOut }: AnalysedText, index: number): number | undefined {
  const next = tokens[index + 1];
  if (!next || next.clauseStart || ruledOut[index] || ruledOut[index + 1]) return undefined;
  // Same as hashing `${word} ${next}`, without building that string (or boxing intermediate hashes).
  const word = tokens[index]?.norm ?? "";
  let hash = BIGRAM_SEED;
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), FNV_PRIME);
  hash = Math.imul(hash ^ SPACE, FNV_PRIME);
  for (let at = 0; at < next.norm.length; at++) hash = Math.imul(hash ^ next.norm.charCodeAt(at), FNV_PRIME);
  return hash & HASH_MASK;
}

/**
 * All features of one text as (hash, value) pairs, repeated hashes included, for training. Values are
 * scaled so the vector has unit length, counting features the model has never seen: a text of
 * unknown words keeps weak scores instead of inflating the few it shares with the training data.
 * The classifier computes the same scores word by word (see scorer.ts).
 */
export function extractFeatures(text: string, locale?: Locale): { hashes: number[]; values: number[] } {
  const analysed = analyse(text, locale);
  const hashes: number[] = [];
  const values: number[] = [];
  const emit: EmitFeature = (hash, weight) => {
    hashes.push(hash);
    values.push(weight);
  };
  analysed.tokens.forEach((token, index) => {
    forEachWordFeature(token.norm, analysed.ruledOut[index] ?? false, emit);
    const bigram = bigramHash(analysed, index);
    if (bigram !== undefined) emit(bigram, FEATURE_CONFIG.bigramWeight);
  });
  const squaredNorm = values.reduce((sum, value) => sum + value * value, 0);
  const scale = squaredNorm > 0 ? 1 / Math.sqrt(squaredNorm) : 0;
  return { hashes, values: values.map((value) => value * scale) };
}
