import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordUninstall } from "~/agent/shop-history.server";
import { db } from "~/db.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticateWebhook } from "~/lifecycle/webhook-request.server";

/** The payload is the shop resource: it names the shop it is about. */
const payloadSchema = z.object({ myshopify_domain: z.string() });

/** Tickets and the install date stay after an uninstall (agents may still need them) until shop/redact. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  // The signature covers the body alone: a signed body of another shop or topic signs nobody out.
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success || parsed.data.myshopify_domain !== shop)
    return new Response("This app/uninstalled payload is not about the shop the headers name.", {
      status: 400,
    });
  await oncePerDelivery(db, { webhookId, topic, shop }, async (tx) => {
    await tx.session.deleteMany({ where: { shop } });
    await recordUninstall(tx, shop);
  });
  return new Response();
};
