/** The placeholders a canned reply may use, filled for the ticket it is inserted into. */
export const PLACEHOLDERS = ["shop_name", "ticket_number", "merchant_name", "agent_name"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * Replaces each `{placeholder}` with its value; an unknown name is left as typed so the agent sees
 * it in the composer before sending.
 */
export function fillPlaceholders(body: string, values: Record<Placeholder, string>): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

/**
 * What the merchant is called in a reply. The ticket form asks for no person's name, so the
 * address's local part ("maria.rossi@…" → "maria.rossi") is the closest thing the ticket has.
 */
export function merchantNameOf(contactEmail: string): string {
  return contactEmail.split("@")[0] ?? contactEmail;
}
