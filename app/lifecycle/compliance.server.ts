import { z } from "zod";
import type { Prisma } from "~/db.server";
import {
  customerTickets,
  deleteShopTickets,
  redactCustomerFromTickets,
} from "~/support/tickets/redaction.server";

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

const id = z.union([z.number(), z.string()]);
const shopFields = z.object({ shop_id: id, shop_domain: z.string() });
const COMPLIANCE_SCHEMAS: Record<string, z.ZodType<{ shop_domain: string }>> = {
  SHOP_REDACT: shopFields,
  CUSTOMERS_REDACT: shopFields.merge(customerPayload).extend({ orders_to_redact: z.array(id) }),
  CUSTOMERS_DATA_REQUEST: shopFields.merge(customerPayload).extend({ orders_requested: z.array(id) }),
};

/**
 * Why a compliance webhook is refused before anything is deleted, or null: its payload must have
 * its topic's shape (Shopify's "Privacy law compliance" documentation) and name the shop the
 * X-Shopify-Shop-Domain header names.
 */
export function compliancePayloadProblem(topic: string, shop: string, payload: unknown): string | null {
  const schema = COMPLIANCE_SCHEMAS[topic];
  if (!schema) return `Unexpected topic ${topic}`;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return `This payload is not a ${topic} payload.`;
  if (parsed.data.shop_domain !== shop) return "The payload's shop_domain is not the shop the headers name.";
  return null;
}

/** Everything of a shop goes: tickets with their messages, notes, attachments and audit, visits, exports, sessions. */
export async function redactShop(tx: Tx, shop: string) {
  await deleteShopTickets(tx, shop);
  await tx.guideVisit.deleteMany({ where: { shop } });
  await tx.customerDataExport.deleteMany({ where: { shop } });
  await tx.session.deleteMany({ where: { shop } });
}

/** What identifies the customer in free text: their email and phone, as Shopify names them. */
function identifiers(customer: Customer) {
  return [customer.email, customer.phone]
    .map((value) => value?.trim())
    .filter((value): value is string => Boolean(value));
}

/** Removes the customer's personal data from the shop's tickets and keeps the rest of each ticket. */
export async function redactCustomer(tx: Tx, shop: string, payload: unknown) {
  const { customer, orders_to_redact } = customerPayload.parse(payload);
  await redactCustomerFromTickets(tx, shop, identifiers(customer), orders_to_redact);
  // An export made for an earlier data request holds the same personal data.
  await tx.customerDataExport.deleteMany({ where: { shop, customerId: String(customer.id) } });
}

/** Gathers what we hold about a customer into an export SPL agents hand to the merchant. */
export async function exportCustomerData(tx: Tx, shop: string, payload: unknown) {
  const { customer, orders_requested, data_request } = customerPayload.parse(payload);
  const tickets = await customerTickets(tx, shop, identifiers(customer), orders_requested);
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
      payload: content,
    },
  });
}
