import net from "node:net";

export interface LoadResult {
  /** Requests that got a whole answer. */
  answered: number;
  /** Answers that told the client to close its connection. */
  toldToClose: number;
  /** Requests sent and then cut without an answer (reset, hang-up): what a graceful stop must never do. */
  cut: number;
  /**
   * New connections refused once the server stopped listening, or reset unanswered before the server
   * accepted them (they were in the listen backlog as it closed): the app never saw their request, and
   * a load balancer retries them on another process.
   */
  refused: number;
  statuses: Record<number, number>;
}

/** One keep-alive HTTP/1.1 connection, spoken over a plain socket so that no HTTP client library pools or retries. */
class Connection {
  private buffer = Buffer.alloc(0);
  private waiting?: (chunk: "closed" | Buffer) => void;
  closed = false;
  /** Answers received on this connection: any means the server accepted it. */
  served = 0;

  private constructor(private socket: net.Socket) {
    socket.on("data", (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.(chunk);
    });
    socket.on("close", () => {
      this.closed = true;
      this.waiting?.("closed");
    });
    socket.on("error", () => {});
  }

  static open(port: number): Promise<Connection | undefined> {
    return new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(new Connection(socket)));
      socket.once("error", () => resolve(undefined));
    });
  }

  private more(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => (this.waiting = (chunk) => resolve(chunk !== "closed")));
  }

  /** The answer's status and whether it asked to close, or undefined if the connection ended first. */
  async get(path: string, headers = ""): Promise<{ status: number; close: boolean } | undefined> {
    if (this.closed) return undefined;
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n${headers}\r\n`);
    let end: number;
    while ((end = this.buffer.indexOf("\r\n\r\n")) < 0) if (!(await this.more())) return undefined;
    const head = this.buffer.subarray(0, end).toString("latin1");
    this.buffer = this.buffer.subarray(end + 4);
    if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      // Chunks until the empty one (streamed pages and data): each is its size in hex, CRLF, data, CRLF.
      for (;;) {
        let line: number;
        while ((line = this.buffer.indexOf("\r\n")) < 0) if (!(await this.more())) return undefined;
        const size = parseInt(this.buffer.subarray(0, line).toString("latin1"), 16);
        while (this.buffer.length < line + 2 + size + 2) if (!(await this.more())) return undefined;
        this.buffer = this.buffer.subarray(line + 2 + size + 2);
        if (size === 0) break;
      }
    } else {
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      while (this.buffer.length < length) if (!(await this.more())) return undefined;
      this.buffer = this.buffer.subarray(length);
    }
    this.served += 1;
    return { status: Number(head.split(" ")[1]), close: /\r\nconnection: *close/i.test(head) };
  }

  destroy() {
    this.socket.destroy();
  }
}

/**
 * `clients` clients, each sending `GET path` on its own keep-alive connection one request after the
 * other until `until` resolves, opening a new connection when told to close; a client whose new
 * connection is refused stops.
 */
export async function keepAliveLoad(
  port: number,
  path: string,
  clients: number,
  until: Promise<unknown>,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const lines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  const result: LoadResult = { answered: 0, toldToClose: 0, cut: 0, refused: 0, statuses: {} };
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: clients }, async () => {
      let connection: Connection | undefined;
      while (!done) {
        if (!connection || connection.closed) {
          connection?.destroy();
          connection = await Connection.open(port);
          if (!connection) {
            result.refused += 1;
            return;
          }
        }
        const answer = await connection.get(path, lines);
        if (!answer) {
          if (connection.served === 0) result.refused += 1;
          else result.cut += 1;
          continue;
        }
        result.answered += 1;
        result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
        if (answer.close) {
          result.toldToClose += 1;
          connection.destroy();
          connection = undefined;
        }
      }
      connection?.destroy();
    }),
  );
  return result;
}
