// The random-program generator: RV64GC + Zba/Zbb/Zbs (+ optionally Zbc,
// Zbkb, Zbkx) + F/D programs with privileged sequences, as assembly for the
// harness in harness.ts. A program is a pure function of its seed.
//
// A program is a list of items. An item is one instruction or a sequence
// that only makes sense whole (a bounded loop, an LR/SC pair, a mode switch,
// a satp write with its fence); the minimiser drops whole items. Forward
// branches and jumps are items that name a label item further on; a branch
// whose label was dropped is dropped with it.
//
// What every program obeys, so that its result is defined by the spec and
// the harness survives it:
//   - x2 (sp) points into the data area and is never written; every load,
//     store and AMO address is sp plus an offset kept inside the data area;
//   - branches and jumps go forward, loops run a fixed count, so it ends;
//   - it never writes mscratch, sscratch, vsscratch, the trap vectors,
//     the delegation registers or PMP (the harness owns them); of the
//     interrupt CSRs only the software-interrupt bits (SSIP, VSSIP and their
//     enables); and only legal values to WARL fields;
//   - it never reads cycle/time/instret into a register (their values are
//     the implementation's), and never executes WFI;
//   - it steers clear of what QEMU 7.2 is known to get wrong where that is
//     cheap (each place cites docs/qemu-differences.md);
//   - LR is always followed by an SC to the same address with no memory
//     access or trap in between (what happens to a reservation across a
//     store or trap is the implementation's choice, Unpriv §14.2/Priv §3.3.2);
//   - every satp/vsatp/hgatp write is followed by its fence (a stale TLB is
//     the implementation's business), and page tables are never written.
import type { Item } from "./program.js";
import { Prng } from "./prng.js";
import { fpBitsAsInt, fpValue, intValue } from "./values.js";
import { DATA_BASE, DATA_SIZE, DATA_SP } from "./layout.js";
import { gTableRoot, S_TABLES, sTableRoot, type GTable, type STable } from "./harness.js";
import type { Program } from "./program.js";

export interface GenOptions {
  /** Zbc, Zbkb and Zbkx instructions (QEMU needs zbkb=true,zbkx=true). */
  crypto?: boolean;
  /** Privileged sequences (default true). */
  privileged?: boolean;
  /** Items per program: [min, max]. */
  length?: readonly [number, number];
}

export type Mode = "M" | "HS" | "U" | "VS" | "VU";

// Priv §3.1.6, §4.1.1, §9.2.1: status bits programs set and clear.
const ST = {
  SIE: 1n << 1n,
  MIE: 1n << 3n,
  SPIE: 1n << 5n,
  MPIE: 1n << 7n,
  SPP: 1n << 8n,
  MPP: 3n << 11n,
  FS: 3n << 13n,
  MPRV: 1n << 17n,
  SUM: 1n << 18n,
  MXR: 1n << 19n,
  TVM: 1n << 20n,
  TW: 1n << 21n,
  TSR: 1n << 22n,
  MPV: 1n << 39n,
};
const HS = {
  GVA: 1n << 6n,
  SPV: 1n << 7n,
  SPVP: 1n << 8n,
  HU: 1n << 9n,
  VTVM: 1n << 20n,
  VTSR: 1n << 22n,
};

/** Exceptions a program may delegate (never the ECALLs: an ECALL always means "back to M"). Priv §3.1.8, §9.4.2. */
const DELEGABLE_M = [2, 3, 4, 5, 6, 7, 12, 13, 15, 20, 21, 22, 23];
/** hedeleg: bits 20-23 and 10 are read-only zero (Priv §9.4.2). */
const DELEGABLE_H = [2, 3, 4, 5, 6, 7, 12, 13, 15];

const INT_REGS = [1, ...Array.from({ length: 29 }, (_, i) => i + 3)]; // every x but x0 and sp
const RVC_REGS = [8, 9, 10, 11, 12, 13, 14, 15];

const x = (n: number) => `x${n}`;
const f = (n: number) => `f${n}`;
const hex = (v: bigint) => `0x${BigInt.asUintN(64, v).toString(16)}`;

/** Cause values programs may write to xcause (WLRL: only legal values). */
const CAUSES: readonly bigint[] = [
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 20, 21, 22, 23].map(BigInt),
  ...[1, 3, 5, 7, 9, 11].map((n) => (1n << 63n) | BigInt(n)),
];

const RMS = ["rne", "rtz", "rdn", "rup", "rmm", "dyn"];

class Gen {
  readonly rng: Prng;
  readonly items: Item[] = [];
  private labelCount = 0;
  private pending: { label: string; left: number }[] = [];
  private hotX: number[];
  private hotF: number[];
  /** The generator's view of the hart, used to keep programs sensible (not needed for their safety). */
  mode: Mode = "M";
  satp: STable | "off" = "off";
  vsatp: STable | "off" = "off";
  hgatp: GTable | "off" = "off";
  /** Registers no instruction may write (a loop counter while its body is generated). */
  private avoid: number[] = [];

  constructor(
    seed: number,
    readonly opts: GenOptions,
    readonly medeleg: bigint,
    readonly hedeleg: bigint,
  ) {
    this.rng = new Prng(seed ^ 0x51ed2701);
    const r = this.rng;
    this.hotX = Array.from({ length: r.range(5, 10) }, () => r.pick(INT_REGS));
    this.hotF = Array.from({ length: r.range(4, 9) }, () => r.below(32));
  }

  label(): string {
    return `%L${this.labelCount++}`;
  }

  // ---- operands ------------------------------------------------------------

