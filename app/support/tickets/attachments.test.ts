import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, checkAttachments, detectAttachmentType, safeFilename } from "./attachments";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1]);
const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");
const pdf = new TextEncoder().encode("%PDF-1.7\n");

describe("screenshots", () => {
  it("recognises PNG, JPEG, WebP and PDF by their content", () => {
    expect([png, jpeg, webp, pdf].map(detectAttachmentType)).toEqual([
      "image/png",
      "image/jpeg",
      "image/webp",
      "application/pdf",
    ]);
  });

  it("refuses a script renamed to .png", () => {
    const result = checkAttachments([
      { name: "screenshot.png", bytes: new TextEncoder().encode("<script>alert(1)</script>") },
    ]);
    expect(result).toEqual({ ok: false, problem: "unsupported_type", filename: "screenshot.png" });
  });

  it("refuses a fourth file and files over 5 MB", () => {
    expect(
      checkAttachments(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, bytes: png }))),
    ).toMatchObject({ problem: "too_many" });
    expect(checkAttachments([{ name: "big.png", bytes: png, size: MAX_ATTACHMENT_BYTES + 1 }])).toMatchObject(
      { problem: "too_large", filename: "big.png" },
    );
  });

  it("keeps a safe base name for downloads", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename('bad"name<>.png')).toBe("bad_name__.png");
    expect(safeFilename("")).toBe("attachment");
  });
});
