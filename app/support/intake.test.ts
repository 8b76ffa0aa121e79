import { describe, expect, it } from "vitest";
import { CLOSEST_CHOICES, intakeStep, isIntakeAnswer, type IntakeAnswer } from "./intake";
import { CATEGORY_IDS, type CategoryId } from "./taxonomy";

function classified(
  category: CategoryId,
  options: { lowConfidence?: boolean; second?: CategoryId | null; alternatives?: CategoryId[] } = {},
): IntakeAnswer {
  return {
    kind: "classified",
    triage: {
      category,
      route: category === "order_sync" || category === "product_sync" ? "spl_ticket" : "tiktok_guide",
      confidence: 0.4,
      lowConfidence: options.lowConfidence ?? false,
      second: options.second ?? null,
      modelVersion: "test",
      entities: { orderNumbers: [], trackingNumbers: [], skus: [], productNames: [] },
      alternatives: (options.alternatives ?? []).map((alternative, index) => ({
        category: alternative,
        score: 0.3 - index * 0.05,
      })),
      evidence: [],
    },
  };
}

describe("what the Support page does with an answer", () => {
  it("asks which problem is closest when unsure: the best guess and its alternatives first, the rest behind Show all", () => {
    const step = intakeStep(
      classified("general", {
        lowConfidence: true,
        alternatives: ["order_sync", "account_suspended", "product_sync", "payout", "shipping"],
      }),
    );
    expect(step).toEqual({
      kind: "ask",
      choices: ["general", "order_sync", "account_suspended", "product_sync"],
      others: ["connection", "app_setup", "account_verification", "product_rejection", "payout", "shipping"],
    });
    if (step.kind !== "ask") throw new Error("expected a question");
    expect(step.choices).toHaveLength(CLOSEST_CHOICES);
    expect([...step.choices, ...step.others].sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it("offers SPL's problems first for a vague text, where every reading is noise", () => {
    const vague = classified("account_verification", { lowConfidence: true });
    if (vague.kind === "classified") vague.triage.confidence = 0.0007;
    expect(intakeStep(vague)).toMatchObject({
      kind: "ask",
      choices: ["order_sync", "product_sync", "connection", "app_setup"],
    });
  });

  it("never routes a suspension it is unsure of: the merchant picks", () => {
    expect(intakeStep(classified("account_suspended", { lowConfidence: true }))).toMatchObject({
      kind: "ask",
      choices: ["account_suspended", "order_sync", "product_sync", "connection"],
    });
  });

  it("offers the ticket for SPL's part and the guide for TikTok's when the text names two problems", () => {
    expect(intakeStep(classified("account_suspended", { second: "order_sync" }))).toEqual({
      kind: "two",
      spl: "order_sync",
      tiktok: "account_suspended",
    });
    // Two problems answer the question even when the classifier is unsure which one leads.
    expect(intakeStep(classified("product_sync", { second: "payout", lowConfidence: true }))).toEqual({
      kind: "two",
      spl: "product_sync",
      tiktok: "payout",
    });
  });

  it("routes a clear answer and the merchant's own pick", () => {
    expect(intakeStep(classified("payout"))).toEqual({
      kind: "route",
      category: "payout",
      route: "tiktok_guide",
      chosen: false,
    });
    expect(intakeStep({ kind: "chosen", category: "order_sync", route: "spl_ticket" })).toEqual({
      kind: "route",
      category: "order_sync",
      route: "spl_ticket",
      chosen: true,
    });
  });
});

describe("an answer the browser kept (Back from a guide shows it again)", () => {
  it("is shown again when it is one the page gave", () => {
    expect(isIntakeAnswer(classified("order_sync", { second: "account_suspended" }))).toBe(true);
    expect(isIntakeAnswer({ kind: "chosen", category: "payout", route: "tiktok_guide" })).toBe(true);
  });

  it("is not shown when an older page left something else: an error, an unknown category, a missing field", () => {
    const answer = classified("order_sync") as Extract<IntakeAnswer, { kind: "classified" }>;
    expect(isIntakeAnswer({ kind: "error", error: "intake.errors.empty" })).toBe(false);
    expect(isIntakeAnswer({ kind: "chosen", category: "refunds", route: "spl_ticket" })).toBe(false);
    expect(isIntakeAnswer({ ...answer, triage: { ...answer.triage, entities: undefined } })).toBe(false);
    expect(isIntakeAnswer({ ...answer, triage: { ...answer.triage, confidence: "high" } })).toBe(false);
    expect(isIntakeAnswer(null)).toBe(false);
  });
});
