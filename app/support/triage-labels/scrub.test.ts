import { describe, expect, it } from "vitest";
import { namesOf, scrubText } from "./scrub";

describe("scrubbing a merchant's text for training", () => {
  it("removes emails, phone numbers, order and tracking numbers", () => {
    expect(
      scrubText(
        "Write to mario.rossi@example.it or call +39 333 123 4567. " +
          "Order #1002 and ordine 1003 are missing; parcel 1Z 999 AA1 01 2345 6784 is stuck.",
      ),
    ).toBe(
      "Write to [email] or call [phone]. " +
        "Order #[number] and ordine [number] are missing; parcel [number] is stuck.",
    );
  });

  it("removes a national phone number, which may also read as a carrier's number", () => {
    expect(scrubText("Chiamatemi allo 06 1234 5678, grazie")).toMatch(
      /^Chiamatemi allo \[(phone|number)\], grazie$/,
    );
  });

  it("removes a TikTok order id and keeps dates, prices and the problem's words", () => {
    expect(scrubText("TikTok order 576461413038785752 shows unpaid since 2026-01-15, total 49.90 EUR")).toBe(
      "TikTok order [number] shows unpaid since 2026-01-15, total 49.90 EUR",
    );
  });

  it("removes the names the shop's records hold, whatever their case, and only as whole words", () => {
    const names = namesOf({
      shop: "bianchi-ceramics.myshopify.com",
      shopNames: ["Bianchi Ceramics"],
      emails: ["orders@bianchi.example", null],
      usernames: ["bianchi_shop"],
      people: ["Giulia", "Bianchi", null],
    });
    expect(
      scrubText(
        "giulia from BIANCHI CERAMICS (bianchi-ceramics.myshopify.com, @bianchi_shop): Giulian products fail",
        names,
      ),
    ).toBe("[name] from [name] ([name], [name]): Giulian products fail");
  });

  it("leaves a text with nothing personal as it is", () => {
    const text = "Products won't sync to TikTok: it says Sync failed on every variant.";
    expect(scrubText(text, ["Demo Shop"])).toBe(text);
  });
});