  rd(): number {
    const r = this.rng;
    for (;;) {
      const d = r.chance(0.03) ? 0 : r.chance(0.8) ? r.pick(this.hotX) : r.pick(INT_REGS);
      if (!this.avoid.includes(d)) return d;
    }
  }
  rs(): number {
    const r = this.rng;
    return r.chance(0.05) ? 0 : r.chance(0.8) ? r.pick(this.hotX) : r.chance(0.1) ? 2 : r.pick(INT_REGS);
  }
  /** A register the program may clobber as a temporary (never x0 or sp). */
  tmp(avoid: number[] = []): number {
    for (;;) {
      const t = this.rng.chance(0.6) ? this.rng.pick(this.hotX) : this.rng.pick(INT_REGS);
      if (!avoid.includes(t) && !this.avoid.includes(t)) return t;
    }
  }
  rvc(): number {
    for (;;) {
      const r = this.rng.pick(RVC_REGS);
      if (!this.avoid.includes(r)) return r;
    }
  }
  fr(): number {
    return this.rng.chance(0.85) ? this.rng.pick(this.hotF) : this.rng.below(32);
  }
  rm(): string {
    return this.rng.chance(0.35) ? "" : `, ${this.rng.pick(RMS)}`;
  }
  simm(bits: number): number {
    const r = this.rng;
    const max = (1 << (bits - 1)) - 1;
    return r.chance(0.3) ? r.pick([0, 1, -1, max, -max - 1, 2, -2]) : r.range(-max - 1, max);
  }

  // ---- emission ------------------------------------------------------------

  push(item: Item): void {
    this.items.push(item);
    for (const p of this.pending) p.left--;
    const due = this.pending.filter((p) => p.left <= 0);
    this.pending = this.pending.filter((p) => p.left > 0);
    for (const p of due) this.items.push({ lines: [`${p.label}:`], label: p.label });
  }
  one(...lines: string[]): void {
    this.push({ lines });
  }
  /** Places every pending label now (before a mode or translation change, so no branch jumps over one). */
  flushLabels(): void {
    for (const p of this.pending) this.items.push({ lines: [`${p.label}:`], label: p.label });
    this.pending = [];
  }
  /** A forward branch item to a label placed after `skip` further items. */
  branch(line: (label: string) => string, maxSkip: number): void {
    const label = this.label();
    this.push({ lines: [line(label)], target: label });
    this.pending.push({ label, left: this.rng.range(0, maxSkip) + 1 });
  }

  // ---- memory addresses ----------------------------------------------------

  /**
   * A base register and offset for an access of `size` bytes inside the data
   * area: sp itself, or a temporary set from sp in the same item. Aligned
   * most of the time; misaligned ones (Unpriv §2.6: allowed, done in place by
   * both emulators) and ones straddling the 4 KiB page boundary otherwise.
   */
  addr(size: number, lines: string[], baseReg?: number): string {
    const r = this.rng;
    let target: number; // offset from DATA_BASE
    if (r.chance(0.15)) target = 4096 - r.range(1, 2 * size);
    else target = r.range(0, DATA_SIZE - Math.max(size, 2)); // sp + 4094 is as far as two immediates reach
    if (r.chance(0.75)) target -= target % size;
    const d = target - (DATA_SP - DATA_BASE);
    if (baseReg === undefined && r.chance(0.4) && d >= -2048 && d <= 2047) return `${d}(sp)`;
    // base = sp + k, offset = d - k, both 12-bit signed immediates.
    const k = r.range(Math.max(-2048, d - 2047), Math.min(2047, d + 2048));
    const base = baseReg ?? this.tmp();
    lines.push(`addi ${x(base)}, sp, ${k}`);
    return `${d - k}(${x(base)})`;
  }

  // ---- instruction classes ---------------------------------------------------

  aluRR(): void {
    const ops = [
      ...["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and"],
      ...["addw", "subw", "sllw", "srlw", "sraw"],
      ...["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"],
      ...["mulw", "divw", "divuw", "remw", "remuw"],
      ...["add.uw", "sh1add", "sh2add", "sh3add", "sh1add.uw", "sh2add.uw", "sh3add.uw"],
      ...["andn", "orn", "xnor", "max", "maxu", "min", "minu", "rol", "rolw", "ror", "rorw"],
      ...["bclr", "bext", "binv", "bset"],
      ...(this.opts.crypto ? ["clmul", "clmulh", "clmulr", "pack", "packh", "packw", "xperm4", "xperm8"] : []),
    ];
    this.one(`${this.rng.pick(ops)} ${x(this.rd())}, ${x(this.rs())}, ${x(this.rs())}`);
  }

  aluUnary(): void {
    const ops = [
      ...["clz", "clzw", "ctz", "ctzw", "cpop", "cpopw", "sext.b", "sext.h", "zext.h", "orc.b", "rev8"],
      ...(this.opts.crypto ? ["brev8"] : []),
    ];
    const op = this.rng.pick(ops);
    const rd = this.rd();
    const rs = this.rs();
    // QEMU 7.2's ctzw counts into the upper word when the lower one is zero
    // (docs/qemu-differences.md#ctzw): give it a sign-extended word.
    if (op === "ctzw") this.push({ lines: [`sext.w ${x(rd)}, ${x(rs)}`, `ctzw ${x(rd)}, ${x(rd)}`] });
    else this.one(`${op} ${x(rd)}, ${x(rs)}`);
  }

  aluImm(): void {
    const r = this.rng;
    const kind = r.below(6);
    if (kind <= 1) {
      const op = r.pick(["addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"]);
      this.one(`${op} ${x(this.rd())}, ${x(this.rs())}, ${this.simm(12)}`);
    } else if (kind === 2) {
      const op = r.pick(["slli", "srli", "srai", "rori", "bclri", "bexti", "binvi", "bseti", "slli.uw"]);
      this.one(`${op} ${x(this.rd())}, ${x(this.rs())}, ${r.chance(0.3) ? r.pick([0, 1, 31, 32, 63]) : r.below(64)}`);
    } else if (kind === 3) {
      const op = r.pick(["slliw", "srliw", "sraiw", "roriw"]);
      this.one(`${op} ${x(this.rd())}, ${x(this.rs())}, ${r.below(32)}`);
    } else if (kind === 4) {
      this.one(`${r.pick(["lui", "auipc"])} ${x(this.rd())}, ${hex(BigInt(r.u32() >>> 12))}`);
    } else {
      this.one(`li ${x(this.rd())}, ${hex(intValue(r))}`);
    }
  }

