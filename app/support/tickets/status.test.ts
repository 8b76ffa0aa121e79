import { describe, expect, it } from "vitest";
import {
  TICKET_STATUSES,
  canTransition,
  merchantStatus,
  statusAfterAgentReply,
  statusAfterMerchantReply,
  statusesShownAs,
} from "./status";

describe("ticket statuses", () => {
  it("tells merchants whose turn it is", () => {
    expect(TICKET_STATUSES.map(merchantStatus)).toEqual([
      "sent",
      "in_progress",
      "awaiting_reply",
      "closed",
      "closed",
    ]);
    expect(statusesShownAs("awaiting_reply")).toEqual(["pending_merchant"]);
    expect(statusesShownAs("closed")).toEqual(["resolved", "closed"]);
  });

  it("follows the agents' workflow new → open → pending merchant → resolved → closed", () => {
    expect(canTransition("new", "open")).toBe(true);
    expect(canTransition("open", "pending_merchant")).toBe(true);
    expect(canTransition("pending_merchant", "resolved")).toBe(true);
    expect(canTransition("resolved", "closed")).toBe(true);
    expect(canTransition("closed", "new")).toBe(false);
    expect(canTransition("closed", "resolved")).toBe(false);
  });

  it("reopens a resolved or closed ticket when the merchant replies", () => {
    expect(statusAfterMerchantReply("closed")).toBe("open");
    expect(statusAfterMerchantReply("resolved")).toBe("open");
    expect(statusAfterMerchantReply("pending_merchant")).toBe("open");
    expect(statusAfterMerchantReply("new")).toBe("new");
  });

  it("waits on the merchant after an agent's reply", () => {
    expect(statusAfterAgentReply("new")).toBe("pending_merchant");
    expect(statusAfterAgentReply("resolved")).toBe("resolved");
  });
});
