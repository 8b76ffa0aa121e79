import { z } from "zod";
import type { Prisma } from "~/db.server";
import { searchTextOf } from "~/support/tickets/ticket-store.server";

type Tx = Prisma.TransactionClient;

const orderIds = z.array(z.union([z.number(), z.string()])).default([]);

/** The customer part of Shopify's customers/redact and customers/data_request payloads. */
const customerPayload = z.object({
  customer: z.object({
    id: z.union([z.number(), z.string()]),
    email: z.string().nullish(),
    phone: z.string().nullish(),
  }),
  orders_to_redact: orderIds,
  orders_requested: orderIds,
  data_request: z.object({ id: z.union([z.number(), z.string()]) }).optional(),
});

type Customer = z.infer<typeof customerPayload>["customer"];

export const REDACTED = "[redacted]";

/** Everything of a shop goes: tickets with their messages, notes, attachments and audit, visits, exports, sessions. */
export async function redactShop(tx: Tx, shop: string) {
  await tx.ticket.deleteMany({ where: { shop } });
  await tx.guideVisit.deleteMany({ where: { shop } });
  await tx.customerDataExport.deleteMany({ where: { shop } });
  await tx.session.deleteMany({ where: { shop } });
  await tx.outboxEmail.deleteMany({ where: { shop } });
}

/** What identifies the customer in free text: their email and phone, as Shopify names them. */
function identifiers(customer: Customer) {
  return [customer.email, customer.phone]
    .map((value) => value?.trim())
    .filter((value): value is string => Boolean(value));
}

/**
 * Tickets that are about the customer: linked to one of their orders (typed by the merchant as a
 * numeric id or gid, or found by the order lookup, whose summary holds the order's gid) or naming
 * them in the text. searchText is the lower-cased description and conversation, so it matches any
 * spelling of the email; messages and notes are also searched as written.
 */
function customerTickets(tx: Tx, shop: string, customer: Customer, orders: (string | number)[]) {
  const gids = orders.map((id) => `gid://shopify/Order/${id}`);
  const terms = identifiers(customer);
  const or: Prisma.TicketWhereInput[] = [];
  if (orders.length) {
    or.push({ orderId: { in: [...orders.map(String), ...gids] } });
    or.push(...gids.map((gid) => ({ orderSummary: { contains: `"${gid}"` } })));
  }
  for (const term of terms) {
    or.push({ searchText: { contains: term.toLowerCase() } });
    or.push({ messages: { some: { body: { contains: term } } } });
    or.push({ notes: { some: { body: { contains: term } } } });
  }
  if (!or.length) return Promise.resolve([]);
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

function isLinkedToOrders(
  ticket: { orderId: string | null; orderSummary: string | null },
  orders: (string | number)[],
) {
  return orders.some((id) => {
    const gid = `gid://shopify/Order/${id}`;
    return (
      ticket.orderId === String(id) ||
      ticket.orderId === gid ||
      Boolean(ticket.orderSummary?.includes(`"${gid}"`))
    );
  });
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

type CustomerTicket = Awaited<ReturnType<typeof customerTickets>>[number];

async function redactTicket(
  tx: Tx,
  ticket: CustomerTicket,
  scrub: (text: string) => string,
  orders: (string | number)[],
) {
  const messages = ticket.messages.map((message) => ({
    id: message.id,
    body: message.body,
    scrubbed: scrub(message.body),
  }));
  for (const message of messages) {
    if (message.scrubbed !== message.body)
      await tx.message.update({ where: { id: message.id }, data: { body: message.scrubbed } });
  }
  for (const note of ticket.notes) {
    const body = scrub(note.body);
    if (body !== note.body) await tx.internalNote.update({ where: { id: note.id }, data: { body } });
  }
  const dropOrder = isLinkedToOrders(ticket, orders);
  const description = scrub(ticket.description);
  // Rebuilt as the ticket store builds it (description, then each reply), so no trace of the
  // customer or of the dropped order stays searchable.
  const searchText = [
    searchTextOf({ ...ticket, orderId: dropOrder ? null : ticket.orderId, text: description }),
    ...messages.map((message) => message.scrubbed.toLowerCase()),
  ]
    .join(" ")
    .slice(0, 20_000);
  await tx.ticket.update({
    where: { id: ticket.id },
    data: { description, searchText, ...(dropOrder ? { orderId: null, orderSummary: null } : {}) },
  });
}

/** Removes the customer's personal data from the shop's tickets and keeps the rest of each ticket. */
export async function redactCustomer(tx: Tx, shop: string, payload: unknown) {
  const { customer, orders_to_redact } = customerPayload.parse(payload);
  const scrub = scrubber(identifiers(customer));
  for (const ticket of await customerTickets(tx, shop, customer, orders_to_redact)) {
    await redactTicket(tx, ticket, scrub, orders_to_redact);
  }
  // An export made for an earlier data request holds the same personal data.
  await tx.customerDataExport.deleteMany({ where: { shop, customerId: String(customer.id) } });
  // Notification emails quote ticket text: queued and sent copies are scrubbed too.
  for (const email of await tx.outboxEmail.findMany({
    where: { shop },
    select: { id: true, subject: true, body: true },
  })) {
    const scrubbed = { subject: scrub(email.subject), body: scrub(email.body) };
    if (scrubbed.subject !== email.subject || scrubbed.body !== email.body)
      await tx.outboxEmail.update({ where: { id: email.id }, data: scrubbed });
  }
}

/** Gathers what we hold about a customer into an export SPL agents hand to the merchant. */
export async function exportCustomerData(tx: Tx, shop: string, payload: unknown) {
  const { customer, orders_requested, data_request } = customerPayload.parse(payload);
  const tickets = await customerTickets(tx, shop, customer, orders_requested);
  const content = {
    dataRequestId: data_request?.id ?? null,
    customer,
    ordersRequested: orders_requested,
    tickets: tickets.map((ticket) => ({
      number: ticket.number,
      createdAt: ticket.createdAt.toISOString(),
      orderId: ticket.orderId,
      orderSummary: ticket.orderSummary,
      description: ticket.description,
      messages: ticket.messages.map((message) => ({
        at: message.createdAt.toISOString(),
        from: message.authorType,
        body: message.body,
      })),
      attachments: ticket.attachments.map((file) => ({ ...file, createdAt: file.createdAt.toISOString() })),
    })),
  };
  await tx.customerDataExport.create({
    data: {
      shop,
      customerId: String(customer.id),
      email: customer.email ?? null,
      payload: JSON.stringify(content),
    },
  });
}
