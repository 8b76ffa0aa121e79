/**
 * Reading what the browser kept (a draft in sessionStorage, history state, a reply the page saved),
 * which can be anything an older version of the page left there. Plain checks instead of zod in the
 * merchant's pages: zod cost 12.3 KB gzipped of the Support page's JavaScript, which a phone on
 * Slow 4G downloads before the page is usable (bench:support). Servers keep their zod schemas.
 */

/** A check of one field: true when `value` is of the field's type. */
export type Check<T> = (value: unknown) => value is T;

export const isString: Check<string> = (value) => typeof value === "string";
export const isNumber: Check<number> = (value): value is number =>
  typeof value === "number" && Number.isFinite(value);
export const isBoolean: Check<boolean> = (value) => typeof value === "boolean";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value): value is T =>
    (values as readonly unknown[]).includes(value);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value): value is T | null =>
    value === null || check(value);

export const arrayOf =
  <T>(check: Check<T>): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every(check);

/** An object with every field of T, each passing its check; the compiler makes `fields` name every field of T. */
export const objectOf =
  <T extends object>(fields: { [K in keyof T]-?: Check<T[K]> }): Check<T> =>
  (value): value is T =>
    isRecord(value) &&
    Object.entries(fields).every(([name, check]) => (check as Check<unknown>)(value[name]));

/**
 * The fields of `value` that pass their check, and no others; a field missing or of the wrong type
 * is left out (a draft is better kept in part than lost). Nothing when `value` is not an object.
 */
export function fieldsOf<T extends object>(
  value: unknown,
  fields: { [K in keyof T]-?: Check<NonNullable<T[K]>> },
): Partial<T> | null {
  if (!isRecord(value)) return null;
  const kept: Partial<Record<keyof T, unknown>> = {};
  for (const [name, check] of Object.entries(fields) as [keyof T & string, Check<unknown>][])
    if (check(value[name])) kept[name] = value[name];
  return kept as Partial<T>;
}

/** The text fields `names` of `value`, "" for one missing or not text; nothing when `value` is not an object. */
export function textFields<K extends string>(value: unknown, names: readonly K[]): Record<K, string> | null {
  if (!isRecord(value)) return null;
  return Object.fromEntries(names.map((name) => [name, isString(value[name]) ? value[name] : ""])) as Record<
    K,
    string
  >;
}
