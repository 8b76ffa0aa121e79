import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import {
  compliancePayloadProblem,
  exportCustomerData,
  redactCustomer,
  redactShop,
} from "~/lifecycle/compliance.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticateWebhook } from "~/lifecycle/webhook-request.server";

/** The three mandatory compliance topics share one endpoint, as declared in shopify.app.toml. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  // The signature covers the body alone, not the topic and shop headers: a signed body of one
  // topic and shop must not be replayed as another's.
  const problem = compliancePayloadProblem(topic, shop, payload);
  if (problem) return new Response(problem, { status: 400 });
  await oncePerDelivery(db, { webhookId, topic, shop }, async (tx) => {
    switch (topic) {
      case "SHOP_REDACT":
        return redactShop(tx, shop);
      case "CUSTOMERS_REDACT":
        return redactCustomer(tx, shop, payload);
      case "CUSTOMERS_DATA_REQUEST":
        return exportCustomerData(tx, shop, payload);
      default:
        throw new Response(`Unexpected topic ${topic}`, { status: 400 });
    }
  });
  return new Response();
};
