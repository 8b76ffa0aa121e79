import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

const LOCALES_DIR = fileURLToPath(new URL("./locales/", import.meta.url));
const RESOURCES_SOURCE = readFileSync(
  fileURLToPath(new URL("./resources.server.ts", import.meta.url)),
  "utf8",
);

/** Strings this long or longer that read the same as English are probably untranslated copies. */
const UNTRANSLATED_MIN_LENGTH = 26;

/**
 * Long strings that are rightly identical to English, as "locale:namespace:path".
 * Keep it short and give the reason: everything else this long must be translated.
 */
const SAME_AS_ENGLISH: Record<string, string> = {
  "de:guides:sellerCommunity.title":
    "TikTok's own name for the community, not translated on its German pages",
};

const namespaces = readdirSync(`${LOCALES_DIR}${DEFAULT_LOCALE}`)
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.slice(0, -".json".length))
  .sort();

const others = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

function fileOf(locale: string, namespace: string): string {
  return `${LOCALES_DIR}${locale}/${namespace}.json`;
}

function read(locale: string, namespace: string): unknown {
  return JSON.parse(readFileSync(fileOf(locale, namespace), "utf8")) as unknown;
}

/**
 * Every leaf as path → value, as i18next resolves keys ("a.b.c"); array items are "list[0]",
 * so a longer or shorter array, or an array turned into an object, shows up as different paths.
 * Empty arrays and objects are kept as leaves so they can't vanish from the comparison.
 */
function leaves(value: unknown, path = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(`${path}[]`, value);
    value.forEach((item, index) => leaves(item, `${path}[${index}]`, into));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(`${path}{}`, value);
    for (const [name, nested] of entries) leaves(nested, path ? `${path}.${name}` : name, into);
  } else {
    into.set(path, value);
  }
  return into;
}

/** Interpolations as i18next reads them: {{name}}, {{- name}} and {{name, format}}. */
function placeholders(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\{\{-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? "")),
  ].sort();
}

const typeOf = (value: unknown) => (value === null ? "null" : typeof value);

/** A language may need plural forms English doesn't (i18next's key_few, key_many…) next to English's key_other. */
function isExtraPluralForm(path: string, english: Map<string, unknown>): boolean {
  const match = /^(.*)_(zero|one|two|few|many)$/.exec(path);
  return match !== null && english.has(`${match[1]}_other`);
}

describe("locale files", () => {
  it("finds the English namespaces", () => {
    expect(namespaces).toEqual(expect.arrayContaining(["common", "emails", "guides", "support"]));
  });

  describe.each(namespaces)("%s.json", (namespace) => {
    const english = leaves(read(DEFAULT_LOCALE, namespace));

    it.each(others)("exists in %s with exactly the English keys and placeholders", (locale) => {
      expect(
        existsSync(fileOf(locale, namespace)),
        `app/i18n/locales/${locale}/${namespace}.json is missing`,
      ).toBe(true);
      const translated = leaves(read(locale, namespace));

      const problems = {
        extraKeys: [...translated.keys()].filter(
          (path) => !english.has(path) && !isExtraPluralForm(path, english),
        ),
        missingKeys: [...english.keys()].filter((path) => !translated.has(path)),
        wrongType: [] as string[],
        emptyStrings: [] as string[],
        wrongPlaceholders: [] as string[],
      };
      for (const [path, source] of english) {
        if (!translated.has(path)) continue;
        const target = translated.get(path);
        if (typeOf(target) !== typeOf(source))
          problems.wrongType.push(`${path}: ${typeOf(source)} in English, ${typeOf(target)} here`);
        if (typeof source !== "string" || typeof target !== "string") continue;
        if (source.trim() && !target.trim()) problems.emptyStrings.push(path);
        const expected = placeholders(source).join(", ");
        const actual = placeholders(target).join(", ");
        if (expected !== actual)
          problems.wrongPlaceholders.push(`${path}: English has [${expected}], here [${actual}]`);
      }
      expect(problems, `app/i18n/locales/${locale}/${namespace}.json differs from English`).toEqual({
        extraKeys: [],
        missingKeys: [],
        wrongType: [],
        emptyStrings: [],
        wrongPlaceholders: [],
      });
    });

    it.each(others.filter((locale) => existsSync(fileOf(locale, namespace))))(
      "is translated in %s, not copied from English",
      (locale) => {
        const translated = leaves(read(locale, namespace));
        const copied = [...english]
          .filter(
            ([path, source]) =>
              typeof source === "string" &&
              source.length >= UNTRANSLATED_MIN_LENGTH &&
              translated.get(path) === source,
          )
          .map(([path]) => `${locale}:${namespace}:${path}`)
          .filter((id) => !(id in SAME_AS_ENGLISH));
        expect(
          copied,
          `strings in ${locale}/${namespace}.json identical to English (translate them, or allow them in SAME_AS_ENGLISH)`,
        ).toEqual([]);
      },
    );
  });

  it("allows only strings that exist and still match English", () => {
    const stale = Object.keys(SAME_AS_ENGLISH).filter((id) => {
      const [locale = "", namespace = "", path = ""] = id.split(":");
      if (!existsSync(fileOf(locale, namespace))) return true;
      const source = leaves(read(DEFAULT_LOCALE, namespace)).get(path);
      return source === undefined || leaves(read(locale, namespace)).get(path) !== source;
    });
    expect(stale, "SAME_AS_ENGLISH entries to remove").toEqual([]);
  });

  it("has a folder for every language in LOCALES", () => {
    expect(
      LOCALES.filter((locale) => !existsSync(`${LOCALES_DIR}${locale}`)).map(
        (locale) => `app/i18n/locales/${locale}/`,
      ),
    ).toEqual([]);
  });

  it("registers every locale file on disk in resources.server.ts", () => {
    const onDisk = readdirSync(LOCALES_DIR)
      .filter((entry) => statSync(`${LOCALES_DIR}${entry}`).isDirectory())
      .flatMap((locale) =>
        readdirSync(`${LOCALES_DIR}${locale}`)
          .filter((file) => file.endsWith(".json"))
          .map((file) => `./locales/${locale}/${file}`),
      );
    expect(onDisk.length).toBeGreaterThan(0);
    const unregistered = onDisk.filter(
      (importPath) =>
        !RESOURCES_SOURCE.includes(`"${importPath}"`) && !RESOURCES_SOURCE.includes(`'${importPath}'`),
    );
    expect(unregistered, "locale files not imported in app/i18n/resources.server.ts").toEqual([]);
  });
});
