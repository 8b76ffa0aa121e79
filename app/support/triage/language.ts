import { LOCALES, type Locale } from "../../i18n/locales";
import type { Token } from "./text";

/** Frequent function words; enough to tell the five languages apart in a merchant's message. */
const FUNCTION_WORDS: Record<Locale, ReadonlySet<string>> = {
  en: new Set(
    "the and my is are not to of in it with for on have has can but i we our this that was".split(" "),
  ),
  it: new Set(
    "il lo gli che non di e per sono ho con del della dei delle un una ma mi nel su si anche ancora".split(
      " ",
    ),
  ),
  es: new Set(
    "el los las que no de y por con es en un una pero tengo mi mis se me del al esta estan".split(" "),
  ),
  fr: new Set(
    "le les je de et ne pas mon mes est un une des pour avec mais sur du au ai nous sont".split(" "),
  ),
  de: new Set(
    "der die das und ich nicht ist mein meine mit ein eine kein auf zu aber wir sind von den dem wird".split(
      " ",
    ),
  ),
};

/** Each function word's indexes in LOCALES, so a text is read once whatever the number of languages. */
const LANGUAGES_OF = new Map<string, number[]>();
LOCALES.forEach((locale, index) => {
  for (const word of FUNCTION_WORDS[locale])
    LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), index]);
});

/** "the", "di", "los", "mais", "und"…: words that carry no problem of their own. */
export function isFunctionWord(word: string): boolean {
  return LANGUAGES_OF.has(word);
}

/** The locale the UI passed counts for a little, so very short texts follow it. */
const HINT_BONUS = 1.5;

/** Best guess of the language a text is written in; used only for words that mean different things across languages. */
export function guessLanguage(tokens: readonly Token[], hint?: Locale): Locale {
  const scores = LOCALES.map((locale) => (locale === hint ? HINT_BONUS : 0));
  for (const token of tokens) {
    const languages = LANGUAGES_OF.get(token.norm);
    if (languages) for (const index of languages) scores[index]! += 1;
  }
  let best = 0;
  scores.forEach((score, index) => {
    if (score > scores[best]!) best = index;
  });
  return LOCALES[best] ?? hint ?? "en";
}
