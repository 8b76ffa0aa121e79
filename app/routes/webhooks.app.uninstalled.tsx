import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticate } from "~/shopify.server";

/** Tickets stay after an uninstall (agents may still need them) until shop/redact. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticate.webhook(request);
  await oncePerDelivery(db, { webhookId, topic, shop }, async (tx) => {
    await tx.session.deleteMany({ where: { shop } });
  });
  return new Response();
};
