import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH } from "./index";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

function runCli(input: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", CLI], {
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return {
    status: result.status,
    lines: result.stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line)),
  };
}

describe("npm run classify", () => {
  it("answers every input line, in order, with a result or an error", () => {
    const input = [
      JSON.stringify({ text: "Sync failed on all my products", locale: "en" }),
      "",
      "this is not json",
      JSON.stringify({ text: "" }),
      JSON.stringify({ text: "x".repeat(MAX_TEXT_LENGTH + 1) }),
      JSON.stringify({ locale: "it" }),
      JSON.stringify({ text: "Il mio account venditore è stato sospeso", locale: "it-IT" }),
    ].join("\n");

    const { status, lines } = runCli(`${input}\n`);

    expect(status).toBe(0);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ category: "product_sync", route: "spl_ticket" });
    expect(lines[0].confidence).toBeGreaterThan(0);
    expect(lines[1].error).toMatch(/blank line/);
    expect(lines[2].error).toMatch(/JSON/);
    expect(lines[3].error).toMatch(/empty/);
    expect(lines[4].error).toMatch(/longer than/);
    expect(lines[5].error).toMatch(/text/);
    expect(lines[6]).toMatchObject({ category: "account_suspended", route: "tiktok_guide" });
    expect(
      lines[6].alternatives.every(
        (alternative: { category: string }) => alternative.category !== "account_suspended",
      ),
    ).toBe(true);
  });

  it("handles a last line without a newline and Windows line endings", () => {
    const { lines } = runCli(`{"text":"payout missing"}\r\n{"text":"parcel lost by DHL"}`);
    expect(lines.map((line) => line.category)).toEqual(["payout", "shipping"]);
  });
});
