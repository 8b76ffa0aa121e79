/**
 * Ticket statuses: the agents' workflow and the words merchants see. The merchant's words say whose
 * turn it is: sent and not yet opened by SPL, SPL working on it, SPL waiting on the merchant, done.
 * The one list of statuses in the code.
 */
export const TICKET_STATUSES = ["new", "open", "pending_merchant", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const MERCHANT_STATUSES = ["sent", "in_progress", "awaiting_reply", "closed"] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

const MERCHANT_VIEW: Record<TicketStatus, MerchantStatus> = {
  new: "sent",
  open: "in_progress",
  pending_merchant: "awaiting_reply",
  resolved: "closed",
  closed: "closed",
};

/** Where an agent may move a ticket from each status. */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["open", "pending_merchant", "resolved", "closed"],
  open: ["pending_merchant", "resolved", "closed"],
  pending_merchant: ["open", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: ["open"],
};

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === "string" && (TICKET_STATUSES as readonly string[]).includes(value);
}

export function isMerchantStatus(value: unknown): value is MerchantStatus {
  return typeof value === "string" && (MERCHANT_STATUSES as readonly string[]).includes(value);
}

export function merchantStatus(status: TicketStatus): MerchantStatus {
  return MERCHANT_VIEW[status];
}

/** The workflow statuses a merchant-facing status stands for, for filtering. */
export function statusesShownAs(shown: MerchantStatus): TicketStatus[] {
  return TICKET_STATUSES.filter((status) => MERCHANT_VIEW[status] === shown);
}

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A merchant's reply puts the ticket back in the agents' hands, reopening it if it was done. */
export function statusAfterMerchantReply(status: TicketStatus): TicketStatus {
  return status === "new" ? "new" : "open";
}

/** An agent's reply waits on the merchant unless the agent resolves or closes in the same step. */
export function statusAfterAgentReply(status: TicketStatus): TicketStatus {
  return status === "resolved" || status === "closed" ? status : "pending_merchant";
}

export function isOpen(status: TicketStatus): boolean {
  return status !== "resolved" && status !== "closed";
}
