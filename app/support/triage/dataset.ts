import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LOCALES, type Locale } from "../../i18n/locales";
import { isCategoryId, type CategoryId } from "../taxonomy";

/**
 * One labelled merchant message, as LABELLING.md describes; the data files hold one per line as JSON.
 * `category: null` is a vague text (nothing in it says who could fix it); `also` is a second problem.
 */
export interface Example {
  text: string;
  locale: Locale;
  category: CategoryId | null;
  also?: CategoryId;
}

/** Model files name their training data relative to this, so a checkout anywhere can check them. */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const TRAIN_PATH = fileURLToPath(new URL("./data/train.jsonl", import.meta.url));
/** Held out: only the benchmark and tests read it, never training. */
export const DEV_PATH = fileURLToPath(new URL("./data/dev.jsonl", import.meta.url));
/**
 * Written independently of the training data (LABELLING.md): never trained on. Only the benchmark reads it,
 * for aggregate figures, and `npm run train` fits the one confidence temperature on it.
 */
export const FIELD_PATH = fileURLToPath(new URL("./data/field.jsonl", import.meta.url));
/**
 * A second field set, written later by two new helpers from the same brief (field-brief.md) and
 * LABELLING.md: nothing at all is fitted on it, so it measures the whole model afresh.
 */
export const SECOND_FIELD_PATH = fileURLToPath(new URL("./data/field-2.jsonl", import.meta.url));
/**
 * A third, written by two more new helpers from the same brief and guide; the second round of training
 * data and the confidence thresholds were chosen with its aggregate figures in view.
 */
export const THIRD_FIELD_PATH = fileURLToPath(new URL("./data/field-3.jsonl", import.meta.url));
/**
 * A fourth, by two more new helpers from the same brief and guide, written while the model was being
 * retrained and first scored once the model and its thresholds were final. Fifteen texts that happened to
 * match training texts word for word (one-liners such as "help") were taken out before that. The
 * low-confidence rule was later revised with its aggregate figures in view, with the first three.
 */
export const FOURTH_FIELD_PATH = fileURLToPath(new URL("./data/field-4.jsonl", import.meta.url));
/**
 * A fifth, by two more new helpers from the same brief and guide, first scored once after that revision;
 * the third round of training data and the thresholds were then chosen with the first five's aggregate
 * figures in view. 27 texts that matched a training, dev or earlier field text word for word were taken
 * out unread.
 */
export const FIFTH_FIELD_PATH = fileURLToPath(new URL("./data/field-5.jsonl", import.meta.url));
/**
 * A sixth, by two more new helpers from the same brief and guide, written while the third round of
 * training data was, and scored only once that model and its thresholds were final. 35 texts that matched
 * a training, dev or earlier field text word for word were taken out unread.
 */
export const SIXTH_FIELD_PATH = fileURLToPath(new URL("./data/field-6.jsonl", import.meta.url));

export function parseExamples(jsonl: string, source: string): Example[] {
  const examples: Example[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `${source}:${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    const { text, locale, category, also } = (parsed ?? {}) as Record<string, unknown>;
    if (typeof text !== "string" || text.trim() === "") throw new Error(`${where}: missing text`);
    if (!(LOCALES as readonly unknown[]).includes(locale))
      throw new Error(`${where}: unknown locale ${String(locale)}`);
    if (category !== null && !isCategoryId(category))
      throw new Error(`${where}: unknown category ${String(category)}`);
    if (
      also !== undefined &&
      also !== null &&
      (!isCategoryId(also) || also === category || category === null)
    )
      throw new Error(`${where}: "also" must be a second, different category of a text that has one`);
    examples.push({
      text,
      locale: locale as Locale,
      category,
      ...(isCategoryId(also) ? { also } : {}),
    });
  });
  return examples;
}

export function readExamples(path: string): Example[] {
  return parseExamples(readFileSync(path, "utf8"), path);
}