  load(): void {
    const r = this.rng;
    const [op, size] = r.pick([
      ["lb", 1],
      ["lbu", 1],
      ["lh", 2],
      ["lhu", 2],
      ["lw", 4],
      ["lwu", 4],
      ["ld", 8],
    ] as const);
    const lines: string[] = [];
    const a = this.addr(size, lines);
    lines.push(`${op} ${x(this.rd())}, ${a}`);
    this.push({ lines });
  }

  store(): void {
    const r = this.rng;
    const [op, size] = r.pick([
      ["sb", 1],
      ["sh", 2],
      ["sw", 4],
      ["sd", 8],
    ] as const);
    const lines: string[] = [];
    const a = this.addr(size, lines);
    lines.push(`${op} ${x(this.rs())}, ${a}`);
    this.push({ lines });
  }

  fpLoadStore(): void {
    const r = this.rng;
    const [op, size] = r.pick([
      ["flw", 4],
      ["fld", 8],
      ["fsw", 4],
      ["fsd", 8],
    ] as const);
    const lines: string[] = [];
    const a = this.addr(size, lines);
    lines.push(`${op} ${f(this.fr())}, ${a}`);
    this.push({ lines });
  }

  /** AMOs and LR/SC: aligned (Unpriv §14.4), or misaligned to see the trap. */
  atomic(): void {
    const r = this.rng;
    const w = r.chance(0.5) ? "w" : "d";
    const size = w === "w" ? 4 : 8;
    const a = this.tmp();
    // sp is 4 KiB aligned: sp + k is aligned when k is.
    let k = r.range(-2048 / size, (2047 - size) / size) * size;
    // Rarely misaligned: QEMU 7.2 reports the wrong cause (docs/qemu-differences.md#amo-fault-cause).
    if (r.chance(0.005)) k += r.range(1, size - 1);
    const order = r.pick(["", "", ".aq", ".rl", ".aqrl"]);
    const lines = [`addi ${x(a)}, sp, ${k}`];
    if (r.chance(0.7)) {
      const op = r.pick(["amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin", "amomax", "amominu", "amomaxu"]);
      lines.push(`${op}.${w}${order} ${x(this.rd())}, ${x(this.rs())}, (${x(a)})`);
    } else {
      // LR then SC to the same address, only ALU work between (Unpriv §14.3's constrained loop).
      let rdl = this.rd();
      while (rdl === a) rdl = this.rd();
      lines.push(`lr.${w}${order} ${x(rdl)}, (${x(a)})`);
      for (let i = r.below(3); i > 0; i--) {
        let rd = this.rd();
        while (rd === a) rd = this.rd();
        lines.push(`${r.pick(["add", "xor", "sub", "or"])} ${x(rd)}, ${x(this.rs())}, ${x(this.rs())}`);
      }
      lines.push(`sc.${w}${r.pick(["", ".aq", ".rl", ".aqrl"])} ${x(this.rd())}, ${x(this.rs())}, (${x(a)})`);
    }
    this.push({ lines });
  }

  fpArith(): void {
    const r = this.rng;
    const p = r.chance(0.5) ? "s" : "d";
    const kind = r.below(10);
    const fd = f(this.fr()),
      a = f(this.fr()),
      b = f(this.fr()),
      c = f(this.fr());
    if (kind <= 2) this.one(`${r.pick(["fadd", "fsub", "fmul", "fdiv"])}.${p} ${fd}, ${a}, ${b}${this.rm()}`);
    else if (kind === 3) this.one(`fsqrt.${p} ${fd}, ${a}${this.rm()}`);
    else if (kind === 4)
      this.one(`${r.pick(["fmin", "fmax", "fsgnj", "fsgnjn", "fsgnjx"])}.${p} ${fd}, ${a}, ${r.chance(0.2) ? a : b}`);
    else if (kind <= 6)
      this.one(`${r.pick(["fmadd", "fmsub", "fnmadd", "fnmsub"])}.${p} ${fd}, ${a}, ${b}, ${c}${this.rm()}`);
    else if (kind === 7) this.one(`${r.pick(["feq", "flt", "fle"])}.${p} ${x(this.rd())}, ${a}, ${b}`);
    else if (kind === 8) this.one(`fclass.${p} ${x(this.rd())}, ${a}`);
    else if (p === "s") this.one(`fcvt.s.d ${fd}, ${a}${this.rm()}`);
    else this.one(`fcvt.d.s ${fd}, ${a}`);
  }

  fpConvert(): void {
    const r = this.rng;
    const p = r.chance(0.5) ? "s" : "d";
    const it = r.pick(["w", "wu", "l", "lu"]);
    const kind = r.below(4);
    if (kind <= 1) this.one(`fcvt.${it}.${p} ${x(this.rd())}, ${f(this.fr())}${this.rm()}`);
    else if (kind === 2) {
      // fcvt.d.w and fcvt.d.wu are exact and take no rounding mode in binutils 2.40.
      const rm = p === "d" && (it === "w" || it === "wu") ? "" : this.rm();
      this.one(`fcvt.${p}.${it} ${f(this.fr())}, ${x(this.rs())}${rm}`);
    } else {
      const op = r.pick(["fmv.x.w", "fmv.w.x", "fmv.x.d", "fmv.d.x"]);
      if (op.startsWith("fmv.x")) this.one(`${op} ${x(this.rd())}, ${f(this.fr())}`);
      else if (r.chance(0.5)) {
        const t = this.tmp();
        this.push({ lines: [`li ${x(t)}, ${hex(fpBitsAsInt(r))}`, `${op} ${f(this.fr())}, ${x(t)}`] });
      } else this.one(`${op} ${f(this.fr())}, ${x(this.rs())}`);
    }
  }

