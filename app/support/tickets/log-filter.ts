import { z } from "zod";
import { parseTicketNumber } from "./number";
import { MERCHANT_STATUSES } from "./status";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The Ticket Log's filters, read from the page's query string. */
export const logFilterSchema = z.object({
  number: z.string().trim().max(20).optional().catch(undefined),
  status: z.enum(MERCHANT_STATUSES).optional().catch(undefined),
  from: day,
  to: day,
  cursor: z.string().max(200).optional().catch(undefined),
});

export type LogFilterInput = z.infer<typeof logFilterSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Turns the form's values into the store's filter; "to" includes the whole day. */
export function toTicketLogFilter(input: LogFilterInput) {
  const number = input.number ? parseTicketNumber(input.number) : undefined;
  return {
    invalidNumber: Boolean(input.number) && number === null,
    filter: {
      status: input.status,
      number: number ?? undefined,
      createdFrom: input.from ? new Date(`${input.from}T00:00:00Z`) : undefined,
      createdBefore: input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
      cursor: input.cursor ?? null,
    },
  };
}
