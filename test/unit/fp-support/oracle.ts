// Builds the hardware oracle (oracle.c) with the host gcc into a cache
// directory outside the repository, and evaluates batches of requests on it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Operation codes shared with oracle.c. */
export const Op = {
  ADD: 0,
  SUB: 1,
  MUL: 2,
  DIV: 3,
  SQRT: 4,
  FMADD: 5,
  FMSUB: 6,
  FNMSUB: 7,
  FNMADD: 8,
  TO_W: 9,
  TO_WU: 10,
  TO_L: 11,
  TO_LU: 12,
  FROM_W: 13,
  FROM_WU: 14,
  FROM_L: 15,
  FROM_LU: 16,
  /** fcvt.s.d when the format is D, fcvt.d.s when it is S. */
  TO_OTHER: 17,
} as const;

export interface Request {
  op: number;
  /** 0 single, 1 double: the format of the operands (the source, for conversions). */
  fmt: number;
  /** 0..3: RNE RTZ RDN RUP (x86 has no RMM). */
  rm: number;
  a: bigint;
  b: bigint;
  c: bigint;
}

export interface Response {
  result: bigint;
  flags: number;
}

const source = fileURLToPath(new URL("./oracle.c", import.meta.url));
let binary: string | null = null;

/** Path of the compiled oracle, building it on first use (cached by source hash). */
export function oracleBinary(): string {
  if (binary !== null) return binary;
  const text = readFileSync(source);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), "rvhv-fp-oracle");
  const path = join(dir, `oracle-${hash}`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}`;
    // -march=native: the host's FMA and conversion instructions; -frounding-math
    // and -fsignaling-nans keep gcc from folding or moving FP operations.
    const cc = spawnSync(
      "gcc",
      [
        "-O2",
        "-march=native",
        "-frounding-math",
        "-fsignaling-nans",
        "-fno-math-errno",
        "-ffp-contract=off",
        "-o",
        tmp,
        source,
        "-lm",
      ],
      { encoding: "utf8" },
    );
    if (cc.error !== undefined || cc.status !== 0) {
      throw new Error(`fp oracle: gcc failed: ${cc.error?.message ?? cc.stderr}`);
    }
    renameSync(tmp, path);
  }
  binary = path;
  return path;
}

/** Evaluates requests on the oracle, in order. */
export function runOracle(requests: readonly Request[]): Response[] {
  const input = Buffer.alloc(32 * requests.length);
  requests.forEach((q, i) => {
    input.writeUInt32LE(q.op | (q.fmt << 8), 32 * i);
    input.writeUInt32LE(q.rm, 32 * i + 4);
    input.writeBigUInt64LE(BigInt.asUintN(64, q.a), 32 * i + 8);
    input.writeBigUInt64LE(BigInt.asUintN(64, q.b), 32 * i + 16);
    input.writeBigUInt64LE(BigInt.asUintN(64, q.c), 32 * i + 24);
  });
  const run = spawnSync(oracleBinary(), [], { input, maxBuffer: 1 << 30 });
  if (run.error !== undefined || run.status !== 0) {
    throw new Error(`fp oracle failed: ${run.error?.message ?? run.stderr.toString()}`);
  }
  const out = run.stdout;
  if (out.length !== 16 * requests.length) throw new Error(`fp oracle: short output (${out.length} bytes)`);
  return requests.map((_, i) => ({ result: out.readBigUInt64LE(16 * i), flags: out.readUInt32LE(16 * i + 8) }));
}
