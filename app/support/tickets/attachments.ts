/** Screenshot rules: what a merchant may attach, checked by the file's bytes, not its name. */
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES = ["image/png", "image/jpeg", "image/webp", "application/pdf"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return null;
}

export type AttachmentProblem = "too_many" | "too_large" | "unsupported_type" | "empty";

export interface CheckedAttachment {
  filename: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
}

/** Keeps only a safe base name: the name is shown to agents and sent in a download header. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[^\p{L}\p{N}._ -]/gu, "_")
    .trim()
    .slice(0, 120);
  return cleaned || "attachment";
}

export function checkAttachments(
  files: { name: string; bytes: Uint8Array; size?: number }[],
):
  | { ok: true; attachments: CheckedAttachment[] }
  | { ok: false; problem: AttachmentProblem; filename?: string } {
  if (files.length > MAX_ATTACHMENTS) return { ok: false, problem: "too_many" };
  const attachments: CheckedAttachment[] = [];
  for (const file of files) {
    const size = file.size ?? file.bytes.byteLength;
    if (size === 0) return { ok: false, problem: "empty", filename: file.name };
    if (size > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "too_large", filename: file.name };
    const contentType = detectAttachmentType(file.bytes);
    if (!contentType) return { ok: false, problem: "unsupported_type", filename: file.name };
    attachments.push({ filename: safeFilename(file.name), contentType, bytes: file.bytes });
  }
  return { ok: true, attachments };
}
