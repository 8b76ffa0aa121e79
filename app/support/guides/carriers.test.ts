import { describe, expect, it } from "vitest";
import { CARRIERS, detectCarrier, findTrackingNumber, phoneHref, websiteUrl } from "./carriers";

describe("detectCarrier", () => {
  it.each([
    ["UPS", "1Z999AA10123456784", "ups"],
    ["UPS typed in lower case with spaces", "1z 999 aa1 0123 4567 84", "ups"],
    ["USPS 22-digit barcode", "9400100000000000000000", "usps"],
    ["USPS 22-digit barcode with dashes", "9205-5901-6491-7312-7510-89", "usps"],
    ["USPS 20-digit barcode", "92001901755477000000", "usps"],
    ["USPS international (S10, US)", "EE123456785US", "usps"],
    ["China Post (S10, CN)", "RR123456785CN", "china_post"],
    ["China Post typed in lower case with spaces", "rr 123 456 785 cn", "china_post"],
    ["FedEx 12 digits", "123456789012", "fedex"],
    ["FedEx 15 digits", "123456789012345", "fedex"],
    ["FedEx 20 digits", "12345678901234567890", "fedex"],
    ["FedEx 22 digits", "9612019012345678901234", "fedex"],
    ["DHL Express 10 digits", "1234 567 890", "dhl"],
    ["DHL JJD", "JJD000390007658532", "dhl"],
    ["DHL JVGL", "jvgl0000000000000000", "dhl"],
  ])("recognises %s", (_label, input, carrierId) => {
    expect(detectCarrier(input)?.carrier.id).toBe(carrierId);
  });

  it.each([
    ["empty", ""],
    ["words", "hello world"],
    ["too short", "12345"],
    ["11 digits", "12345678901"],
    ["UPS prefix with too few characters", "1Z999AA1"],
    ["S10 with a wrong check digit", "RR123456780CN"],
    ["S10 from a postal service we have no contact for", "RR123456785DE"],
  ])("returns null for %s", (_label, input) => {
    expect(detectCarrier(input)).toBeNull();
  });

  it("returns the normalised number and a tracking page for it", () => {
    const match = detectCarrier(" 1z999aa1-0123456784 ");
    expect(match?.trackingNumber).toBe("1Z999AA10123456784");
    expect(match?.trackingUrl).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
  });

  it.each([
    [
      "1234567890",
      "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890",
    ],
    ["123456789012", "https://www.fedex.com/fedextrack/?trknbr=123456789012"],
    ["EE123456785US", "https://tools.usps.com/go/TrackConfirmAction?tLabels=EE123456785US"],
  ])("links %s to its carrier's tracking page", (input, url) => {
    expect(detectCarrier(input)?.trackingUrl).toBe(url);
  });

  it("sends China Post numbers to its website, which has no tracking link to prefill", () => {
    expect(detectCarrier("RR123456785CN")?.trackingUrl).toBe("https://www.chinapost.com.cn");
  });
});

describe("carrier contacts", () => {
  it("keeps the phone numbers published in the shipping guide", () => {
    expect(CARRIERS.ups.phone).toBe("+1 800-742-5877");
    expect(CARRIERS.china_post.phone).toBe("+86 11185");
  });

  it("turns a printed phone number into a dialable link", () => {
    expect(phoneHref(CARRIERS.dhl.phone)).toBe("tel:+18002255345");
  });

  it("links each website over https", () => {
    expect(websiteUrl(CARRIERS.fedex)).toBe("https://www.fedex.com");
  });
});

describe("findTrackingNumber", () => {
  it("finds a tracking number written in groups inside a merchant's sentence", () => {
    expect(findTrackingNumber("My parcel 1Z 999 AA1 01 2345 6784 is stuck since Monday.")).toBe(
      "1Z999AA10123456784",
    );
    expect(findTrackingNumber("Il pacco (tracking 9400111899223100001234) non si muove")).toBe(
      "9400111899223100001234",
    );
  });

  it("finds nothing in words or an order number alone", () => {
    expect(findTrackingNumber("Order #1001 never arrived, the customer is angry.")).toBeNull();
    expect(findTrackingNumber("")).toBeNull();
  });
});