  /** fflags/frm/fcsr traffic (Unpriv §20.2), including invalid frm values that make DYN illegal. */
  fpCsr(): void {
    const r = this.rng;
    const kind = r.below(8);
    const csr = r.pick(["fflags", "frm", "fcsr"]);
    if (kind === 0) this.one(`${r.pick(["frflags", "frrm", "frcsr"])} ${x(this.rd())}`);
    else if (kind === 1) this.one(`fsrmi ${x(this.rd())}, ${r.chance(0.85) ? r.below(5) : r.range(5, 7)}`);
    else if (kind === 2) this.one(`fsflagsi ${x(this.rd())}, ${r.below(32)}`);
    else if (kind === 3) {
      const t = this.tmp();
      const v = r.chance(0.8) ? BigInt(r.below(5)) : BigInt(r.u32());
      this.push({ lines: [`li ${x(t)}, ${hex(v)}`, `fsrm ${x(this.rd())}, ${x(t)}`] });
    } else if (kind === 4) this.one(`${r.pick(["fsflags", "fscsr"])} ${x(this.rd())}, ${x(this.rs())}`);
    else if (kind === 5) this.one(`${r.pick(["csrrs", "csrrc", "csrrw"])} ${x(this.rd())}, ${csr}, ${x(this.rs())}`);
    else if (kind === 6) this.one(`${r.pick(["csrrsi", "csrrci", "csrrwi"])} ${x(this.rd())}, ${csr}, ${r.below(32)}`);
    else {
      // A reserved static rounding mode (5, 6) is illegal (Unpriv §20.2): fadd.d with rm = 5 or 6.
      this.one(`.insn r 0x53, ${r.pick([5, 6])}, ${r.pick([0, 1])}, ${f(this.fr())}, ${f(this.fr())}, ${f(this.fr())}`);
    }
  }

  /** Compressed forms (Unpriv §26), assembled explicitly. */
  compressed(): void {
    const r = this.rng;
    const nz = (lo: number, hi: number) => {
      const v = r.range(lo, hi);
      return v === 0 ? 1 : v;
    };
    const rdNz = () => {
      const d = this.rd();
      return d === 0 ? r.pick(this.hotX) : d;
    };
    const lines: string[] = [];
    let insn: string;
    switch (r.below(14)) {
      case 0:
        insn = `c.addi ${x(rdNz())}, ${nz(-32, 31)}`;
        break;
      case 1:
        insn = `c.addiw ${x(rdNz())}, ${r.range(-32, 31)}`;
        break;
      case 2:
        insn = `c.li ${x(rdNz())}, ${r.range(-32, 31)}`;
        break;
      case 3:
        insn = `c.lui ${x(rdNz())}, ${hex(BigInt(r.chance(0.5) ? r.range(1, 31) : r.range(0xfffe0, 0xfffff)))}`;
        break;
      case 4:
        insn = `${r.pick(["c.srli", "c.srai"])} ${x(this.rvc())}, ${r.range(1, 63)}`;
        break;
      case 5:
        insn = `c.andi ${x(this.rvc())}, ${r.range(-32, 31)}`;
        break;
      case 6:
        insn = `${r.pick(["c.sub", "c.xor", "c.or", "c.and", "c.subw", "c.addw"])} ${x(this.rvc())}, ${x(this.rvc())}`;
        break;
      case 7:
        insn = `c.slli ${x(rdNz())}, ${r.range(1, 63)}`;
        break;
      case 8: {
        const s = this.rs();
        insn = `${r.pick(["c.mv", "c.add"])} ${x(rdNz())}, ${x(s === 0 ? r.pick(this.hotX) : s)}`;
        break;
      }
      case 9: {
        const [op, size] = r.pick([
          ["c.lw", 4],
          ["c.ld", 8],
          ["c.sw", 4],
          ["c.sd", 8],
          ["c.fld", 8],
          ["c.fsd", 8],
        ] as const);
        // Offsets are unsigned and scaled: base must be a register in x8-x15 set from sp.
        const base = this.rvc();
        const off = r.range(0, size === 4 ? 31 : 31) * size;
        let k = r.range(-1024, 1024);
        k -= ((k % size) + size) % size;
        if (r.chance(0.1)) k += r.range(1, size - 1);
        lines.push(`addi ${x(base)}, sp, ${k}`);
        const reg = op.includes("f") ? f(this.rvc()) : x(this.rvc());
        insn = `${op} ${reg}, ${off}(${x(base)})`;
        break;
      }
      case 10: {
        const [op, size] = r.pick([
          ["c.lwsp", 4],
          ["c.ldsp", 8],
          ["c.swsp", 4],
          ["c.sdsp", 8],
          ["c.fldsp", 8],
          ["c.fsdsp", 8],
        ] as const);
        const off = r.range(0, size === 4 ? 63 : 63) * size;
        const reg = op.includes("f") ? f(this.fr()) : op.includes("l") ? x(rdNz()) : x(this.rs());
        insn = `${op} ${reg}, ${off}(sp)`;
        break;
      }
      case 11:
        insn = `c.addi4spn ${x(this.rvc())}, sp, ${r.range(1, 255) * 4}`;
        break;
      case 12:
        insn = "c.nop";
        break;
      default:
        insn = `c.addi ${x(rdNz())}, ${nz(-32, 31)}`;
    }
    lines.push(".option rvc", insn, ".option norvc");
    this.push({ lines });
  }

  /** Forward branches and jumps, compressed ones included. */
  control(): void {
    const r = this.rng;
    const kind = r.below(8);
    if (kind <= 2) {
      const op = r.pick(["beq", "bne", "blt", "bge", "bltu", "bgeu"]);
      const a = this.rs();
      const b = r.chance(0.2) ? a : this.rs();
      this.branch((l) => `${op} ${x(a)}, ${x(b)}, ${l}`, 5);
    } else if (kind === 3) {
      const op = r.pick(["c.beqz", "c.bnez"]);
      const a = this.rvc();
      this.branch((l) => `.option rvc\n${op} ${x(a)}, ${l}\n.option norvc`, 3);
    } else if (kind === 4) {
      this.branch((l) => `jal ${x(this.rd())}, ${l}`, 4);
    } else if (kind === 5) {
      this.branch((l) => `.option rvc\nc.j ${l}\n.option norvc`, 4);
    } else if (kind === 6) {
      // JALR with an offset (Unpriv §2.5.1): base = target - k.
      const t = this.tmp();
      const k = r.range(-64, 64) * 2;
      const rd = this.rd();
      this.branch((l) => `la ${x(t)}, ${l} - ${k}\njalr ${x(rd)}, ${k}(${x(t)})`, 4);
    } else {
      const t = this.tmp();
      const op = r.pick(["c.jr", "c.jalr"]);
      this.branch((l) => `la ${x(t)}, ${l}\n.option rvc\n${op} ${x(t)}\n.option norvc`, 4);
    }
  }

