import type { Locale } from "../../i18n/locales";
import { guessLanguage } from "./language";
import type { Token } from "./text";

/**
 * Finds the words a merchant explicitly rules out ("not about payouts", "i pagamenti vanno bene",
 * "es geht nicht um die Auszahlung"), so they do not vote for their category.
 *
 * Plain negation is left alone on purpose: in a support request it usually describes the problem
 * ("orders not showing", "non si sincronizza"), which the n-gram features already capture.
 */

const NEGATION_WORDS = new Set([
  ...["not", "no", "never", "nothing", "dont", "cant", "wont", "isnt", "arent", "doesnt", "didnt", "cannot"],
  ...["havent", "hasnt", "wasnt", "werent", "couldnt"],
  ...["non", "mai", "nessun", "nessuna", "nessuno", "niente", "nulla"],
  ...["nunca", "ningun", "ninguna", "ninguno", "nada"],
  ...["pas", "jamais", "aucun", "aucune", "rien"],
  ...["nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "nichts"],
]);

/** "isn't" is tokenised as "isn" + "t". */
const NEGATIVE_AUXILIARIES = new Set(
  "isn aren don doesn didn won can haven hasn wasn weren couldn shouldn wouldn ain".split(" "),
);

/** Words that end a clause even without punctuation ("not about payouts but the products…"). */
const CONTRAST_WORDS = new Set(
  "but however although though instead whereas while pero sino mientras mais cependant pourtant tandis aber sondern jedoch invece tuttavia mentre".split(
    " ",
  ),
);
/** "ma" is "but" in Italian and "my" in French. */
const ITALIAN_CONTRAST = "ma";

/** Words that open a new noun phrase or subject: after one, a disclaimer's scope is over. */
const PHRASE_OPENERS = new Set(
  [
    "the my our this these those your i we it they",
    "il lo la i gli le l un una uno io noi mio mia miei mie",
    "el los las mi mis yo nosotros",
    "les mon ma mes je nous on une",
    "der die das den dem ein eine einen mein meine meinen ich wir es sie",
  ]
    .join(" ")
    .split(" "),
);
const CONJUNCTIONS = new Set("and or nor e o ed od y u et ou und oder ni".split(" "));
const FUNCTION_WORDS = new Set([
  ...PHRASE_OPENERS,
  ..."a an any some of to for with about on in at di del della dei delle per con sul sulla sui de del al por para con sobre du des au aux pour avec sur von zu mit um bei an am im".split(
    " ",
  ),
]);

const MAX_SCOPE_CONTENT_WORDS = 3;
const MAX_BACKWARD_SCOPE = 4;
const MAX_POINTED_SCOPE = 6;
const MAX_CONTRAST_LOOKBACK = 8;

type Slot = ReadonlySet<string> | "NEG";
type Pattern = readonly Slot[];

/** Space-separated slots, "|" between alternatives, NEG for any negation word. */
function compile(patterns: readonly string[]): Pattern[] {
  return patterns.map((pattern) =>
    pattern.split(" ").map((slot) => (slot === "NEG" ? "NEG" : new Set(slot.split("|")))),
  );
}

/** The disclaimed topic follows the cue: "not about [payouts]". */
const FORWARD_CUES = compile([
  "NEG about|regarding|concerning",
  "NEG related|linked to",
  "NEG to do with",
  "NEG because of",
  "NEG due to",
  "NEG asking|talking|writing|complaining about",
  "NEG with",
  "not|t|isnt|arent|wasnt the|my|a|an|our|this",
  "no|any problem|problems|issue|issues with",
  "non riguarda|riguardano|concerne|concernono",
  "non si tratta di|del|della|dei|delle|dello",
  "non e|sono per|un|una|il|la|lo|i|le|gli|sul|sulla|sui|di|del|della|dei|delle|colpa|legato|legata|legati|relativo|relativa|questione",
  "non il|la|i|gli|lo|per|sul|sulla|sui|sugli",
  "niente|nulla a che fare|vedere con|coi|col",
  "nessun|nessuno problema|problemi con|coi|col|di|sui|sul|per",
  "non ho problemi|problema con|coi|col|di|sui|sul|per",
  "non parlo|chiedo|scrivo di|del|dei|delle|della|per",
  "no es|son por|un|una|el|la|los|las|de|del|sobre|con|culpa",
  "no se trata de|del",
  "no tiene|tienen que ver con",
  "nada que ver con",
  "ningun|ninguna|ninguno problema|problemas con|de",
  "no tengo|hay problema|problemas con|de",
  "no hablo|pregunto|escribo de|del|por|sobre",
  "no el|mi|mis|por|sobre|con",
  "est|sont pas le|la|les|l|un|une|du|des|de|a|au|aux|pour|mon|ma|mes|avec|sur|lie|liee|lies|liees",
  "agit pas de|du|des|d",
  "rien a voir avec",
  "aucun|aucune probleme|souci|soucis|problemes avec|de|du|des|cote",
  "pas de probleme|souci|soucis|problemes avec|cote",
  "parle|demande pas de|du|des|pour",
  "concerne pas le|la|les|l|mon|ma|mes|du|des",
  "nicht|nichts wegen|um|bezuglich|betreffend",
  "nichts mit",
  "kein|keine|keinen problem|probleme|problemen mit|bei|beim",
  "liegt|liegen nicht an|am|bei|beim",
]);

/** The ruled-out topic precedes the cue, which must not itself be negated: "[payouts] are fine". */
const BACKWARD_POSITIVE_CUES = compile([
  "fine|ok|okay|alright|bene|bien|gut|richtig",
  "work|works|working",
  "correctly|normally",
  "va|vanno bene",
  "funziona|funzionano",
  "a posto",
  "regolarmente|regolari",
  "esta|estan|va|van bien",
  "funciona|funcionan",
  "correctamente",
  "vont bien",
  "fonctionne|fonctionnent|marche|marchent|correctement|nickel",
  "funktioniert|funktionieren|passt|passen|klappt|klappen|korrekt|einwandfrei",
  "in ordnung",
]);

/** The ruled-out topic precedes the cue: "[the payout] is not the problem". */
const BACKWARD_NEGATIVE_CUES = compile([
  "not|t|isnt|arent the|a|an|my problem|issue|problems|issues|cause",
  "NEG il|un problema",
  "NEG c centra|centrano|entra|entrano",
  "NEG es|son el|un problema",
  "pas le|un probleme|souci",
  "nicht das problem",
  "nicht schuld",
  "no|without problem|problems|issue|issues|trouble",
  "senza|nessun problema|problemi",
  "sin|ningun problema|problemas",
  "sans|aucun probleme|problemes|souci|soucis",
  "problemlos|reibungslos",
  "ohne problem|probleme",
]);

/** "…, that works": the demonstrative points back to the previous clause, which is what is ruled out. */
const POINTING_BACK = new Set("that thats this quello questo cio eso esto ca cela das dies".split(" "));
/** Words allowed after a cue in a pointing clause: "that works fine now". */
const MAX_WORDS_AFTER_POINTING_CUE = 1;
const LINKING_VERBS = new Set("is s are was e sono era es esta son est sont ist sind war".split(" "));

/** After a negation, these introduce the real problem: "nicht X, sondern Y", "no X sino Y". */
const CORRECTIVE_CONTRAST = new Set(["sondern", "sino"]);
const CORRECTIVE_AFTER_BUT = new Map([
  ["rather", "but"],
  ["piuttosto", "ma"],
  ["plutot", "mais"],
]);

function isNegation(tokens: readonly Token[], index: number): boolean {
  const norm = tokens[index]?.norm ?? "";
  if (NEGATION_WORDS.has(norm)) return true;
  return norm === "t" && NEGATIVE_AUXILIARIES.has(tokens[index - 1]?.norm ?? "");
}

function isContrast(norm: string, language: Locale): boolean {
  return CONTRAST_WORDS.has(norm) || (language === "it" && norm === ITALIAN_CONTRAST);
}

/**
 * Cues grouped by the word that can start them, so each token is checked only against those. Built
 * once: per-text lookups then allocate nothing.
 */
interface CueIndex {
  byFirstWord: Map<string, Pattern[]>;
  /** For a negation word: the cues starting with it plus those starting with any negation. */
  byNegationWord: Map<string, Pattern[]>;
  startingWithNegation: Pattern[];
}

function indexCues(patterns: readonly Pattern[]): CueIndex {
  const index: CueIndex = { byFirstWord: new Map(), byNegationWord: new Map(), startingWithNegation: [] };
  for (const pattern of patterns) {
    const first = pattern[0];
    if (first === undefined) continue;
    if (first === "NEG") {
      index.startingWithNegation.push(pattern);
      continue;
    }
    for (const word of first) index.byFirstWord.set(word, [...(index.byFirstWord.get(word) ?? []), pattern]);
  }
  for (const word of [...NEGATION_WORDS, "t"]) {
    index.byNegationWord.set(word, [...(index.byFirstWord.get(word) ?? []), ...index.startingWithNegation]);
  }
  return index;
}

const NO_CUES: readonly Pattern[] = [];
const FORWARD = indexCues(FORWARD_CUES);
const BACKWARD_POSITIVE = indexCues(BACKWARD_POSITIVE_CUES);
const BACKWARD_NEGATIVE = indexCues(BACKWARD_NEGATIVE_CUES);
/** Words that can start something this module acts on; any other word (most of them) is skipped at once. */
const CUE_WORDS = new Set([
  ...[FORWARD, BACKWARD_POSITIVE, BACKWARD_NEGATIVE].flatMap((cues) => [...cues.byFirstWord.keys()]),
  ...CORRECTIVE_CONTRAST,
  ...CORRECTIVE_AFTER_BUT.keys(),
]);

/**
 * Marks the ruled-out words of a text. `hint` is the merchant's locale; the text's own language is
 * guessed only when a word's meaning depends on it.
 */
export function ruledOutWords(tokens: readonly Token[], hint?: Locale): boolean[] {
  const language = tokens.some((token) => token.norm === ITALIAN_CONTRAST)
    ? guessLanguage(tokens, hint)
    : (hint ?? "en");
  const count = tokens.length;
  const ruledOut = new Array<boolean>(count).fill(false);
  // Typed arrays: this runs on every text, and long texts have hundreds of words.
  const negated = new Uint8Array(count);
  const clauseOf = new Int32Array(count);
  const clauseHasNegation = new Uint8Array(count);
  tokens.forEach((token, index) => {
    negated[index] = isNegation(tokens, index) ? 1 : 0;
    const clause =
      index === 0
        ? 0
        : clauseOf[index - 1]! + (token.clauseStart || isContrast(token.norm, language) ? 1 : 0);
    clauseOf[index] = clause;
    clauseHasNegation[clause] = clauseHasNegation[clause]! | negated[index]!;
  });
  const sameClause = (a: number, b: number) => clauseOf[a] === clauseOf[b];

  const matchesAt = (start: number, pattern: Pattern) => {
    if (start + pattern.length > count) return false;
    for (let offset = 0; offset < pattern.length; offset++) {
      const slot = pattern[offset]!;
      const matched = slot === "NEG" ? negated[start + offset] : slot.has(tokens[start + offset]!.norm);
      if (!matched) return false;
    }
    return true;
  };
  const cuesAt = (start: number, cues: CueIndex): readonly Pattern[] => {
    const norm = tokens[start]!.norm;
    if (negated[start]) return cues.byNegationWord.get(norm) ?? cues.startingWithNegation;
    return cues.byFirstWord.get(norm) ?? NO_CUES;
  };

  const markForward = (from: number, cueStart: number) => {
    let contentWords = 0;
    for (let index = from; index < count && sameClause(index, cueStart); index++) {
      const norm = tokens[index]!.norm;
      if (negated[index]) break;
      if (contentWords > 0 && PHRASE_OPENERS.has(norm) && !CONJUNCTIONS.has(tokens[index - 1]?.norm ?? ""))
        break;
      if (!FUNCTION_WORDS.has(norm) && !CONJUNCTIONS.has(norm)) contentWords++;
      ruledOut[index] = true;
      if (contentWords >= MAX_SCOPE_CONTENT_WORDS) break;
    }
  };
  const markBackward = (cueStart: number, cueLength: number) => {
    let first = cueStart;
    while (first > 0 && first > cueStart - MAX_BACKWARD_SCOPE && sameClause(first - 1, cueStart)) first--;
    for (let index = first; index < cueStart; index++) ruledOut[index] = true;

    // A short clause that is only "that (is) fine" rules out the clause before it instead.
    const clauseBegins = first === 0 || !sameClause(first - 1, cueStart);
    let clauseEnd = cueStart + cueLength;
    while (clauseEnd < count && sameClause(clauseEnd, cueStart)) clauseEnd++;
    const pointing =
      clauseBegins &&
      first < cueStart &&
      POINTING_BACK.has(tokens[first]!.norm) &&
      tokens.slice(first + 1, cueStart).every((token) => LINKING_VERBS.has(token.norm)) &&
      clauseEnd - (cueStart + cueLength) <= MAX_WORDS_AFTER_POINTING_CUE;
    if (!pointing || first === 0) return;
    const previous = first - 1;
    for (
      let back = previous;
      back >= 0 && back > previous - MAX_POINTED_SCOPE && sameClause(back, previous);
      back--
    ) {
      ruledOut[back] = true;
    }
  };

  for (let start = 0; start < count; start++) {
    if (!negated[start] && !CUE_WORDS.has(tokens[start]!.norm)) continue;
    for (const cue of cuesAt(start, FORWARD)) {
      if (matchesAt(start, cue)) markForward(start + cue.length, start);
    }
    for (const cue of cuesAt(start, BACKWARD_NEGATIVE)) {
      if (matchesAt(start, cue)) markBackward(start, cue.length);
    }
    if (!clauseHasNegation[clauseOf[start]!]) {
      for (const cue of cuesAt(start, BACKWARD_POSITIVE)) {
        if (matchesAt(start, cue)) markBackward(start, cue.length);
      }
    }

    const norm = tokens[start]!.norm;
    const corrective =
      CORRECTIVE_CONTRAST.has(norm) || CORRECTIVE_AFTER_BUT.get(norm) === tokens[start - 1]?.norm;
    if (!corrective) continue;
    for (let back = start - 1; back >= 0 && back >= start - MAX_CONTRAST_LOOKBACK; back--) {
      if (!negated[back]) continue;
      for (let index = back + 1; index < start; index++) {
        if (!isContrast(tokens[index]!.norm, language)) ruledOut[index] = true;
      }
      break;
    }
  }
  return ruledOut;
}
