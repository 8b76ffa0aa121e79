import net from "node:net";
import Database from "better-sqlite3";
import { sqliteFilename } from "~/db-url";

/**
 * A database fault a test can switch on and off, for a client that connects to `url`:
 * - PostgreSQL through a TCP proxy: "partition" holds every byte both ways (as a network that drops
 *   packets: nothing answers, nothing closes), "stop" cuts every connection and refuses new ones;
 * - SQLite: another connection holds the write lock, as a stuck process or a backup would.
 */
export interface Outage {
  url: string;
  cut(): Promise<void>;
  heal(): Promise<void>;
  close(): Promise<void>;
}

export type PostgresFault = "partition" | "stop";

export async function postgresOutage(serverUrl: string, fault: PostgresFault): Promise<Outage> {
  const upstream = new URL(serverUrl);
  const pairs = new Set<[net.Socket, net.Socket]>();
  let down = false;
  const proxy = net.createServer((client) => {
    client.on("error", () => {});
    if (down && fault === "stop") return void client.destroy();
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    server.on("error", () => client.destroy());
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
    client.pipe(server);
    server.pipe(client);
    const pair: [net.Socket, net.Socket] = [client, server];
    pairs.add(pair);
    client.on("close", () => pairs.delete(pair));
    if (down) for (const socket of pair) socket.pause();
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const url = new URL(serverUrl);
  url.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    async cut() {
      down = true;
      for (const pair of pairs) {
        if (fault === "stop") pair[0].destroy();
        else for (const socket of pair) socket.pause();
      }
    },
    async heal() {
      down = false;
      for (const pair of pairs) for (const socket of pair) socket.resume();
    },
    async close() {
      for (const [client] of pairs) client.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

export async function sqliteOutage(url: string): Promise<Outage> {
  const file = sqliteFilename(url, "prisma");
  let holder: Database.Database | undefined;
  return {
    url,
    async cut() {
      // A short wait of its own: better-sqlite3's default (5 s) would stall the test's own process.
      holder = new Database(file, { timeout: 1_000 });
      holder.prepare("BEGIN IMMEDIATE").run();
    },
    async heal() {
      holder?.prepare("ROLLBACK").run();
      holder?.close();
      holder = undefined;
    },
    async close() {
      holder?.close();
    },
  };
}

/** `work`, or a failure naming what did not answer within `ms`: a hang fails the test instead of stalling it. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
