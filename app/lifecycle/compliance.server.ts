import { z } from "zod";
import type { Prisma } from "~/db.server";

type Tx = Prisma.TransactionClient;

const customerPayload = z.object({
  customer: z.object({ id: z.union([z.number(), z.string()]), email: z.string().nullish(), phone: z.string().nullish() }),
  orders_to_redact: z.array(z.union([z.number(), z.string()])).optional(),
  orders_requested: z.array(z.union([z.number(), z.string()])).optional(),
});

export const REDACTED = "[redacted]";

/** Everything of a shop goes: tickets (with their messages, notes, attachments, audit), visits, sessions. */
export async function redactShop(tx: Tx, shop: string) {
  await tx.ticket.deleteMany({ where: { shop } });
  await tx.guideVisit.deleteMany({ where: { shop } });
  await tx.customerDataExport.deleteMany({ where: { shop } });
  await tx.session.deleteMany({ where: { shop } });
}

/** Order ids in our tickets are what merchants typed: a numeric id, "#1001" or a gid. */
function orderKeys(ids: (string | number)[]) {
  return ids.map(String).flatMap((id) => [id, `#${id}`, `gid://shopify/Order/${id}`]);
}

function customerTickets(tx: Tx, shop: string, email: string | null | undefined, orderIds: (string | number)[]) {
  const or: Prisma.TicketWhereInput[] = [];
  if (orderIds.length) or.push({ orderId: { in: orderKeys(orderIds) } });
  if (email) or.push({ searchText: { contains: email.toLowerCase() } });
  if (!or.length) return Promise.resolve([]);
  return tx.ticket.findMany({ where: { shop, OR: or }, include: { messages: true } });
}

function scrub(text: string, email: string | null | undefined) {
  return email ? text.split(email).join(REDACTED) : text;
}

/** Removes the customer's personal data from the shop's tickets and keeps the rest of each ticket. */
export async function redactCustomer(tx: Tx, shop: string, payload: unknown) {
  const { customer, orders_to_redact = [] } = customerPayload.parse(payload);
  const tickets = await customerTickets(tx, shop, customer.email, orders_to_redact);
  const redactedOrders = new Set(orderKeys(orders_to_redact));
  for (const ticket of tickets) {
    const dropOrder = ticket.orderId !== null && redactedOrders.has(ticket.orderId);
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        description: scrub(ticket.description, customer.email),
        searchText: scrub(ticket.searchText, customer.email?.toLowerCase()),
        ...(dropOrder ? { orderId: null, orderSummary: null } : {}),
      },
    });
    for (const message of ticket.messages) {
      const body = scrub(message.body, customer.email);
      if (body !== message.body) await tx.message.update({ where: { id: message.id }, data: { body } });
    }
  }
}

/** Gathers what we hold about a customer into an export SPL agents hand to the merchant. */
export async function exportCustomerData(tx: Tx, shop: string, payload: unknown) {
  const { customer, orders_requested = [] } = customerPayload.parse(payload);
  const tickets = await customerTickets(tx, shop, customer.email, orders_requested);
  const content = tickets.map((ticket) => ({
    number: ticket.number,
    createdAt: ticket.createdAt.toISOString(),
    orderId: ticket.orderId,
    orderSummary: ticket.orderSummary,
    description: ticket.description,
    messages: ticket.messages.map((message) => ({ at: message.createdAt.toISOString(), from: message.authorType, body: message.body })),
  }));
  await tx.customerDataExport.create({
    data: { shop, customerId: String(customer.id), email: customer.email ?? null, payload: JSON.stringify({ tickets: content }) },
  });
}
