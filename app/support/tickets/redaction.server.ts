import { Prisma } from "~/db.server";
import { searchTextOf } from "./search-text";

type Tx = Prisma.TransactionClient;

export const REDACTED = "[redacted]";

/** How Shopify names an order in the summary our order lookup stores (its `id`). */
const orderGid = (id: string | number) => `gid://shopify/Order/${id}`;

/** The order a ticket is linked to: typed by the merchant (numeric id or gid), or found by the lookup. */
function linkedOrderIds(ticket: { orderId: string | null; orderSummary: Prisma.JsonValue }): string[] {
  const summary = ticket.orderSummary;
  const found =
    summary && typeof summary === "object" && !Array.isArray(summary) && typeof summary.id === "string"
      ? [summary.id]
      : [];
  return [...(ticket.orderId ? [ticket.orderId] : []), ...found];
}

function isLinkedToOrders(
  ticket: { orderId: string | null; orderSummary: Prisma.JsonValue },
  orders: (string | number)[],
) {
  const wanted = new Set(orders.flatMap((id) => [String(id), orderGid(id)]));
  return linkedOrderIds(ticket).some((id) => wanted.has(id));
}

/** Replaces every occurrence of the terms, whatever their letter case. */
function scrubber(terms: string[]) {
  if (!terms.length) return (text: string) => text;
  const pattern = new RegExp(
    terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "gi",
  );
  return (text: string) => text.replace(pattern, REDACTED);
}

/**
 * A shop's tickets that are about a customer: linked to one of their orders, or naming one of their
 * identifiers (email, phone) in the text. searchText is the lower-cased description and
 * conversation, so it matches any spelling of an email; messages and notes are also searched as written.
 */
export async function customerTickets(
  tx: Tx,
  shop: string,
  identifiers: string[],
  orders: (string | number)[],
) {
  const or: Prisma.TicketWhereInput[] = [];
  if (orders.length) {
    // A shop opens a few tickets a day: its order-linked ones are read and matched here, which works
    // the same on both databases (Prisma filters JSON by path on PostgreSQL only).
    const linked = await tx.ticket.findMany({
      where: { shop, OR: [{ orderId: { not: null } }, { orderSummary: { not: Prisma.AnyNull } }] },
      select: { id: true, orderId: true, orderSummary: true },
    });
    const ids = linked.filter((ticket) => isLinkedToOrders(ticket, orders)).map((ticket) => ticket.id);
    if (ids.length) or.push({ id: { in: ids } });
  }
  for (const term of identifiers) {
    or.push({ searchText: { contains: term.toLowerCase() } });
    or.push({ messages: { some: { body: { contains: term } } } });
    or.push({ notes: { some: { body: { contains: term } } } });
  }
  if (!or.length) return [];
  return tx.ticket.findMany({
    where: { shop, OR: or },
    orderBy: { number: "asc" },
    include: {
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      notes: true,
      attachments: { select: { filename: true, contentType: true, size: true, createdAt: true } },
    },
  });
}

type CustomerTicket = Awaited<ReturnType<typeof customerTickets>>[number];

async function redactTicket(
  tx: Tx,
  ticket: CustomerTicket,
  scrub: (text: string) => string,
  orders: (string | number)[],
) {
  const messages = ticket.messages.map((message) => ({ ...message, scrubbed: scrub(message.body) }));
  for (const message of messages) {
    if (message.scrubbed !== message.body) {
      await tx.message.update({ where: { id: message.id }, data: { body: message.scrubbed } });
    }
  }
  for (const note of ticket.notes) {
    const body = scrub(note.body);
    if (body !== note.body) await tx.internalNote.update({ where: { id: note.id }, data: { body } });
  }
  const dropOrder = isLinkedToOrders(ticket, orders);
  const description = scrub(ticket.description);
  const orderId = dropOrder ? null : ticket.orderId;
  // Rebuilt from what stays, so no trace of the customer or of the dropped order stays searchable.
  const searchText = searchTextOf(
    { ...ticket, orderId, description },
    messages.map((message) => message.scrubbed),
  );
  // Store-check findings name orders by their admin link: those about the customer's orders go.
  const checks = JSON.stringify(ticket.storeChecks ?? "");
  const dropChecks = dropOrder || orders.some((id) => checks.includes(`orders/${id}"`));
  await tx.ticket.update({
    where: { id: ticket.id },
    data: {
      description,
      searchText,
      ...(dropOrder ? { orderId, orderSummary: Prisma.DbNull } : {}),
      ...(dropChecks ? { storeChecks: Prisma.DbNull } : {}),
    },
  });
}

/**
 * Removes a customer's identifiers and orders from a shop's tickets and from the emails they caused
 * (notification emails quote ticket text), keeping the rest of each ticket.
 */
export async function redactCustomerFromTickets(
  tx: Tx,
  shop: string,
  identifiers: string[],
  orders: (string | number)[],
) {
  const scrub = scrubber(identifiers);
  for (const ticket of await customerTickets(tx, shop, identifiers, orders)) {
    await redactTicket(tx, ticket, scrub, orders);
  }
  // Triage labels copy a ticket's text as it was when decided.
  for (const term of identifiers) {
    const labels = await tx.triageLabel.findMany({
      where: { shop, text: { contains: term } },
      select: { id: true, text: true },
    });
    for (const label of labels) {
      await tx.triageLabel.update({ where: { id: label.id }, data: { text: scrub(label.text) } });
    }
  }
  const emails = await tx.outboxEmail.findMany({
    where: { shop },
    select: { id: true, subject: true, body: true },
  });
  for (const email of emails) {
    const scrubbed = { subject: scrub(email.subject), body: scrub(email.body) };
    if (scrubbed.subject !== email.subject || scrubbed.body !== email.body) {
      await tx.outboxEmail.update({ where: { id: email.id }, data: scrubbed });
    }
  }
}

/**
 * A shop's tickets go with everything in them (messages, notes, attachments, audit) and their emails,
 * and so do the store checks' findings it marked as solved by self-help, its install dates and the
 * triage labels made from its texts.
 */
export async function deleteShopTickets(tx: Tx, shop: string) {
  await tx.ticket.deleteMany({ where: { shop } });
  await tx.outboxEmail.deleteMany({ where: { shop } });
  await tx.selfHelpResolution.deleteMany({ where: { shop } });
  await tx.shopInstall.deleteMany({ where: { shop } });
  await tx.triageLabel.deleteMany({ where: { shop } });
}
