import { z } from "zod";
import type { Db, Prisma } from "~/db.server";
import { SPL_CATEGORIES } from "~/support/taxonomy";
import { knownTimeZone } from "./time-zone";
import { DEFAULT_SLA_SETTINGS, WEEKDAYS, type SlaSettings, type SplCategory, type Weekday } from "./sla";

const ROW_ID = "default";
/** A week of business hours: no target an admin means to set is longer. */
const MAX_TARGET_MINUTES = 7 * 24 * 60;

const weekday = z.coerce
  .number()
  .int()
  .refine((day): day is Weekday => (WEEKDAYS as readonly number[]).includes(day));

const target = z.object({
  firstMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES),
  nextMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES),
});

/** The stored row's JSON, read through a schema: a category missing from it keeps its default. */
const storedTargets = z.record(z.string(), target.catch({ firstMinutes: 0, nextMinutes: 0 }));
const storedDays = z.array(weekday).min(1);

type SlaReader = { slaSettings: Pick<Db["slaSettings"], "findUnique"> } | Prisma.TransactionClient;

/** SPL's targets as stored, or the defaults when no admin has saved any (or the row is unreadable). */
export async function readSlaSettings(db: SlaReader): Promise<SlaSettings> {
  const row = await db.slaSettings.findUnique({ where: { id: ROW_ID } });
  if (!row) return DEFAULT_SLA_SETTINGS;
  const days = storedDays.safeParse(row.workDays);
  const targets = storedTargets.safeParse(row.targets);
  const timeZone = knownTimeZone(row.timeZone);
  if (!days.success || !targets.success || !timeZone || row.endMinute <= row.startMinute)
    return DEFAULT_SLA_SETTINGS;
  return {
    timeZone,
    workDays: days.data,
    startMinute: row.startMinute,
    endMinute: row.endMinute,
    targets: Object.fromEntries(
      SPL_CATEGORIES.map((category) => {
        const stored = targets.data[category];
        return [
          category,
          stored && stored.firstMinutes > 0 ? stored : DEFAULT_SLA_SETTINGS.targets[category],
        ];
      }),
    ) as SlaSettings["targets"],
  };
}

const clock = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minuteOfDay = (value: string) => {
  const [, hours, minutes] = clock.exec(value)!;
  return Number(hours) * 60 + Number(minutes);
};

/** Hours as an admin types them ("8", "1.5", "0,5"), to whole business minutes. */
const hours = z
  .string()
  .trim()
  .transform((value) => value.replace(",", "."))
  .pipe(
    z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, "sla.errors.hours")
      .transform((value) => Math.round(Number(value) * 60))
      .pipe(z.number().min(1, "sla.errors.hours").max(MAX_TARGET_MINUTES, "sla.errors.hoursMax")),
  );

const targetFields = Object.fromEntries(
  SPL_CATEGORIES.flatMap((category) => [
    [`first.${category}`, hours],
    [`next.${category}`, hours],
  ]),
) as Record<`${"first" | "next"}.${SplCategory}`, typeof hours>;

/**
 * The settings page's form. Errors are translation keys under agent:sla.errors, keyed by field, so
 * the page shows each beside what the admin typed.
 */
const slaFormSchema = z
  .object({
    timeZone: z
      .string()
      .trim()
      .refine((zone) => knownTimeZone(zone) !== null, "sla.errors.timeZone"),
    workDays: z.array(weekday, { message: "sla.errors.workDays" }).min(1, "sla.errors.workDays"),
    start: z.string().trim().regex(clock, "sla.errors.time"),
    end: z.string().trim().regex(clock, "sla.errors.time"),
    ...targetFields,
  })
  .refine(
    (form) =>
      !clock.test(form.start) || !clock.test(form.end) || minuteOfDay(form.end) > minuteOfDay(form.start),
    {
      message: "sla.errors.endBeforeStart",
      path: ["end"],
    },
  )
  .transform((form): SlaSettings => ({
    timeZone: form.timeZone,
    workDays: [...new Set(form.workDays)].sort((a, b) => a - b),
    startMinute: minuteOfDay(form.start),
    endMinute: minuteOfDay(form.end),
    targets: Object.fromEntries(
      SPL_CATEGORIES.map((category) => [
        category,
        { firstMinutes: form[`first.${category}`], nextMinutes: form[`next.${category}`] },
      ]),
    ) as SlaSettings["targets"],
  }));

/** A field-by-field check of the form; the hours must end after they start, said beside "end". */
export function parseSlaForm(
  form: FormData | URLSearchParams,
): { ok: true; settings: SlaSettings } | { ok: false; errors: Record<string, string> } {
  const input = { ...Object.fromEntries(form), workDays: form.getAll("workDays") };
  const parsed = slaFormSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith("sla.errors.") ? issue.message : "sla.errors.invalid";
  }
  // Zod checks across fields only once every field is valid: the admin hears of all mistakes at once.
  const { start, end } = input as { start?: unknown; end?: unknown };
  if (!errors.end && typeof start === "string" && typeof end === "string" && clock.test(start.trim()))
    if (clock.test(end.trim()) && minuteOfDay(end.trim()) <= minuteOfDay(start.trim()))
      errors.end = "sla.errors.endBeforeStart";
  return { ok: false, errors };
}

/**
 * Saves SPL's targets. Tickets already waiting keep the due time they were given; new tickets and
 * replies use the new targets (a rule change does not move promises already made to merchants).
 */
export async function saveSlaSettings(db: Db, settings: SlaSettings) {
  const data = {
    timeZone: settings.timeZone,
    workDays: settings.workDays,
    startMinute: settings.startMinute,
    endMinute: settings.endMinute,
    targets: settings.targets as unknown as Prisma.InputJsonObject,
  };
  await db.slaSettings.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...data }, update: data });
}
