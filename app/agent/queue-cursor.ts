import { decodeCursor, encodeCursor } from "~/support/tickets/cursor";

/**
 * Where a queue page starts: (time, id) of a row for the date sorts, the ticket number for search
 * results, which are ordered by number (numbers are given out in creation order).
 */
export type QueueCursor = { kind: "time"; at: Date; id: string } | { kind: "number"; number: number };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return cursor.kind === "number"
    ? `n.${cursor.number}`
    : encodeCursor({ createdAt: cursor.at, id: cursor.id });
}

export function decodeQueueCursor(value: string | undefined): QueueCursor | null {
  if (!value) return null;
  const number = /^n\.(\d{1,12})$/.exec(value);
  if (number) return { kind: "number", number: Number(number[1]) };
  const time = decodeCursor(value);
  return time ? { kind: "time", at: time.createdAt, id: time.id } : null;
}
