/**
 * `npm run preview`: builds the app, prepares the SQLite database, seeds the demo shops and serves
 * the app as Shopify admin would show it, offline, at http://localhost:$PORT/.
 */
import { execFileSync } from "node:child_process";
import { previewEnvironment } from "./environment";

const port = Number(process.env.PORT || 3000);
const smtpPort = Number(process.env.PREVIEW_SMTP_PORT || 2525);
Object.assign(process.env, previewEnvironment(port, smtpPort, process.env.DATABASE_URL || undefined));

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: "inherit", env: process.env });
if (!process.argv.includes("--no-build")) run("npm", ["run", "build"]);
run("npx", ["prisma", "migrate", "deploy"]);

const { createDb } = await import("~/db.server");
const { seedDemoShops, seedDemoTickets } = await import("./seed");
const { seedDemoAgent, DEMO_AGENT } = await import("./demo-agent");
const db = createDb(process.env.DATABASE_URL!);
await seedDemoShops(db);
await seedDemoAgent(db);
await seedDemoTickets(db);
await db.$disconnect();

// The sink is up before the app, whose outbox worker starts sending as soon as the server starts.
const { startSmtpSink } = await import("./smtp-sink");
const mailbox = await startSmtpSink(smtpPort);
const { startPreviewServer } = await import("./server");
await startPreviewServer(port, mailbox);
console.log(`\nSPL Support preview: open http://localhost:${port}/ (demo shop: demo-shop.myshopify.com)`);
console.log(
  `Agent console: http://localhost:${port}/agent (sign in as ${DEMO_AGENT.email} / ${DEMO_AGENT.password})`,
);
console.log(
  `Emails the app sends (SMTP sink on 127.0.0.1:${smtpPort}): http://localhost:${port}/preview/mailbox`,
);
