#!/usr/bin/env node
// Launcher for the rvhv command. The command itself is bundled into
// dist/rvhv.cjs by scripts/build.mjs, which `npm install`/`npm ci` run (the
// prepare script). The launcher compiles the bundle with a V8 code cache
// (below), which takes 30-40 ms off every start.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

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

/** Code caches kept per user; older ones beyond this many are deleted. */
const CODE_CACHES_KEPT = 8;

/**
 * The bundle compiled as Node compiles a CommonJS module, with V8's code
 * cache: bytecode for every function a previous run of the same command
 * compiled, so this run neither parses the bundle nor compiles them lazily.
 * The cache lives in ${XDG_CACHE_HOME:-~/.cache}/rvhv/code/, keyed by the
 * bundle's bytes, the command and Node's version (V8 rejects a cache from
 * other flags by itself). Returns the module's exports and a function that
 * writes the cache after the run when there was none. A cache that cannot
 * be read or written is only slower: the command runs the same.
 */
function loadBundle(path, command) {
  const source = readFileSync(path, "utf8");
  const key = createHash("sha256").update(source).digest("hex").slice(0, 16);
  let dir = null;
  let cachedData;
  try {
    dir = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "rvhv", "code");
    cachedData = readFileSync(join(dir, cacheName(key, command)));
  } catch {
    cachedData = undefined;
  }
  // Node's CommonJS wrapper, on the bundle's first line so that stack lines keep their numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: path, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path));
  const saveCache = () => {
    if (dir === null || (cachedData !== undefined && !script.cachedDataRejected)) return;
    try {
      mkdirSync(dir, { recursive: true });
      const cacheFile = join(dir, cacheName(key, command));
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
      const stale = readdirSync(dir)
        .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime)
        .slice(CODE_CACHES_KEPT);
      for (const { name } of stale) rmSync(join(dir, name), { force: true });
    } catch {
      // Read-only or full: the next run compiles the bundle again.
    }
  };
  return { exports: module.exports, saveCache };
}

/** A code cache's file name: the bundle's key, the command, and the Node that made it. */
function cacheName(key, command) {
  return `${key}-${command}-${process.version}-${process.arch}.bin`;
}

const bundle = fileURLToPath(new URL("../dist/rvhv.cjs", import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write("rvhv: the built command (dist/rvhv.cjs) is missing; run: npm run build\n");
  process.exit(2);
}
try {
  const command = /^[a-z]+$/.test(args[0] ?? "") ? args[0] : "other";
  const { exports, saveCache } = loadBundle(bundle, command);
  process.exitCode = await exports.main(args);
  saveCache();
} catch (e) {
  internalError(e);
}
