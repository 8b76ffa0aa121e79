/** Keyset cursor over (createdAt, id) descending: pages cost the same at any depth, no counts. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

/** Row ids are cuids; a cursor's time is a row's, so within what both databases store. */
const ID = /^[\w-]{1,64}$/;
const LATEST = Date.UTC(9999, 11, 31);

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  const time = createdAt.getTime();
  if (!id || !ID.test(id) || !(time >= 0 && time <= LATEST)) return null;
  return { createdAt, id };
}

/** Prisma `where` for rows after the cursor in (createdAt desc, id desc) order. */
export function afterCursor(cursor: Cursor | null) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Fetch one row more than the page to learn whether there is a next page. */
export function page<T extends Cursor>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
