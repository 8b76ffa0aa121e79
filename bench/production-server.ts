import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createDb } from "~/db.server";
import { DEMO_SHOP } from "../preview/demo-shops";
import { previewEnvironment } from "../preview/environment";
import { freePort } from "../preview/process";
import { seedDemoShops } from "../preview/seed";
import { mintSessionToken } from "../preview/session-token";
import { startSmtpSink } from "../preview/smtp-sink";

/** utime + stime of a process, from /proc (Linux), in milliseconds (clock ticks are 1/100 s). */
function processCpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The built app as `npm start` serves it (server/start.mjs, its default number of processes), on
 * the given migrated database, with the demo shops installed, a local SMTP server for its outbox and
 * the Admin API answered at the network boundary. Session tokens are signed with its secret.
 */
export async function startProductionServer(databaseUrl: string) {
  const port = await freePort();
  const smtp = await startSmtpSink();
  const env = { ...process.env, ...previewEnvironment(port, smtp.port, databaseUrl) };
  const db = createDb(databaseUrl);
  await seedDemoShops(db);
  await db.$disconnect();
  const log: string[] = [];
  const child = spawn("node", ["--import", "./bench/admin-api-boundary.mjs", "server/start.mjs"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const listening = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${log.join("")}`)), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      const line = chunk.toString();
      if (!line.includes("listening")) return;
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.on("exit", (code) => reject(new Error(`The server exited with ${code}:\n${log.join("")}`)));
  });
  return {
    baseURL: `http://localhost:${port}`,
    /** CPU time (user + system) the server process has used so far, in milliseconds. */
    cpuMs: () => processCpuMs(child.pid!),
    description: listening,
    /** The server's process, for a benchmark that signals it and waits for its exit. */
    process: child,
    sessionToken: () => mintSessionToken(DEMO_SHOP.domain, env.SHOPIFY_API_KEY, env.SHOPIFY_API_SECRET),
    async stop() {
      child.removeAllListeners("exit");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await exited;
      await smtp.close();
    },
  };
}