  /** A bounded loop: a counter no body instruction writes. */
  loop(): void {
    const r = this.rng;
    const c = this.tmp();
    const top = this.label();
    const lines = [`li ${x(c)}, ${r.range(1, 6)}`, `${top}:`];
    const saveItems = this.items.length;
    const savePending = this.pending;
    this.pending = [];
    const body = r.range(1, 5);
    this.avoid = [c];
    for (let i = 0; i < body; i++) {
      const gen = r.pick([this.aluRR, this.aluImm, this.aluUnary, this.load, this.store, this.fpArith, this.atomic]);
      gen.call(this);
    }
    this.avoid = [];
    this.flushLabels();
    const bodyItems = this.items.splice(saveItems);
    this.pending = savePending;
    for (const it of bodyItems) lines.push(...it.lines);
    lines.push(`addi ${x(c)}, ${x(c)}, -1`, `bnez ${x(c)}, ${top}`);
    this.push({ lines });
  }

  // ---- privileged sequences -------------------------------------------------

  canRun(mode: Mode): boolean {
    const sRuns = (t: STable | "off") => t !== "U";
    const uRuns = (t: STable | "off") => t === "off" || t === "U";
    switch (mode) {
      case "M":
        return true;
      case "HS":
        return sRuns(this.satp);
      case "U":
        return uRuns(this.satp);
      case "VS":
        return sRuns(this.vsatp);
      case "VU":
        return uRuns(this.vsatp);
    }
  }

  /** Priv §3.3.2 MRET, §4.3... SRET, §9.6.3: move to a less privileged mode. */
  modeSwitch(): void {
    const r = this.rng;
    const targets = (["HS", "U", "VS", "VU"] as Mode[]).filter((m) => m !== this.mode && this.canRun(m));
    if (this.mode === "U" || this.mode === "VU" || targets.length === 0) return this.ecallUp();
    let target = r.pick(targets);
    const t = this.tmp();
    const next = this.label();
    const lines: string[] = [];
    const virt = target === "VS" || target === "VU";
    // The HS-level MXR also opens VS-stage execute-only pages to loads
    // (Priv §9.5), and TVM and TSR do not act in VS-mode (Priv §9.4.1); QEMU
    // 7.2 gets both wrong (docs/qemu-differences.md#hs-mxr-vs-stage,
    // #tvm-tsr-in-vs), so they go off on the way into V=1 (from HS, only MXR can).
    if (virt && (this.mode === "M" || this.mode === "HS")) {
      const bits = this.mode === "M" ? ST.MXR | ST.TVM | ST.TSR : ST.MXR;
      lines.push(`li ${x(t)}, ${hex(bits)}`, `csrc ${this.mode === "M" ? "mstatus" : "sstatus"}, ${x(t)}`);
    }
    if (this.mode === "M") {
      const mpp = target === "HS" || target === "VS" ? 1n : 0n;
      const mpv = virt ? 1n : 0n;
      lines.push(
        `li ${x(t)}, ${hex(ST.MPP | ST.MPV)}`,
        `csrc mstatus, ${x(t)}`,
        `li ${x(t)}, ${hex((mpp << 11n) | (mpv << 39n))}`,
        `csrs mstatus, ${x(t)}`,
        `la ${x(t)}, ${next}`,
        `csrw mepc, ${x(t)}`,
        "mret",
      );
    } else if (this.mode === "HS") {
      const spp = target === "VS";
      const spv = virt;
      lines.push(
        `li ${x(t)}, ${hex(HS.SPV)}`,
        `${spv ? "csrs" : "csrc"} hstatus, ${x(t)}`,
        `li ${x(t)}, ${hex(ST.SPP)}`,
        `${spp ? "csrs" : "csrc"} sstatus, ${x(t)}`,
        `la ${x(t)}, ${next}`,
        `csrw sepc, ${x(t)}`,
        "sret",
      );
    } else {
      // VS: only VU is below (SRET with vsstatus.SPP = 0).
      if (!this.canRun("VU") || r.chance(0.3)) return this.ecallUp();
      target = "VU";
      lines.push(
        `li ${x(t)}, ${hex(ST.SPP)}`,
        `csrc sstatus, ${x(t)}`,
        `la ${x(t)}, ${next}`,
        `csrw sepc, ${x(t)}`,
        "sret",
      );
    }
    lines.push(`${next}:`);
    this.flushLabels();
    this.push({ lines });
    this.mode = target;
  }

  /** ECALL: the harness brings the program back to M-mode after it. */
  ecallUp(): void {
    this.flushLabels();
    this.one("ecall");
    this.mode = "M";
  }

  /** Instructions that trap: EBREAK, illegal encodings. */
  trapping(): void {
    this.one(
      this.rng.pick([
        "ebreak",
        ".option rvc\nc.ebreak\n.option norvc",
        ".2byte 0x0000", // Unpriv §26.5.4: the all-zero 16-bit parcel is illegal
        "unimp", // csrrw x0, cycle, x0: a write to a read-only CSR (Priv §2.1)
        ".4byte 0xfe000033", // OP with an unassigned funct7
        ".4byte 0x0000702f", // AMO with funct3 7: reserved
        ".4byte 0xe0007053", // OP-FP funct7 0x70 (fmv.x.w/fclass.s) with funct3 7: reserved
      ]),
    );
  }

