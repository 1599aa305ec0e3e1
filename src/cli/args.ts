// Command-line parsing on node:util parseArgs, with rvhv's one-line messages
// for mistakes (parseArgs' own strict-mode messages run to several lines).
import { parseArgs } from "node:util";

/** A mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface OptionSpec {
  [name: string]: { type: "string" | "boolean"; short?: string };
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `args` against `spec`; unknown options and missing or stray values are UsageErrors. */
export function parseCommandArgs(args: string[], spec: OptionSpec): ParsedArgs {
  const { values, positionals, tokens } = parseArgs({
    args,
    options: spec,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const def = spec[t.name];
    if (def === undefined) throw new UsageError(`unknown option ${t.rawName}`);
    if (def.type === "string" && t.value === undefined) throw new UsageError(`option ${t.rawName} needs a value`);
    if (def.type === "boolean" && t.value !== undefined) throw new UsageError(`option ${t.rawName} takes no value`);
  }
  return { values, positionals };
}

/** A whole number option value in [min, max], or `fallback` when the option is absent. */
export function integerOption(
  values: ParsedArgs["values"],
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const text = String(raw).replaceAll("_", "");
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}
