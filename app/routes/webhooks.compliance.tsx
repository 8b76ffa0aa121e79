import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { exportCustomerData, redactCustomer, redactShop } from "~/lifecycle/compliance.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticate } from "~/shopify.server";

/** The three mandatory compliance topics share one endpoint, as declared in shopify.app.toml. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
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
