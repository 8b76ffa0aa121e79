import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LOCALES, type Locale } from "../../i18n/locales";
import { isCategoryId, type CategoryId } from "../taxonomy";

/** One labelled merchant message; the data files hold one per line as JSON. */
export interface Example {
  text: string;
  locale: Locale;
  category: CategoryId;
}

export const TRAIN_PATH = fileURLToPath(new URL("./data/train.jsonl", import.meta.url));
/** Held out: only the benchmark and tests read it, never training. */
export const DEV_PATH = fileURLToPath(new URL("./data/dev.jsonl", import.meta.url));

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
    const { text, locale, category } = (parsed ?? {}) as Record<string, unknown>;
    if (typeof text !== "string" || text.trim() === "") throw new Error(`${where}: missing text`);
    if (!(LOCALES as readonly unknown[]).includes(locale))
      throw new Error(`${where}: unknown locale ${String(locale)}`);
    if (!isCategoryId(category)) throw new Error(`${where}: unknown category ${String(category)}`);
    examples.push({ text, locale: locale as Locale, category });
  });
  return examples;
}

export function readExamples(path: string): Example[] {
  return parseExamples(readFileSync(path, "utf8"), path);
}
