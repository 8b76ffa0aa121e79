import { describe, expect, it } from "vitest";
import { countryName, regionRowFor } from "./regions";

describe("regionRowFor", () => {
  it.each([
    ["US", "usUkGlobal", "usUk"],
    ["GB", "usUkGlobal", "usUk"],
    ["SG", "southEastAsiaOther", "southEastAsia"],
    ["vn", "southEastAsiaOther", "southEastAsia"],
    ["IT", "southEastAsiaOther", "otherRegion"],
    ["DE", "southEastAsiaOther", "otherRegion"],
  ])("puts a shop in %s on the %s row (%s)", (country, row, reason) => {
    expect(regionRowFor(country)).toEqual({ row, reason, country: country.toUpperCase() });
  });

  it.each([null, undefined, "", "ITA", "1T", "  "])("guesses nothing for %j", (country) => {
    expect(regionRowFor(country)).toBeNull();
  });
});

describe("countryName", () => {
  it("names the country in the merchant's language", () => {
    expect(countryName("IT", "it")).toBe("Italia");
    expect(countryName("IT", "en")).toBe("Italy");
    expect(countryName("GB", "de")).toBe("Vereinigtes Königreich");
  });
});