  /** A CSR value that is legal to write (WARL fields only get values every implementation keeps). */
  csrWrite(): void {
    const r = this.rng;
    if (this.mode === "VU") return this.fpCsr(); // see csrRead
    const t = this.tmp();
    const addrVal = () =>
      r.chance(0.5) ? BigInt(0x80000000 + r.below(0x800000)) : BigInt(r.u32()) | (BigInt(r.below(64)) << 32n);
    // xepc values are even: QEMU 7.2 keeps bit 0 (docs/qemu-differences.md#xepc-bit-0).
    const epcVal = () => addrVal() & ~1n;
    const choices: [string, () => bigint, "w" | "sc"][] = [
      ["mstatus", () => this.statusBits("m"), "sc"],
      ["sstatus", () => this.statusBits("s"), "sc"],
      ["vsstatus", () => this.statusBits("s"), "sc"],
      ["hstatus", () => this.hstatusBits(), "sc"],
      ["mepc", epcVal, "w"],
      ["sepc", epcVal, "w"],
      ["vsepc", epcVal, "w"],
      ["mtval", addrVal, "w"],
      ["stval", addrVal, "w"],
      ["vstval", addrVal, "w"],
      ["mtval2", () => addrVal() >> 2n, "w"],
      ["htval", () => addrVal() >> 2n, "w"],
      ["mcause", () => r.pick(CAUSES), "w"],
      ["scause", () => r.pick(this.mode === "VS" ? CAUSES.filter((c) => c !== 1n && c !== 5n) : CAUSES), "w"],
      // Not 1 or 5: QEMU's own causes are read back through vsCause (exclusions.ts).
      ["vscause", () => r.pick(CAUSES.filter((c) => c !== 1n && c !== 5n)), "w"],
    ];
    const [csr, val, how] = r.pick(choices);
    const v = val();
    let op = how === "w" ? r.pick(["csrw", "csrrw"]) : r.pick(["csrs", "csrc", "csrrs", "csrrc"]);
    // Never read mtval2/htval back: QEMU 7.2 rewrites them on traps the spec leaves them alone on
    // (docs/qemu-differences.md#mtval2-and-htval-after-other-traps, #vs-traps-write-hs-csrs).
    if (csr === "mtval2" || csr === "htval") op = "csrw";
    const rd = this.rd();
    const lines = [
      `li ${x(t)}, ${hex(v)}`,
      op.startsWith("csrr") ? `${op} ${x(rd)}, ${csr}, ${x(t)}` : `${op} ${csr}, ${x(t)}`,
    ];
    // See csrRead: the old value of sstatus/vsstatus without SD.
    if (op.startsWith("csrr") && (csr === "sstatus" || csr === "vsstatus")) {
      lines.push(`slli ${x(rd)}, ${x(rd)}, 1`, `srli ${x(rd)}, ${x(rd)}, 1`);
    }
    if (op.startsWith("csrr") && csr === "hstatus") lines.push(`andi ${x(rd)}, ${x(rd)}, -65`);
    this.push({ lines });
  }

  /** Status bits a program may set or clear (never MPRV, never a reserved MPP; TSR/VTSR only if no handler needs SRET). */
  statusBits(level: "m" | "s"): bigint {
    const r = this.rng;
    const bits = [ST.SIE, ST.SPIE, ST.SPP, ST.SUM, ST.MXR, ST.FS];
    if (level === "m") {
      // Not GVA: see docs/qemu-differences.md#mstatusgva.
      bits.push(ST.MIE, ST.MPIE, ST.MPP, 1n << 11n, ST.TVM, ST.TW, ST.MPV);
      if (this.medeleg === 0n) bits.push(ST.TSR);
    }
    let v = 0n;
    for (let i = r.range(1, 3); i > 0; i--) v |= r.pick(bits);
    // MPP = 2 is reserved (WARL): only ever set both MPP bits together, or clear both.
    if ((v & ST.MPP) !== 0n && (v & ST.MPP) !== ST.MPP) v = (v & ~ST.MPP) | (r.chance(0.5) ? ST.MPP : 0n);
    return v;
  }

  hstatusBits(): bigint {
    const r = this.rng;
    const bits = [HS.GVA, HS.SPV, HS.SPVP, HS.HU, HS.VTVM];
    if (this.hedeleg === 0n) bits.push(HS.VTSR);
    let v = 0n;
    for (let i = r.range(1, 2); i > 0; i--) v |= r.pick(bits);
    return v;
  }

  csrRead(): void {
    // In VU-mode an S- or H-level CSR is a virtual-instruction exception that QEMU 7.2
    // gets wrong (docs/qemu-differences.md#vu-virtual-instruction): only U-level ones there.
    if (this.mode === "VU")
      return this.one(`csrr ${x(this.rd())}, ${this.rng.pick(["fflags", "frm", "fcsr", "mstatus"])}`);
    const csr = this.rng.pick([
      "fflags",
      "frm",
      "fcsr",
      "mstatus",
      "sstatus",
      "vsstatus",
      "hstatus",
      "mepc",
      "sepc",
      "vsepc",
      "mcause",
      "scause",
      "vscause",
      "mtval",
      "stval",
      "vstval",
      "mscratch",
      "sscratch",
      "vsscratch",
      "satp",
      "vsatp",
      "hgatp",
      "mhartid",
      "mconfigptr",
      "medeleg",
      "hedeleg",
      "mideleg",
      "hideleg",
      "mie",
      "sie",
      "hie",
      "vsie",
      "mtvec",
      "stvec",
      "vstvec",
    ]);
    // In VS-mode QEMU 7.2 reads sie (vsie) as 0 (docs/qemu-differences.md#vs-sie-read).
    if (this.mode === "VS" && csr === "sie") return this.one(`csrr ${x(this.rd())}, fcsr`);
    const rd = this.rd();
    // QEMU 7.2 never sets vsstatus.SD, read as vsstatus or as sstatus with V=1 (docs/qemu-differences.md#vsstatussd): drop bit 63.
    // And QEMU 7.2 writes hstatus.GVA on traps into VS-mode (docs/qemu-differences.md#vs-traps-write-hs-csrs): drop it.
    if (csr === "hstatus") this.push({ lines: [`csrr ${x(rd)}, ${csr}`, `andi ${x(rd)}, ${x(rd)}, -65`] });
    else if (csr === "vsstatus" || csr === "sstatus")
      this.push({ lines: [`csrr ${x(rd)}, ${csr}`, `slli ${x(rd)}, ${x(rd)}, 1`, `srli ${x(rd)}, ${x(rd)}, 1`] });
    else this.one(`csrr ${x(rd)}, ${csr}`);
  }

