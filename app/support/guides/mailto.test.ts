import { describe, expect, it } from "vitest";
import { buildSupportMailto, composeSupportEmail, MAX_MAILTO_LENGTH, SUPPORT_EMAIL_SUBJECT } from "./mailto";

function decode(href: string): { to: string; subject: string; body: string } {
  const [to = "", query = ""] = href.replace(/^mailto:/, "").split("?");
  const params = Object.fromEntries(
    query.split("&").map((pair) => {
      const [name = "", value = ""] = pair.split("=");
      return [name, decodeURIComponent(value)];
    }),
  );
  return { to, subject: params.subject ?? "", body: params.body ?? "" };
}

const base = {
  shopName: "Bottega Rossi",
  tiktokUsername: "@bottega.rossi",
  description: "My seller account was suspended yesterday.",
  orderId: "576461234567890123",
  locale: "en",
} as const;

describe("buildSupportMailto", () => {
  it("writes to TikTok seller support with the merchant's details", () => {
    const href = buildSupportMailto(base);
    expect(() => new URL(href)).not.toThrow();
    const { to, subject, body } = decode(href);
    expect(to).toBe("sellersupport@tiktok.com");
    expect(subject).toBe(`${SUPPORT_EMAIL_SUBJECT} – Bottega Rossi`);
    expect(body).toContain("My seller account was suspended yesterday.");
    expect(body).toContain("Shopify store name: Bottega Rossi");
    expect(body).toContain("TikTok Shop username: @bottega.rossi");
    expect(body).toContain("Order number: 576461234567890123");
  });

  it("keeps special characters, accents and emoji intact", () => {
    const description = "Tom & Jerry? #1 100% + more\nSeconda riga: perché è così 😀\nÜber straße";
    const href = buildSupportMailto({ ...base, shopName: "Café & Co #1", description });
    expect(href.split("&")).toHaveLength(2);
    expect(href).not.toMatch(/[ #\n]/);
    const { subject, body } = decode(href);
    expect(subject).toContain("Café & Co #1");
    expect(body).toContain("Tom & Jerry? #1 100% + more\r\nSeconda riga: perché è così 😀\r\nÜber straße");
  });

  it("encodes every line break as CRLF", () => {
    const href = buildSupportMailto({ ...base, description: "one\ntwo\r\nthree\rfour" });
    expect(href).toContain("%0D%0A");
    expect(href.replace(/%0D%0A/g, "")).not.toMatch(/%0A|%0D/);
  });

  it("leaves out the lines the merchant did not fill in", () => {
    const { body } = decode(
      buildSupportMailto({ shopName: "Bottega Rossi", description: "Blocked.", locale: "en" }),
    );
    expect(body).not.toContain("Order number");
    expect(body).not.toContain("TikTok Shop username");
  });

  it("writes in English and states a non-English merchant's language", () => {
    const { subject, body } = decode(
      buildSupportMailto({ ...base, locale: "it", description: "Account bloccato" }),
    );
    expect(subject).toContain(SUPPORT_EMAIL_SUBJECT);
    expect(body).toContain("Preferred language: Italian");
    expect(body).toContain("Account bloccato");
    expect(decode(buildSupportMailto(base)).body).not.toContain("Preferred language");
  });

  it("shortens a long description so the link stays under the limit", () => {
    const email = composeSupportEmail({ ...base, description: "Lorem ipsum dolor sit amet. ".repeat(400) });
    expect(email.href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(email.descriptionShortened).toBe(true);
    expect(decode(email.href).body).toContain("Lorem ipsum dolor sit amet. Lorem");
    expect(decode(email.href).body).toContain("[…]");
  });

  it("never cuts an emoji in half when shortening", () => {
    const href = buildSupportMailto({ ...base, description: "😀".repeat(1000) });
    expect(href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(() => decode(href)).not.toThrow();
    expect(decode(href).body).toContain("😀😀😀");
  });

  it("keeps the link under the limit even with very long one-line fields", () => {
    const href = buildSupportMailto({
      ...base,
      shopName: "🛍️".repeat(500),
      tiktokUsername: "x".repeat(2000),
      orderId: "9".repeat(2000),
    });
    expect(href.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(decode(href).body).toContain("My seller account was suspended yesterday.");
  });

  it("does not report shortening when everything fits", () => {
    expect(composeSupportEmail(base).descriptionShortened).toBe(false);
  });

  it("survives text with a broken emoji from a bad copy-paste", () => {
    expect(() => buildSupportMailto({ ...base, description: "broken \uD83D here" })).not.toThrow();
  });
});
