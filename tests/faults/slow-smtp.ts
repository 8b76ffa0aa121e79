import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SlowSmtp {
  url: string;
  /** The Message-ID of every message accepted, in order, duplicates included. */
  accepted: string[];
  close(): Promise<void>;
}

/** A local SMTP server that takes `delayMs` to accept each message, as a mail provider over the internet does. */
export async function slowSmtpServer(delayMs: number): Promise<SlowSmtp> {
  const accepted: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 1_000,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4_096) head += chunk.toString("latin1");
      });
      stream.on("end", () =>
        setTimeout(() => {
          accepted.push(/^message-id: *(\S+)/im.exec(head)?.[1] ?? "");
          callback();
        }, delayMs),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