  /** Counter reads whose value is thrown away: only whether they trap counts (Priv §3.1.11, §9.2.6). */
  counterProbe(): void {
    this.one(`csrr x0, ${this.rng.pick(["cycle", "instret"])}`);
  }

  /** satp / vsatp / hgatp, each followed by its fence (Priv §4.1.11, §9.2.18, §9.2.10; fences §4.2.1, §9.3.2). */
  translation(): void {
    const r = this.rng;
    if (this.mode === "VU") return this.fpCsr(); // see csrRead
    const t = this.tmp();
    const which = r.pick(["satp", "vsatp", "hgatp"] as const);
    const lines: string[] = [];
    if (which === "hgatp") {
      const table: GTable | "off" = r.pick(["off", "ALL", "ALL", "RO", "NONE"] as const);
      const v = table === "off" ? 0n : (8n << 60n) | BigInt(gTableRoot(table) >>> 12);
      lines.push(`li ${x(t)}, ${hex(v)}`, `csrw hgatp, ${x(t)}`, "hfence.gvma");
      if (this.mode === "M" || this.mode === "HS") this.hgatp = table;
    } else {
      // With V=1, satp is vsatp (Priv §9.2.9); vsatp itself is a hypervisor CSR there.
      const host = this.mode === "M" || this.mode === "HS";
      const writes: "satp" | "vsatp" | null = host ? which : this.mode === "VS" && which === "satp" ? "vsatp" : null;
      // Keep the mode that runs now able to fetch.
      const names: (STable | "off")[] = ["off", "S", "U", "SUM", "RO", "XO"];
      const keepS = (this.mode === "HS" && writes === "satp") || (this.mode === "VS" && writes === "vsatp");
      const table = r.pick(names.filter((n) => !keepS || n !== "U"));
      const v = table === "off" ? 0n : (8n << 60n) | BigInt(sTableRoot(table) >>> 12);
      lines.push(`li ${x(t)}, ${hex(v)}`, `csrw ${which}, ${x(t)}`);
      lines.push(which === "satp" ? "sfence.vma" : "hfence.vvma");
      if (writes === "satp") this.satp = table;
      if (writes === "vsatp") this.vsatp = table;
    }
    this.flushLabels();
    this.push({ lines });
  }

  fences(): void {
    const r = this.rng;
    const vu = this.mode === "VU"; // see csrRead
    this.one(
      r.pick([
        ...(vu ? [] : [`sfence.vma ${x(this.rs())}, ${x(this.rs())}`, "sfence.vma"]),
        ...(vu ? [] : [`hfence.vvma ${x(this.rs())}, ${x(this.rs())}`, `hfence.gvma ${x(this.rs())}, ${x(this.rs())}`]),
        "fence",
        "fence.i",
        "fence.tso",
        "fence rw, rw",
        "pause",
      ]),
    );
  }

  /** HLV/HLVX/HSV (Priv §9.3.1): guest accesses from M, HS or U with hstatus.HU. */
  hypervisorAccess(): void {
    const r = this.rng;
    // With VS-stage translation on, QEMU 7.2 gets HLV/HSV faults wrong (docs/qemu-differences.md#hlv-vs-stage-fault).
    if (this.vsatp !== "off") return this.load();
    const [op, size, store] = r.pick([
      ["hlv.b", 1, false],
      ["hlv.bu", 1, false],
      ["hlv.h", 2, false],
      ["hlv.hu", 2, false],
      ["hlv.w", 4, false],
      ["hlv.wu", 4, false],
      ["hlv.d", 8, false],
      ["hlvx.hu", 2, false],
      ["hlvx.wu", 4, false],
      ["hsv.b", 1, true],
      ["hsv.h", 2, true],
      ["hsv.w", 4, true],
      ["hsv.d", 8, true],
    ] as const);
    const a = this.tmp();
    let k = r.range(-1024, 1024);
    if (r.chance(0.85)) k -= ((k % size) + size) % size;
    const lines = [`addi ${x(a)}, sp, ${k}`];
    if (!store && r.chance(0.1)) {
      // Sometimes read the program's own code, which every table maps executable (what HLVX is for).
      const here = this.label();
      lines[0] = `la ${x(a)}, ${here}`;
      lines.push(`${here}:`);
    }
    lines.push(store ? `${op} ${x(this.rs())}, (${x(a)})` : `${op} ${x(this.rd())}, (${x(a)})`);
    this.push({ lines });
  }

