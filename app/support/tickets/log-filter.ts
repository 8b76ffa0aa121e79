import { z } from "zod";
import { decodeCursor } from "./cursor";
import { parseTicketNumber } from "./number";
import { MERCHANT_STATUSES } from "./status";

/** A calendar day as the date field sends it; "2024-13-45" is not one. */
function isDay(value: string) {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    time >= 0 &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value)
  );
}

/** A field left empty is no filter. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const day = optional(z.string().refine(isDay, "errors.date"));

/** The Ticket Log's filters, read from the page's query string. */
export const logFilterSchema = z.object({
  number: z.string().trim().max(20).optional().catch(undefined),
  status: z.enum(MERCHANT_STATUSES).optional().catch(undefined),
  from: day,
  to: day,
  cursor: optional(
    z
      .string()
      .max(200)
      .refine((cursor) => decodeCursor(cursor) !== null, "errors.cursor"),
  ),
});

export type LogFilterInput = z.infer<typeof logFilterSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Turns the form's values into the store's filter; "to" includes the whole day. */
export function toTicketLogFilter(input: LogFilterInput) {
  const number = input.number ? parseTicketNumber(input.number) : undefined;
  return {
    invalidNumber: Boolean(input.number) && number === null,
    // Days as YYYY-MM-DD compare as text; a range that ends before it starts would silently match nothing.
    reversedRange: Boolean(input.from && input.to && input.from > input.to),
    filter: {
      status: input.status,
      number: number ?? undefined,
      createdFrom: input.from ? new Date(`${input.from}T00:00:00Z`) : undefined,
      createdBefore: input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
      cursor: input.cursor ?? null,
    },
  };
}
