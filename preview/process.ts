import { spawn } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port")),
      );
    });
  });
}

/**
 * Starts the offline preview of the already built app in its own process, on a free port and the
 * given database, for the end-to-end tests and the benchmarks. Resolves once it serves.
 */
export async function startPreviewProcess(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn("npx", ["tsx", "preview/run.ts", "--no-build"], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      PREVIEW_SMTP_PORT: String(await freePort()),
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The preview did not start:\n${log.join("")}`)), 120_000);
    child.stdout.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      if (chunk.toString().includes("SPL Support preview:")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.on("exit", (code) => reject(new Error(`The preview exited with ${code}:\n${log.join("")}`)));
  });
  return {
    baseURL: `http://localhost:${port}`,
    stop() {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    },
  };
}
