#!/usr/bin/env node
// Launcher for the rvhv command. The command itself is bundled into dist/ by
// scripts/build.mjs, which `npm install`/`npm ci` run (the prepare script).
import { existsSync } from "node:fs";

/** sysexits.h EX_SOFTWARE: rvhv itself failed (a bug, or the host ran out of memory). */
const EXIT_INTERNAL = 70;
/** What a shell reports for a command killed by SIGPIPE (128 + 13), which Node ignores. */
const EXIT_BROKEN_PIPE = 141;

const args = process.argv.slice(2);
const end = args.includes("--") ? args.indexOf("--") : args.length;
const verbose = args.slice(0, end).includes("--verbose");

/**
 * The one place an unexpected error ends up (a failed RAM allocation, a
 * RangeError, a bug): one line, status 70; the stack with --verbose. Errors
 * a user can act on never get here; the commands print those themselves.
 */
function internalError(error) {
  // The reader of our output went away (rvhv ... | head): end quietly, as SIGPIPE would.
  if (error?.code === "EPIPE") process.exit(EXIT_BROKEN_PIPE);
  const message = error instanceof Error ? error.message : String(error);
  if (verbose) {
    process.stderr.write(`rvhv: internal error: ${error instanceof Error && error.stack ? error.stack : message}\n`);
  } else {
    const line = message.split("\n")[0];
    process.stderr.write(`rvhv: internal error: ${line} (run with --verbose for the stack)\n`);
  }
  process.exit(EXIT_INTERNAL);
}
// Errors thrown from callbacks (console input, timers) reach these, not the try below.
process.on("uncaughtException", internalError);
process.on("unhandledRejection", internalError);

const bundle = new URL("../dist/rvhv.js", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("rvhv: the built command (dist/rvhv.js) is missing; run: npm run build\n");
  process.exit(2);
}
try {
  const { main } = await import(bundle.href);
  process.exitCode = await main(args);
} catch (e) {
  internalError(e);
}
