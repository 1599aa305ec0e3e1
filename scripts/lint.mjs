#!/usr/bin/env node
// Project lint rules that a formatter does not cover. Run by `npm run check`
// after the type-check. Prints one line per finding; exits 1 if any.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const findings = [];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|mjs|js)$/.test(name)) out.push(path);
  }
  return out;
}

const rules = [
  // The hot path (the core and the H extension) never uses BigInt (DEVELOPERS.md "Speed is a feature").
  {
    dirs: ["src/rv64", "src/h-extension", "src/sbi", "firmware"],
    re: /\bBigInt\b|\b\d+n\b/,
    why: "BigInt in the emulator core or the hypervisor",
  },
  // The statement alone on its line (the word "debugger" is the gdb stub's vocabulary).
  { dirs: ["src"], re: /^\s*debugger\s*;?\s*$/, why: "debugger statement" },
  {
    dirs: ["src/rv64", "src/h-extension", "src/devices", "src/sbi", "src/machine", "firmware"],
    re: /\bconsole\.(log|debug)\b/,
    why: "console logging in the library",
  },
  // The same library runs in Node and in a browser's worker (web/): what is
  // Node's alone stays behind src/platform/ (docs/architecture.md "Node and the browser").
  {
    dirs: ["src/rv64", "src/h-extension", "src/jit", "src/devices", "src/sbi", "src/machine", "firmware"],
    re: /\bfrom "node:|\bprocess\.|\bBuffer\b|\bsetImmediate\b|\bNodeJS\./,
    why: "a Node-only API in the library (use src/platform/)",
  },
];

const trees = ["src", "firmware", "test", "scripts", "web"].map((d) => walk(join(root, d), []));
for (const file of trees.flat()) {
  const rel = relative(root, file);
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  if (!text.endsWith("\n")) findings.push(`${rel}: no newline at end of file`);
  lines.forEach((line, i) => {
    const where = `${rel}:${i + 1}`;
    if (/\s+$/.test(line)) findings.push(`${where}: trailing whitespace`);
    if (/\t/.test(line)) findings.push(`${where}: tab character`);
    const code = line.replace(/\/\/.*$/, "");
    for (const rule of rules) {
      if (rule.dirs.some((d) => rel.startsWith(d + "/")) && rule.re.test(code)) findings.push(`${where}: ${rule.why}`);
    }
  });
}

for (const f of findings) console.log(f);
if (findings.length > 0) {
  console.log(`lint: ${findings.length} finding(s)`);
  process.exit(1);
}
console.log("lint: clean");
