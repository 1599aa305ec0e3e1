// What the commit log shows of each instruction besides its pc and bits,
// by mnemonic, as Spike's --log-commits sees it (riscv-isa-sim: WRITE_RD /
// WRITE_FRD in riscv/decode_macros.h, mmu_t's load/store logging in
// riscv/mmu.h and mmu.cc, the CSR classes of riscv/csrs.cc). The tracer
// (tracer.ts) reads these facts around the unchanged handlers: no handler
// knows it is traced. The gdb stub's watchpoints take the memory access from
// here too (src/gdb/memory-operand.ts).
import type { Format } from "../rv64/decode/insn-def.js";
import { allInstructions } from "../rv64/decode/table.js";
import { rv64d } from "../rv64/exec/d.js";
import { rv64f } from "../rv64/exec/f.js";
import { rv64zfa } from "../rv64/exec/zfa.js";
import { rv64zfh } from "../rv64/exec/zfh.js";

/** The register an instruction writes: none, x[rd] (x0 is never shown) or f[rd]. */
export const RD_NONE = 0;
export const RD_X = 1;
export const RD_F = 2;

/** Its memory access, at rs1 + imm (imm is 0 for A, HLV/HSV). */
export const MEM_NONE = 0;
export const MEM_LOAD = 1; // " mem ADDR"
export const MEM_STORE = 2; // " mem ADDR VALUE", VALUE from x[rs2] (or f[rs2]: storeFromF)
export const MEM_STORE_CONDITIONAL = 3; // SC: the store line only when rd reads 0 (success)
export const MEM_AMO = 4; // a load line, then a store line of op(old, x[rs2])
export const MEM_ZERO_BLOCK = 5; // CBO.ZERO: Spike stores the 64-byte block a byte at a time

/** The CSRs it writes (beyond what the FP and CSR rules in tracer.ts find). */
export const CSRS_NONE = 0;
export const CSRS_CSR_INSN = 1; // Zicsr: the named CSR, as LOGGED_AS says
export const CSRS_MRET = 2;
export const CSRS_SRET = 3;

export interface InsnEffect {
  rd: number;
  mem: number;
  /** Access width in bytes (for a store, the width of the value shown). */
  width: number;
  storeFromF: boolean;
  /** An F/D/Zfh/Zfa instruction: shows fflags when it raises flags, mstatus when it dirties FS. */
  fp: boolean;
  csrs: number;
  /** MEM_AMO: the value stored, from the old memory value and x[rs2] (both already cut to the width). */
  amo: ((old: bigint, src: bigint, bits: number) => bigint) | null;
}

const LOADS: Record<string, number> = {
  lb: 1, lbu: 1, lh: 2, lhu: 2, lw: 4, lwu: 4, ld: 8,
  flh: 2, flw: 4, fld: 8,
  "lr.w": 4, "lr.d": 8,
  "hlv.b": 1, "hlv.bu": 1, "hlv.h": 2, "hlv.hu": 2, "hlvx.hu": 2, "hlv.w": 4, "hlv.wu": 4, "hlvx.wu": 4, "hlv.d": 8,
}; // prettier-ignore

const STORES: Record<string, number> = {
  sb: 1, sh: 2, sw: 4, sd: 8,
  fsh: 2, fsw: 4, fsd: 8,
  "hsv.b": 1, "hsv.h": 2, "hsv.w": 4, "hsv.d": 8,
}; // prettier-ignore

const signed = (v: bigint, bits: number): bigint => BigInt.asIntN(bits, v);

/** Unpriv §14.4: the AMO operations, by the mnemonic's middle part. */
const AMO_OPS: Record<string, (old: bigint, src: bigint, bits: number) => bigint> = {
  swap: (_old, src) => src,
  add: (old, src) => old + src,
  xor: (old, src) => old ^ src,
  and: (old, src) => old & src,
  or: (old, src) => old | src,
  min: (old, src, bits) => (signed(old, bits) < signed(src, bits) ? old : src),
  max: (old, src, bits) => (signed(old, bits) > signed(src, bits) ? old : src),
  minu: (old, src) => (old < src ? old : src),
  maxu: (old, src) => (old > src ? old : src),
};

/** Formats whose rd field is a destination (stores, branches and NONE have none). */
const WRITES_RD: ReadonlySet<Format> = new Set<Format>(["R", "R4", "I", "U", "J", "SHAMT", "CSR"]);

const NO_EFFECT: InsnEffect = {
  rd: RD_NONE,
  mem: MEM_NONE,
  width: 0,
  storeFromF: false,
  fp: false,
  csrs: CSRS_NONE,
  amo: null,
};

let effects: Map<string, InsnEffect> | null = null;
let builtFrom = 0;

function build(): Map<string, InsnEffect> {
  const fpNames = new Set([...rv64f, ...rv64d, ...rv64zfh, ...rv64zfa].map((def) => def.name));
  const out = new Map<string, InsnEffect>();
  for (const def of allInstructions) {
    const name = def.name;
    const effect: InsnEffect = { ...NO_EFFECT };
    if (WRITES_RD.has(def.format)) effect.rd = def.fpRd === true ? RD_F : RD_X;
    effect.fp = fpNames.has(name);
    const amo = /^amo([a-z]+)\.([wd])$/.exec(name);
    if (name in LOADS) {
      effect.mem = MEM_LOAD;
      effect.width = LOADS[name];
    } else if (name in STORES) {
      effect.mem = MEM_STORE;
      effect.width = STORES[name];
      effect.storeFromF = name.startsWith("f");
    } else if (name === "sc.w" || name === "sc.d") {
      effect.mem = MEM_STORE_CONDITIONAL;
      effect.width = name === "sc.w" ? 4 : 8;
    } else if (amo !== null) {
      effect.mem = MEM_AMO;
      effect.width = amo[2] === "w" ? 4 : 8;
      effect.amo = AMO_OPS[amo[1]];
      if (effect.amo === undefined) throw new Error(`trace: no operation for ${name}`);
    } else if (name === "cbo.zero") {
      effect.mem = MEM_ZERO_BLOCK;
      effect.width = 1;
    }
    if (def.format === "CSR") effect.csrs = CSRS_CSR_INSN;
    else if (name === "mret") effect.csrs = CSRS_MRET;
    else if (name === "sret") effect.csrs = CSRS_SRET;
    out.set(name, effect);
  }
  return out;
}

/** The effect of the instruction named `name` (the decoder's mnemonic); illegal encodings have none. */
export function insnEffect(name: string): InsnEffect {
  // The hypervisor extension adds its rows when it is loaded: rebuild then.
  if (effects === null || builtFrom !== allInstructions.length) {
    effects = build();
    builtFrom = allInstructions.length;
  }
  return effects.get(name) ?? NO_EFFECT;
}
