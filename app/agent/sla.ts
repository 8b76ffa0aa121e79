import { SPL_CATEGORIES, type CategoryId } from "~/support/taxonomy";
import type { TicketStatus } from "~/support/tickets/status";

/**
 * Response-time targets (SLA) in business minutes: minutes inside SPL's working hours, on its working
 * days, in its time zone. Plain arithmetic on instants, with the zone's offsets read from Intl, so a
 * daylight-saving change moves the working window with the wall clock.
 */

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type SplCategory = (typeof SPL_CATEGORIES)[number];
export type ResponseKind = "first" | "next";

export interface ResponseTarget {
  firstMinutes: number;
  nextMinutes: number;
}

export interface SlaCalendar {
  timeZone: string;
  workDays: Weekday[];
  /** Minutes after local midnight the working day starts and ends. */
  startMinute: number;
  endMinute: number;
}

export interface SlaSettings extends SlaCalendar {
  targets: Record<SplCategory, ResponseTarget>;
}

/**
 * Defaults until an admin saves settings: SPL is an Italian team (its help article is in Italian),
 * so Monday to Friday 09:00–18:00 Rome time; a first answer within one working day (8 business hours)
 * and a follow-up within two (16), the usual promise of a small support team.
 */
export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  timeZone: "Europe/Rome",
  workDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
  targets: Object.fromEntries(
    SPL_CATEGORIES.map((category) => [category, { firstMinutes: 8 * 60, nextMinutes: 16 * 60 }]),
  ) as Record<SplCategory, ResponseTarget>,
};

/** "Breaching soon": due within this many business minutes, or already overdue. */
export const BREACHING_SOON_MINUTES = 2 * 60;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalTime {
  /** The local calendar day as a UTC midnight timestamp (only its Y-M-D matters). */
  day: number;
  /** Minutes since local midnight, with seconds and milliseconds as a fraction. */
  minute: number;
}

function localTime(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant)))
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  const seconds = Math.floor(instant / 1000) * 1000;
  return {
    day: Date.UTC(parts.year!, parts.month! - 1, parts.day!),
    minute: parts.hour! * 60 + parts.minute! + (parts.second! + (instant - seconds) / 1000) / 60,
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string) {
  const local = localTime(instant, timeZone);
  return local.day + local.minute * MINUTE_MS - instant;
}

/** The instant a local day's wall clock shows `minute`; checked again at the result for a DST change. */
function instantOf(day: number, minute: number, timeZone: string) {
  const wall = day + minute * MINUTE_MS;
  const guess = wall - offsetAt(wall, timeZone);
  const offset = offsetAt(guess, timeZone);
  return wall - offset;
}

function weekdayOf(day: number): Weekday {
  const sunday0 = new Date(day).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}

/** The instant `minutes` business minutes after `start` (a start outside hours counts from the next opening). */
export function addBusinessMinutes(start: Date, minutes: number, calendar: SlaCalendar): Date {
  const { timeZone, workDays, startMinute, endMinute } = calendar;
  if (workDays.length === 0 || endMinute <= startMinute) throw new RangeError("No working hours");
  let remaining = Math.max(0, minutes);
  let { day, minute } = localTime(start.getTime(), timeZone);
  // A year of days is far past any target an admin can set; the bound only guards against a bad calendar.
  for (let days = 0; days < 400; days++) {
    if (workDays.includes(weekdayOf(day)) && minute < endMinute) {
      const from = Math.max(minute, startMinute);
      const available = endMinute - from;
      if (remaining <= available) return new Date(instantOf(day, from + remaining, timeZone));
      remaining -= available;
    }
    day += DAY_MINUTES * MINUTE_MS;
    minute = 0;
  }
  throw new RangeError("Target beyond a year of working days");
}

/**
 * The target for a ticket's category. A ticket in a TikTok category (misrouted, waiting for its guide)
 * gets the shortest SPL target: sending the guide is quick and the merchant is waiting on SPL.
 */
export function targetMinutes(settings: SlaSettings, category: string, kind: ResponseKind): number {
  const key = kind === "first" ? "firstMinutes" : "nextMinutes";
  const own = (settings.targets as Partial<Record<string, ResponseTarget>>)[category];
  if (own) return own[key];
  return Math.min(...Object.values(settings.targets).map((target) => target[key]));
}

/** When SPL's response is due for a ticket of `category` whose clock started at `from`. */
export function responseDueAt(
  settings: SlaSettings,
  category: CategoryId | string,
  kind: ResponseKind,
  from: Date,
): Date {
  return addBusinessMinutes(from, targetMinutes(settings, category, kind), settings);
}

/** The moment before which a due time counts as "breaching soon". */
export function breachingSoonBefore(now: Date, calendar: SlaCalendar): Date {
  return addBusinessMinutes(now, BREACHING_SOON_MINUTES, calendar);
}

/** "09:00" from minutes after midnight, as the settings form shows working hours. */
export function clockOf(minute: number) {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Whether SPL can owe a response in this status: not while the merchant is awaited or the ticket is done. */
export function responseCanBeDue(status: TicketStatus): boolean {
  return status === "new" || status === "open";
}
