import type { Db } from "~/db.server";
import { resolveLocale } from "~/i18n/locales";
import { isCategoryId } from "../taxonomy";
import { namesOf, scrubText } from "./scrub";

/** One exported example, in the training data's format (`npm run train -- --include <file>`). */
export interface ExportedLabel {
  text: string;
  locale: string;
  category: string;
  /** The text's other problem (LABELLING.md's "also"): the one the merchant took to TikTok's guide. */
  also?: string;
  decidedBy: "merchant" | "agent";
  modelVersion: string | null;
}

const PAGE = 500;

/** The names one shop's records hold: its tickets' shop names, contacts and usernames, its staff's sessions. */
async function shopNames(db: Db, shop: string): Promise<string[]> {
  const tickets = await db.ticket.findMany({
    where: { shop },
    distinct: ["shopName", "contactEmail", "tiktokUsername"],
    select: { shopName: true, contactEmail: true, tiktokUsername: true },
  });
  const sessions = await db.session.findMany({
    where: { shop },
    select: { firstName: true, lastName: true, email: true },
  });
  return namesOf({
    shop,
    shopNames: tickets.map((ticket) => ticket.shopName),
    emails: [...tickets.map((ticket) => ticket.contactEmail), ...sessions.map((session) => session.email)],
    usernames: tickets.map((ticket) => ticket.tiktokUsername),
    people: sessions.flatMap((session) => [session.firstName, session.lastName]),
  });
}

/** The second problem of each of these tickets that has one (a two-problem text). */
async function secondProblems(db: Db, ticketIds: string[]): Promise<Map<string, string>> {
  if (!ticketIds.length) return new Map();
  const tickets = await db.ticket.findMany({
    where: { id: { in: ticketIds }, secondCategory: { not: null } },
    select: { id: true, secondCategory: true },
  });
  return new Map(
    tickets.flatMap((ticket) =>
      isCategoryId(ticket.secondCategory) ? [[ticket.id, ticket.secondCategory]] : [],
    ),
  );
}

/**
 * Every labelled example decided since `since` (all when absent), oldest first, with personal data
 * scrubbed. Read a page at a time, with each shop's names read once.
 */
export async function* exportTriageLabels(
  db: Db,
  options: { since?: Date } = {},
): AsyncGenerator<ExportedLabel> {
  const names = new Map<string, string[]>();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof db.triageLabel.findMany>> = await db.triageLabel.findMany({
      where: {
        ...(options.since ? { createdAt: { gte: options.since } } : {}),
        ...(after
          ? {
              OR: [
                { createdAt: { gt: after.createdAt } },
                { createdAt: after.createdAt, id: { gt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
    });
    const seconds = await secondProblems(
      db,
      rows.flatMap((row) => (row.ticketId ? [row.ticketId] : [])),
    );
    for (const row of rows) {
      if (!isCategoryId(row.finalCategory)) continue;
      const also = row.ticketId ? seconds.get(row.ticketId) : undefined;
      if (!names.has(row.shop)) names.set(row.shop, await shopNames(db, row.shop));
      yield {
        text: scrubText(row.text, names.get(row.shop)),
        locale: resolveLocale(row.locale),
        category: row.finalCategory,
        ...(also && also !== row.finalCategory ? { also } : {}),
        decidedBy: row.decidedBy,
        modelVersion: row.modelVersion,
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
