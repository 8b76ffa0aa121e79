import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  receivedAt: string;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages(): ReceivedEmail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that accepts every message and keeps it in memory, for the
 * preview and the tests: the app talks SMTP to it exactly as it would to a mail provider.
 */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    // No TLS certificate and no accounts on loopback: plain SMTP, as SMTP_URL=smtp://127.0.0.1:… says.
    disabledCommands: ["STARTTLS", "AUTH"],
    size: 10 * 1024 * 1024,
    closeTimeout: 1_000,
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        received.push({
          receivedAt: new Date().toISOString(),
          ...envelope,
          ...parseMessage(Buffer.concat(chunks)),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages: () => [...received],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Enough MIME for the single-part text emails the app sends: headers, encoded words, body encoding. */
function parseMessage(raw: Buffer) {
  const source = raw.toString("latin1");
  const split = source.indexOf("\r\n\r\n");
  const head = split === -1 ? source : source.slice(0, split);
  const body = split === -1 ? "" : source.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return {
    messageId: headers.get("message-id") ?? "",
    subject: decodeWords(headers.get("subject") ?? ""),
    text: decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit")
      .replace(/\r\n/g, "\n")
      .trimEnd(),
  };
}

function decodeBody(body: string, encoding: string) {
  switch (encoding.toLowerCase()) {
    case "base64":
      return Buffer.from(body, "base64").toString("utf8");
    case "quoted-printable":
      return decodeHexBytes(body.replace(/=\r?\n/g, ""));
    default:
      return Buffer.from(body, "latin1").toString("utf8");
  }
}

/** RFC 2047 words such as =?UTF-8?Q?R=C3=A9ponse?= in headers. */
function decodeWords(value: string) {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_word, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeHexBytes(text.replace(/_/g, " ")),
    );
}

function decodeHexBytes(text: string) {
  const bytes = text.replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return Buffer.from(bytes, "latin1").toString("utf8");
}
