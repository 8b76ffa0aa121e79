/** What an agent may do: `admin` also manages agents, shared canned replies and shared views. */
export const AGENT_ROLES = ["agent", "admin"] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];
