import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticateWebhook } from "~/lifecycle/webhook-request.server";

/** Tickets stay after an uninstall (agents may still need them) until shop/redact. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId } = await authenticateWebhook(request);
  await oncePerDelivery(db, { webhookId, topic, shop }, async (tx) => {
    await tx.session.deleteMany({ where: { shop } });
  });
  return new Response();
};
