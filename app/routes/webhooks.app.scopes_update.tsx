import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { oncePerDelivery } from "~/lifecycle/webhook-deliveries.server";
import { authenticateWebhook } from "~/lifecycle/webhook-request.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success)
    return new Response("This app/scopes_update payload has no current scopes.", { status: 400 });
  const { current } = parsed.data;
  await oncePerDelivery(db, { webhookId, topic, shop }, async (tx) => {
    await tx.session.updateMany({ where: { shop }, data: { scope: current.join(",") } });
  });
  return new Response();
};
