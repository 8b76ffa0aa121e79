/**
 * Creates an agent account in the database DATABASE_URL names (checked as the server checks it):
 *   npm run agent:create -- --email ana@spl.example --name "Ana" --role admin
 * The password is asked for with hidden input on a terminal, or read from the first line of stdin
 * when piped. It is never accepted on the command line, where shell history and `ps` would keep it.
 */
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "~/config.server";
import { createDb } from "~/db.server";
import { createAgent } from "./agents.server";
import { passwordProblem } from "./password.server";

function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (outcome: () => void) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stdout.write("\n");
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish(() => resolve(value));
        if (char === "\u0003" || char === "\u0004") return finish(() => reject(new Error("Cancelled.")));
        value = char === "\u007f" || char === "\b" ? value.slice(0, -1) : value + char;
      }
    };
    input.on("data", onData);
  });
}

async function readFirstLine(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const password = await promptHidden("Password: ");
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  if ((await promptHidden("Repeat the password: ")) !== password)
    throw new Error("The passwords do not match.");
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "agent" },
    },
    strict: true,
  });
  if (!values.email || !values.name) {
    throw new Error(
      'Usage: npm run agent:create -- --email <email> --name "<name>" [--role agent|admin] (password from a prompt or stdin)',
    );
  }
  const database = parseDatabaseUrl(process.env);
  if (!database.ok) throw new Error(database.message);
  const password = await readPassword();
  const db = createDb(database.url);
  try {
    const result = await createAgent(db, {
      email: values.email,
      name: values.name,
      role: values.role ?? "agent",
      password,
    });
    if (!result.ok) throw new Error(result.problem);
    console.log(`Created ${values.role} ${values.email.toLowerCase()}.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
