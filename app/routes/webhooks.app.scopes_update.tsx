import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticate } from "~/shopify.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticate.webhook(request);
  const { current } = payloadSchema.parse(payload);
  await oncePerDelivery(db, { webhookId, topic, shop }, async (tx) => {
    await tx.session.updateMany({ where: { shop }, data: { scope: current.join(",") } });
  });
  return new Response();
};
