import { decodeCursor, encodeCursor } from "~/support/tickets/cursor";

/**
 * Where a queue page starts: (time, id) of a row for the date sorts, the ticket number for search
 * results, which are ordered by number (numbers are given out in creation order), and (createdAt, id)
 * for the due-time sort's tail of tickets with no response due, newest first.
 */
export type QueueCursor =
  | { kind: "time"; at: Date; id: string }
  | { kind: "number"; number: number }
  | { kind: "undue"; at: Date; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  if (cursor.kind === "number") return `n.${cursor.number}`;
  if (cursor.kind === "undue") return `u.${encodeCursor({ createdAt: cursor.at, id: cursor.id })}`;
  return encodeCursor({ createdAt: cursor.at, id: cursor.id });
}

export function decodeQueueCursor(value: string | undefined): QueueCursor | null {
  if (!value) return null;
  const number = /^n\.(\d{1,12})$/.exec(value);
  if (number) return { kind: "number", number: Number(number[1]) };
  if (value.startsWith("u.")) {
    const undue = decodeCursor(value.slice(2));
    return undue ? { kind: "undue", at: undue.createdAt, id: undue.id } : null;
  }
  const time = decodeCursor(value);
  return time ? { kind: "time", at: time.createdAt, id: time.id } : null;
}
