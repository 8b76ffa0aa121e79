/** A thread message as both sides show it; internal notes are another table and never pass here. */
export function threadMessage(message: {
  id: string;
  authorType: "merchant" | "agent";
  body: string;
  createdAt: Date;
  agent: { name: string } | null;
}) {
  return {
    id: message.id,
    authorType: message.authorType,
    agentName: message.agent?.name ?? null,
    body: message.body,
    createdAt: message.createdAt,
  };
}
