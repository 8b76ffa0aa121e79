import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES } from "./attachments";

const MAX_TEXT_FIELD_BYTES = 64 * 1024;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /** The size sent, which for an oversized file is more than the bytes kept. */
  size: number;
}

/**
 * Reads a ticket form without ever holding more than the limits in memory. An oversized file is
 * reported by name instead of failing the whole request, so the merchant keeps what they typed.
 */
export async function readTicketForm(request: Request) {
  const files: UploadedFile[] = [];
  const handler: UploadHandler = async ({ filename, data }) => {
    const limit = filename === undefined ? MAX_TEXT_FIELD_BYTES : MAX_ATTACHMENT_BYTES + 1;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    if (filename === undefined) return bytes.toString("utf8");
    if (!filename) return undefined;
    files.push({ name: filename, bytes: new Uint8Array(bytes), size });
    return undefined;
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  const fields: Record<string, string> = {};
  form.forEach((value, key) => {
    if (typeof value === "string") fields[key] = value;
  });
  return { fields, files };
}