  /**
   * Software interrupts (Priv §3.1.9, §4.1.3, §9.2.3): raise SSIP or VSSIP,
   * enable or disable them, in the CSRs each mode may use. The harness's
   * handlers clear them again, so each is taken once.
   */
  interrupts(): void {
    const r = this.rng;
    const t = this.tmp();
    const bit = r.pick([2n, 4n, 6n]);
    // Per mode: [pending CSRs, enable CSRs] it may touch (others trap there, which is fine too).
    const csrs: Record<Mode, [string[], string[]]> = {
      M: [
        ["mip", "hvip", "sip"],
        ["mie", "hie", "sie"],
      ],
      HS: [
        ["sip", "hvip", "hip", "vsip"],
        ["sie", "hie", "vsie"],
      ],
      VS: [["sip"], ["sie"]],
      U: [["sip"], ["sie"]],
      VU: [[], []],
    };
    const [pend, en] = csrs[this.mode];
    if (pend.length === 0) return this.fpCsr();
    // Only the software-interrupt bits: timer and external lines are the platform's.
    const value = (csr: string) => (csr.startsWith("s") || csr.startsWith("vs") ? 2n : bit);
    const lines: string[] = [];
    const set = (csr: string, on: boolean) =>
      lines.push(`li ${x(t)}, ${hex(value(csr))}`, `${on ? "csrs" : "csrc"} ${csr}, ${x(t)}`);
    const what = r.below(4);
    if (what !== 1) set(r.pick(en), what !== 3);
    if (what !== 0) set(r.pick(pend), true);
    // And sometimes the global enable of the mode it runs in.
    if (r.chance(0.4) && this.mode !== "U") lines.push(this.mode === "M" ? "csrsi mstatus, 8" : "csrsi sstatus, 2");
    this.push({ lines });
  }

  /** MPRV (Priv §3.1.6.3): M-mode loads and stores with MPP's (and MPV's) privilege and translation. */
  mprv(): void {
    if (this.mode !== "M") return;
    const r = this.rng;
    const t = this.tmp();
    const mpp = r.pick([0n, 1n, 3n]);
    // Not MPV = 1: QEMU 7.2 translates those accesses wrongly (docs/qemu-differences.md#mprv-mpv).
    const mpv = 0n;
    const lines = [
      `li ${x(t)}, ${hex(ST.MPP | ST.MPV)}`,
      `csrc mstatus, ${x(t)}`,
      `li ${x(t)}, ${hex((mpp << 11n) | (mpv << 39n) | ST.MPRV)}`,
      `csrs mstatus, ${x(t)}`,
    ];
    // Only accesses the translation allows: a trap here would leave MPRV on
    // with MPP rewritten by the trap and MRET, and QEMU 7.2 keeps using the
    // translations it cached for the old MPP (docs/qemu-differences.md#mprv-stale-tlb).
    const perm = this.satp === "off" ? null : S_TABLES[this.satp][1];
    const allowed = (store: boolean) => {
      if (perm === null || mpp === 3n) return true;
      const user = (perm & 16n) !== 0n;
      if (user !== (mpp === 0n)) return false; // U needs a user page; S one without SUM
      return (perm & (store ? 4n : 2n)) !== 0n;
    };
    for (let i = r.range(1, 3); i > 0; i--) {
      const store = r.chance(0.5);
      if (!allowed(store)) continue;
      const size = r.pick([1, 2, 4, 8]);
      const a = this.addr(size, lines, t);
      const op = store ? ["sb", "sh", "sw", "sd"][Math.log2(size)] : ["lb", "lh", "lw", "ld"][Math.log2(size)];
      let reg = store ? this.rs() : this.rd();
      if (reg === t) reg = 0;
      lines.push(`${op} ${x(reg)}, ${a}`);
    }
    lines.push(`li ${x(t)}, ${hex(ST.MPRV)}`, `csrc mstatus, ${x(t)}`);
    this.push({ lines });
  }
}

/** Builds the program of one seed. */
export function generateProgram(seed: number, opts: GenOptions = {}): Program {
  const r = new Prng(seed);
  const privileged = opts.privileged ?? true;
  const priv = privileged && r.chance(0.65);
  let medeleg = 0n;
  let hedeleg = 0n;
  if (priv && r.chance(0.6)) {
    for (const c of DELEGABLE_M) if (r.chance(0.5)) medeleg |= 1n << BigInt(c);
    if (r.chance(0.6)) for (const c of DELEGABLE_H) if (r.chance(0.5)) hedeleg |= (1n << BigInt(c)) & medeleg;
  }
  // Software interrupts the program raises itself (SSIP, VSSIP): where they go.
  const mideleg = priv && r.chance(0.5) ? 2n : 0n;
  const hideleg = priv && r.chance(0.5) ? 4n : 0n;
  const xs: bigint[] = [];
  for (let i = 1; i <= 31; i++) {
    if (i === 2) xs.push(BigInt(DATA_SP));
    else if (r.chance(0.1)) xs.push(BigInt(DATA_BASE + r.below(DATA_SIZE)));
    else xs.push(intValue(r));
  }
  const fs = Array.from({ length: 32 }, () => fpValue(r));
  const fcsr = r.chance(0.7) ? r.below(5) << 5 : r.below(256);
  const counteren = priv ? r.pick([0, 1, 4, 5, 7]) : 0;
  const dataSeed = r.u64();

  const g = new Gen(seed, opts, medeleg, hedeleg);
  const [lo, hi] = opts.length ?? [20, 70];
  const n = g.rng.range(lo, hi);
  const unpriv: [number, () => void][] = [
    [10, g.aluRR],
    [4, g.aluUnary],
    [8, g.aluImm],
    [5, g.load],
    [4, g.store],
    [3, g.fpLoadStore],
    [3, g.atomic],
    [9, g.fpArith],
    [5, g.fpConvert],
    [3, g.fpCsr],
    [5, g.compressed],
    [4, g.control],
    [1, g.loop],
  ];
  const privs: [number, () => void][] = [
    [4, g.modeSwitch],
    [2, g.ecallUp],
    [2, g.trapping],
    [3, g.csrWrite],
    [4, g.csrRead],
    [1, g.counterProbe],
    [2, g.translation],
    [1, g.fences],
    [2, g.hypervisorAccess],
    [1, g.mprv],
    [3, g.interrupts],
  ];
  const table = priv ? [...unpriv, ...privs] : unpriv;
  while (g.items.length < n) g.rng.weighted(table).call(g);
  g.flushLabels();
  // Back to M-mode for the dump (an ECALL from M-mode is harmless: the harness resumes after it).
  g.items.push({ lines: ["ecall"], keep: true });
  return { seed, x: xs, f: fs, fcsr, medeleg, hedeleg, mideleg, hideleg, counteren, dataSeed, items: g.items };
}
