import i18next from "i18next";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createI18n, type LocaleResources, type TOptions } from "./i18n";
import { LOCALES, type Locale } from "./locales";

const LOCALES_DIR = fileURLToPath(new URL("./locales/", import.meta.url));

function resourcesOf(locale: Locale): LocaleResources {
  return Object.fromEntries(
    readdirSync(`${LOCALES_DIR}${locale}`)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [
        file.slice(0, -".json".length),
        JSON.parse(readFileSync(`${LOCALES_DIR}${locale}/${file}`, "utf8")) as Record<string, unknown>,
      ]),
  );
}

/** i18next set up as the app set it up before this translator replaced it. */
function reference(locale: Locale, resources: LocaleResources) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    resources: { [locale]: resources },
    defaultNS: "common",
    ns: Object.keys(resources),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Every text's key as a page asks for it: plural forms by their base key, list items by their list. */
function keysOf(value: unknown, path = ""): string[] {
  if (typeof value === "string" || Array.isArray(value)) return [path];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, nested]) =>
    keysOf(nested, path ? `${path}.${name.replace(/_(zero|one|two|few|many|other)$/, "")}` : name),
  );
}

const valuesOf = (text: string) =>
  Object.fromEntries([...text.matchAll(/\{\{-?\s*([\w.]+)/g)].map(([, name]) => [name!, `<${name}>`]));

describe.each(LOCALES)("translations in %s", (locale) => {
  const resources = resourcesOf(locale);
  const expected = reference(locale, resources);
  const actual = createI18n(locale, resources);

  it("match i18next's for every key, count and value", () => {
    let compared = 0;
    for (const ns of Object.keys(resources)) {
      for (const key of new Set(keysOf(resources[ns]))) {
        const raw = JSON.stringify(expected.t(key, { ns, returnObjects: true }));
        const optionSets: TOptions[] = [{}, { ...valuesOf(raw) }];
        if (/"[^"]*\{\{-?\s*count/.test(raw) || raw.includes("_one"))
          for (const count of [0, 1, 2, 5, 21, 1000000]) optionSets.push({ ...valuesOf(raw), count });
        for (const options of optionSets) {
          expect(actual.t(`${ns}:${key}`, { ...options, returnObjects: true })).toEqual(
            expected.t(`${ns}:${key}`, { ...options, returnObjects: true }),
          );
          expect(actual.getFixedT(ns)(key, options)).toEqual(expected.getFixedT(null, ns)(key, options));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("match i18next's for missing keys, default values and sentences with colons", () => {
    const cases: [string, TOptions?][] = [
      ["no.such.key"],
      ["support:no.such.key"],
      ["no.such.key", { defaultValue: "Fallback {{name}}", name: "Ada" }],
      ["Order failed: try again, please"],
      ["agent:queue", {}],
      ["agent:queue.countCapped", { count: 12345 }],
      ["agent:queue.countCapped", {}],
      ["agent:queue.countCapped", { count: undefined }],
      ["Hello {{name}} and {{other}}", { name: "$& $1", other: null }],
    ];
    for (const [key, options] of cases) expect(actual.t(key, options)).toEqual(expected.t(key, options));
  });
});

describe("createI18n", () => {
  it("reports the keys it did not find", () => {
    const missing: string[] = [];
    const i18n = createI18n("en", { common: { a: "A" } }, { onMissingKey: (key) => missing.push(key) });
    expect(i18n.t("a")).toBe("A");
    expect(i18n.t("b.c", { defaultValue: "B" })).toBe("B");
    expect(missing).toEqual(["b.c"]);
  });

  it("picks Italian's plural forms and number format", () => {
    const i18n = createI18n("it", {
      common: {
        tickets_one: "{{count}} ticket",
        tickets_many: "{{count, number}} di ticket",
        tickets_other: "{{count}} ticket",
      },
    });
    expect(i18n.t("tickets", { count: 1 })).toBe("1 ticket");
    expect(i18n.t("tickets", { count: 1000000 })).toBe("1.000.000 di ticket");
    expect(i18n.t("tickets", { count: 3 })).toBe("3 ticket");
  });
});
