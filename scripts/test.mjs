#!/usr/bin/env node
// `npm test`: unit tests (vitest), then our assembly suites (test/isa,
// test/hyp) built with Debian's riscv64-unknown-elf-gcc and run through
// `rvhv test`, with the translation engine and without (--no-jit). Ends
// with one summary line "N passed, N failed, N skipped" over everything that
// ran (a skipped test is one vitest reports as such; nothing skips silently).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
mkdirSync("build", { recursive: true });

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, {
    stdio: opts.capture ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (opts.capture && res.stdout) process.stdout.write(res.stdout);
  if (res.error) throw res.error;
  return res;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

// 1. Type-check and lint (npm run check) count as one test.
if (run("npm", ["run", "--silent", "check"]).status === 0) passed += 1;
else failed += 1;

// 2. The CLI bundle the assembly suites run through, and the web page the
// browser test loads (built here, so that no test's `rvhv web` rebuilds it
// while another's browser reads it).
if (run("node", ["scripts/build.mjs"]).status !== 0) broken = true;
if (run("node", ["scripts/build-web.mjs"]).status !== 0) broken = true;

// 3. Unit tests.
const vitestJson = join("build", "vitest.json");
const unit = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
try {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (unit.status !== 0 && report.numFailedTests === 0) failed += 1; // a suite that failed to load
  // Every skip is named (its title says what it needs); in CI, where .ci/run
  // installs everything, a skip is a failure.
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "pending" && test.status !== "skipped" && test.status !== "todo") continue;
      const what =
        test.status === "todo" ? "not written yet" : "a tool is missing (see the title; .ci/run installs it)";
      console.log(`SKIPPED (${what}): ${test.fullName}`);
      if (process.env.CI === "true") {
        skipped--;
        failed++;
      }
    }
  }
} catch {
  console.error("rvhv: vitest produced no report");
  broken = true;
}

// 4. Our assembly suites: the ISA tests and the hypervisor-extension tests.
const suites = ["isa", "hyp"];
const built = suites.every((suite) => run("node", ["scripts/build-asm-tests.mjs", suite]).status === 0);
if (!built) {
  broken = true;
} else {
  // Once with the translation engine compiling every block on arrival, and
  // once interpreting only.
  for (const engine of [["--jit-threshold", "1"], ["--no-jit"]]) {
    const dirs = suites.map((s) => `build/${s}`);
    const asm = run("node", ["bin/rvhv.js", "test", ...engine, ...dirs], { capture: true });
    const m = /(\d+) passed, (\d+) failed\s*$/.exec(asm.stdout ?? "");
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    } else {
      console.error("rvhv: the assembly test run printed no summary");
      broken = true;
    }
  }
}

if (broken) failed += 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
