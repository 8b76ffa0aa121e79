import { describe, expect, it } from "vitest";
import {
  DEFAULT_SLA_SETTINGS,
  addBusinessMinutes,
  breachingSoonBefore,
  responseDueAt,
  targetMinutes,
  type SlaCalendar,
} from "./sla";

const rome: SlaCalendar = {
  timeZone: "Europe/Rome",
  workDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
};
const at = (iso: string) => new Date(iso);
const plus = (start: string, minutes: number, calendar: SlaCalendar = rome) =>
  addBusinessMinutes(at(start), minutes, calendar).toISOString();

describe("business minutes", () => {
  it("counts within one working day", () => {
    // Tuesday 10:00 in Rome (CET, UTC+1) plus 2 h is 12:00 Rome.
    expect(plus("2026-01-13T09:00:00Z", 120)).toBe("2026-01-13T11:00:00.000Z");
  });

  it("carries what is left of the day over to the next morning", () => {
    // Tuesday 17:00 Rome + 3 h: one hour on Tuesday, two from 09:00 on Wednesday.
    expect(plus("2026-01-13T16:00:00Z", 180)).toBe("2026-01-14T10:00:00.000Z");
  });

  it("starts counting at the next opening when the clock starts outside hours", () => {
    // Tuesday 20:00 Rome → Wednesday 09:00 + 1 h.
    expect(plus("2026-01-13T19:00:00Z", 60)).toBe("2026-01-14T09:00:00.000Z");
    // Tuesday 06:00 Rome → the same day's 09:00 + 30 min.
    expect(plus("2026-01-13T05:00:00Z", 30)).toBe("2026-01-13T08:30:00.000Z");
  });

  it("skips the weekend", () => {
    // Friday 17:00 Rome + 2 h: one hour on Friday, one from Monday 09:00.
    expect(plus("2026-01-16T16:00:00Z", 120)).toBe("2026-01-19T09:00:00.000Z");
    // Saturday noon counts from Monday's opening.
    expect(plus("2026-01-17T11:00:00Z", 60)).toBe("2026-01-19T09:00:00.000Z");
  });

  it("spans several days for a long target", () => {
    // 16 business hours from Monday 09:00 Rome: all of Monday (9 h) and 7 h on Tuesday, to 16:00.
    expect(plus("2026-01-12T08:00:00Z", 16 * 60)).toBe("2026-01-13T15:00:00.000Z");
  });

  it("follows the wall clock over a daylight-saving change", () => {
    // Rome moves to summer time (UTC+2) on Sunday 29 March 2026. Friday 27 March 17:00 CET + 2 h ends
    // Monday 30 March 10:00 CEST, which is 08:00 UTC, not 09:00.
    expect(plus("2026-03-27T16:00:00Z", 120)).toBe("2026-03-30T08:00:00.000Z");
    // And back to winter time on Sunday 25 October 2026: Friday 17:00 CEST + 2 h → Monday 10:00 CET.
    expect(plus("2026-10-23T15:00:00Z", 120)).toBe("2026-10-26T09:00:00.000Z");
  });

  it("works in another zone and on other working days", () => {
    const newYork: SlaCalendar = {
      timeZone: "America/New_York",
      workDays: [6, 7],
      startMinute: 8 * 60,
      endMinute: 12 * 60,
    };
    // Wednesday counts nothing; Saturday 08:00 EST is 13:00 UTC, + 5 h crosses to Sunday 09:00 EST.
    expect(plus("2026-01-14T15:00:00Z", 5 * 60, newYork)).toBe("2026-01-18T14:00:00.000Z");
  });

  it("keeps seconds of the start", () => {
    expect(plus("2026-01-13T09:00:30.500Z", 1)).toBe("2026-01-13T09:01:30.500Z");
  });

  it("refuses a calendar with no working time", () => {
    expect(() => addBusinessMinutes(at("2026-01-13T09:00:00Z"), 60, { ...rome, workDays: [] })).toThrow();
  });
});

describe("targets", () => {
  const settings = {
    ...DEFAULT_SLA_SETTINGS,
    targets: {
      ...DEFAULT_SLA_SETTINGS.targets,
      connection: { firstMinutes: 60, nextMinutes: 240 },
    },
  };

  it("uses the category's own first and next targets", () => {
    expect(targetMinutes(settings, "connection", "first")).toBe(60);
    expect(targetMinutes(settings, "connection", "next")).toBe(240);
    expect(targetMinutes(settings, "order_sync", "first")).toBe(8 * 60);
  });

  it("gives a misrouted TikTok ticket the shortest SPL target", () => {
    expect(targetMinutes(settings, "payout", "first")).toBe(60);
    expect(targetMinutes(settings, "payout", "next")).toBe(240);
  });

  it("dates a new ticket's first response from when it was opened", () => {
    // Monday 12 January 2026, 10:00 Rome, connection: 1 business hour.
    expect(responseDueAt(settings, "connection", "first", at("2026-01-12T09:00:00Z")).toISOString()).toBe(
      "2026-01-12T10:00:00.000Z",
    );
  });

  it("counts as breaching soon what is due within two business hours", () => {
    // Friday 17:30 Rome: half an hour left today, then 90 minutes on Monday.
    expect(breachingSoonBefore(at("2026-01-16T16:30:00Z"), rome).toISOString()).toBe(
      "2026-01-19T09:30:00.000Z",
    );
  });
});
