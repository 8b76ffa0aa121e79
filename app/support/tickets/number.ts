/** Tickets are numbered SPL-1001, SPL-1002, … across all shops, so agents can quote one number. */
export const TICKET_NUMBER_PREFIX = "SPL-";

export function formatTicketNumber(number: number): string {
  return `${TICKET_NUMBER_PREFIX}${number}`;
}

/** Accepts "SPL-1042", "spl 1042", "#1042" or "1042". */
export function parseTicketNumber(input: string): number | null {
  const match = /^\s*(?:spl[-\s]?|#)?(\d{1,9})\s*$/i.exec(input);
  return match ? Number(match[1]) : null;
}
