/** A word of the merchant's text: `norm` is lowercased and accent-folded; start/end index the original text. */
export interface Token {
  norm: string;
  start: number;
  end: number;
  /** True when punctuation separates this word from the previous one (or it is the first word). */
  clauseStart: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CLAUSE_BREAK = /[.,;:!?()[\]{}\n\r…]|\s[-–—]\s/y;
/** Nearly all gaps between words are one space: skip the regular expression for them. */
const PLAIN_GAP = 0x20;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Whether each UTF-16 code unit belongs to a word (1) or not (2), learnt on first sight: testing
 * Unicode classes is slow, and a text reuses few distinct characters. Surrogates (emoji, rare scripts)
 * are not word characters.
 */
const wordCharacters = new Uint8Array(0x10000);

function isWordCharacter(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordCharacters[code]!;
  if (known === 0) {
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    known = !surrogate && WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordCharacters[code] = known;
  }
  return known === 1;
}

/** Unicode normalisation is slow; accented words repeat a lot, so remember them (bounded). */
const foldedAccents = new Map<string, string>();
const MAX_FOLDED_ACCENTS = 20_000;

/** Lowercase and strip accents so "Sincronizzazione", "sincronizzazióne" and "SINCRONIZZAZIONE" match. */
function foldAccented(word: string): string {
  const lower = word.toLowerCase();
  let folded = foldedAccents.get(lower);
  if (folded === undefined) {
    folded = lower
      .normalize("NFD")
      .replace(COMBINING_MARKS, "")
      .replace(/ß/g, "ss")
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae");
    if (foldedAccents.size >= MAX_FOLDED_ACCENTS) foldedAccents.clear();
    foldedAccents.set(lower, folded);
  }
  return folded;
}

/**
 * Whether the gap text[from, to) holds a clause break. Tested in place (the expression is sticky) rather
 * than on a slice of the gap: a slice per word was a third of a long text's garbage. A match cannot run
 * past the gap, because the gap ends where a word (never a space) begins.
 */
function isClauseBreak(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === PLAIN_GAP) return false;
  for (let at = from; at < to; at++) {
    CLAUSE_BREAK.lastIndex = at;
    if (CLAUSE_BREAK.test(text)) return true;
  }
  return false;
}

/** Splits a text into words (letters and digits); numbers all read as "0", since their value says nothing of the problem. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let index = 0;
  while (index < text.length) {
    if (!isWordCharacter(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    let ascii = true;
    let digits = true;
    let upper = false;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (!isWordCharacter(code)) break;
      if (code >= 128) ascii = false;
      if (code < 48 || code > 57) digits = false;
      if (code >= 65 && code <= 90) upper = true;
    }
    const word = digits ? "0" : text.slice(start, index);
    tokens.push({
      // Most words are already lowercase ASCII: then the slice itself is the folded form.
      norm: digits ? word : !ascii ? foldAccented(word) : upper ? word.toLowerCase() : word,
      start,
      end: index,
      clauseStart: tokens.length === 0 || isClauseBreak(text, previousEnd, start),
    });
    previousEnd = index;
  }
  return tokens;
}
