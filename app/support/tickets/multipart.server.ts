import type { Readable } from "node:stream";
import busboy from "busboy";
import { TICKET_FORM_BYTES, badRequest, cleanText, payloadTooLarge } from "~/http/input.server";
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from "./attachments";

const MAX_TEXT_FIELD_BYTES = 64 * 1024;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /** The size sent, which for an oversized file is more than the bytes kept. */
  size: number;
}

/** Collects a file's bytes; busboy stops a file at its size limit and marks it truncated. */
function collect(stream: Readable & { truncated?: boolean }) {
  return new Promise<{ bytes: Uint8Array; size: number }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      chunks.push(chunk);
    });
    stream.on("error", reject);
    stream.on("end", () =>
      resolve({
        bytes: new Uint8Array(Buffer.concat(chunks)),
        size: stream.truncated ? MAX_ATTACHMENT_BYTES + 1 : size,
      }),
    );
  });
}

/**
 * Reads the ticket form as it streams in, with busboy (which parses every file name a browser
 * sends, quoted or RFC 5987-encoded), never holding more than the limits in memory: the whole body
 * at most TICKET_FORM_BYTES, each file its limit plus one byte. An oversized file is reported by
 * name instead of failing the whole request, so the merchant keeps what they typed; one file more
 * than allowed is kept so the check can say "too many".
 */
export async function readTicketForm(request: Request) {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type))
    throw badRequest("The ticket form must be sent as multipart/form-data.");
  if (Number(request.headers.get("Content-Length") ?? 0) > TICKET_FORM_BYTES)
    throw payloadTooLarge(TICKET_FORM_BYTES);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8",
      limits: {
        fieldSize: MAX_TEXT_FIELD_BYTES,
        fields: 20,
        fileSize: MAX_ATTACHMENT_BYTES,
        files: MAX_ATTACHMENTS + 1,
      },
    });
  } catch {
    throw badRequest("The ticket form's multipart body has no boundary.");
  }
  const fields: Record<string, string> = {};
  const pending: Promise<UploadedFile | null>[] = [];
  parser.on("field", (name, value) => {
    fields[cleanText(name)] = cleanText(value);
  });
  parser.on("file", (_field, stream, info) => {
    // A file input left empty still sends a part, with an empty file name.
    const file = collect(stream).then((file) => (info.filename ? { name: info.filename, ...file } : null));
    // Awaited below, unless the body fails first and the whole form is refused.
    file.catch(() => undefined);
    pending.push(file);
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  parsed.catch(() => undefined);

  let size = 0;
  const reader = request.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    const chunk = next.value;
    size += chunk.byteLength;
    if (size > TICKET_FORM_BYTES) {
      parser.destroy();
      throw payloadTooLarge(TICKET_FORM_BYTES);
    }
    if (!parser.write(chunk)) await new Promise((resolve) => parser.once("drain", resolve));
  }
  parser.end();
  try {
    await parsed;
    const files = (await Promise.all(pending)).filter((file): file is UploadedFile => file !== null);
    return { fields, files };
  } catch {
    throw badRequest("The ticket form's multipart body is malformed.");
  }
}
