import type { Locale } from "./locales";

export type LocaleResources = Record<string, Record<string, unknown>>;

export interface TOptions {
  /** The namespace to look in, instead of the translator's default. */
  ns?: string;
  /** Picks the plural form (`key_one`, `key_other`…) and is itself a value to interpolate. */
  count?: number;
  /** Said when the key is missing. */
  defaultValue?: string;
  /** Answers a nested object or list, its texts interpolated, instead of the key's text. */
  returnObjects?: boolean;
  [value: string]: unknown;
}

export interface TFunction {
  (key: string, options: TOptions & { returnObjects: true }): unknown;
  (key: string, options?: TOptions): string;
}

export interface I18n {
  readonly language: Locale;
  /** Looks in `common` unless the key says `namespace:key` or the options name one. */
  readonly t: TFunction;
  /** `t` whose default namespace is `ns`. */
  getFixedT(ns: string): TFunction;
}

/** A key holding one of these before its first "." reads as a sentence, not `namespace:key` (i18next's rule). */
const SENTENCE = /[ ,?!;]/;
/** i18next's `{{name}}`, `{{- name}}` and `{{name, format}}`. */
const PLACEHOLDER = /\{\{-?(.+?)\}\}/g;

function valueAt(node: unknown, path: readonly string[]): unknown {
  for (const part of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Translates with the subset of i18next (v25) this app uses, read from the same JSON files and with
 * the same results: nested keys, `namespace:key`, `{{name}}` and `{{count, number}}` interpolation
 * (a value that is not given stays as written), plural forms by `Intl.PluralRules` with `key_zero`
 * tried first for 0, `defaultValue`, `returnObjects`, and the key itself when nothing is found.
 * Hand-built because i18next and react-i18next weighed on every page: with this file and
 * use-translation.tsx in their place (1.3 KB), `npm run bench:agent -- --page` measured the agent
 * queue's JavaScript at 178 KB gzipped instead of 193 KB, and `npm run bench:support -- --page` the
 * Support page's at 133 KB instead of 148 KB. The lighter libraries read other formats (Lingui's and
 * FormatJS's ICU messages, i18n-js's `%{name}` and nested plural objects), which would mean rewriting
 * every locale file. No nesting (`$t(…)`), context or ordinal plurals: no text uses them. i18n.test.ts
 * checks every key of every locale against i18next.
 */
export function createI18n(
  locale: Locale,
  resources: LocaleResources,
  { onMissingKey }: { onMissingKey?: (key: string) => void } = {},
): I18n {
  const plural = new Intl.PluralRules(locale);
  let numbers: Intl.NumberFormat | undefined;

  const interpolate = (text: string, options: TOptions) =>
    text.replace(PLACEHOLDER, (written, inside: string) => {
      const comma = inside.indexOf(",");
      const name = (comma < 0 ? inside : inside.slice(0, comma)).trim();
      const format = comma < 0 ? undefined : inside.slice(comma + 1).trim();
      let value = valueAt(options, name.split("."));
      // As i18next: formatting comes first, so a number not given reads "NaN".
      if (format === "number") value = (numbers ??= new Intl.NumberFormat(locale)).format(value as number);
      if (value === undefined) return Object.hasOwn(options, name) ? "" : written;
      return value === null ? "" : String(value);
    });

  const interpolateAll = (value: unknown, options: TOptions): unknown =>
    typeof value === "string"
      ? interpolate(value, options)
      : Array.isArray(value)
        ? value.map((item) => interpolateAll(item, options))
        : value !== null && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value).map(([name, item]) => [name, interpolateAll(item, options)]),
            )
          : value;

  const translate = (defaultNs: string, fullKey: string, options: TOptions = {}): unknown => {
    let ns = options.ns ?? defaultNs;
    let key = fullKey;
    const dot = fullKey.indexOf(".");
    if (
      fullKey.includes(":") &&
      (!SENTENCE.test(fullKey) || (dot > 0 && !SENTENCE.test(fullKey.slice(0, dot))))
    ) {
      const [prefix, ...rest] = fullKey.split(":");
      ns = prefix!;
      key = rest.join(".");
    }
    const path = key.split(".");
    const last = path.pop()!;
    const candidates = [last];
    const { count } = options;
    if (count !== undefined && typeof count !== "string") {
      candidates.unshift(`${last}_${plural.select(Number(count))}`);
      if (count === 0) candidates.unshift(`${last}_zero`);
    }
    const parent = valueAt(resources[ns], path);
    const found = candidates
      .map((name) => valueAt(parent, [name]))
      .find((value) => value !== undefined && value !== null);
    if (found !== null && typeof found === "object")
      return options.returnObjects
        ? interpolateAll(found, options)
        : `key '${key} (${locale})' returned an object instead of string.`;
    if (typeof found === "string") return interpolate(found, options);
    onMissingKey?.(key);
    return interpolate(options.defaultValue ?? key, options);
  };

  const getFixedT = (ns: string) =>
    ((key: string, options?: TOptions) => translate(ns, key, options)) as TFunction;
  return { language: locale, t: getFixedT("common"), getFixedT };
}
