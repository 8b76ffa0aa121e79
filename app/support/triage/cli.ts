/**
 * `npm run --silent classify`: JSON Lines in ({"text": "...", "locale": "it"}), JSON Lines out, one
 * output line per input line in order. Bad lines get {"error": "..."} and the run goes on; exit code 0.
 * Streams: memory stays bounded however large stdin is.
 */
import { once } from "node:events";
import { LOCALES, type Locale } from "../../i18n/locales";
import { classify, MAX_TEXT_LENGTH, TriageInputError } from "./index";

/** A JSON line can escape each character as \uXXXX, so allow six times the text limit plus room for keys. */
const MAX_LINE_LENGTH = 6 * MAX_TEXT_LENGTH + 1_000;

function localeOf(value: unknown): Locale | undefined {
  if (typeof value !== "string") return undefined;
  // Accept admin-style locales such as "it-IT"; anything else is ignored (the text's language decides).
  const base = value.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : undefined;
}

function classifyLine(line: string): object {
  if (line.trim() === "") return { error: 'blank line: expected a JSON object such as {"text": "..."}' };
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: "not valid JSON" };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { error: 'expected a JSON object such as {"text": "..."}' };
  }
  const { text, locale } = input as Record<string, unknown>;
  if (typeof text !== "string") return { error: 'missing "text" (a string)' };
  if (locale !== undefined && typeof locale !== "string") return { error: '"locale" must be a string' };
  try {
    return classify(text, localeOf(locale));
  } catch (error) {
    if (error instanceof TriageInputError) return { error: error.message };
    throw error;
  }
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

async function main(): Promise<void> {
  // A reader downstream that stops early (e.g. `| head`) is not an error.
  process.stdout.on("error", () => process.exit(0));
  process.stdin.setEncoding("utf8");

  let line = "";
  let overlong = false;
  const finishLine = async () => {
    const result = overlong
      ? { error: `line is longer than ${MAX_LINE_LENGTH.toLocaleString("en")} characters` }
      : classifyLine(line.endsWith("\r") ? line.slice(0, -1) : line);
    await write(`${JSON.stringify(result)}\n`);
    line = "";
    overlong = false;
  };

  let sawInput = false;
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    let from = 0;
    for (let newline = chunk.indexOf("\n"); newline !== -1; newline = chunk.indexOf("\n", from)) {
      append(chunk.slice(from, newline));
      await finishLine();
      from = newline + 1;
    }
    append(chunk.slice(from));
    sawInput = true;
  }
  // A last line without a trailing newline still counts; an empty final fragment does not.
  if (sawInput && (line !== "" || overlong)) await finishLine();

  function append(piece: string) {
    if (overlong) return;
    if (line.length + piece.length > MAX_LINE_LENGTH) {
      overlong = true;
      line = "";
    } else {
      line += piece;
    }
  }
}

await main();
