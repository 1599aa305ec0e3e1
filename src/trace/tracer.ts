// The commit log (`--trace FILE`): one line per retired instruction in the
// format of Spike's --log-commits (commit-line.ts), for a window of the run
// (--trace-start, --trace-count).
//
// The tracer is a page engine (run-loop.ts PageEngine): a machine built with
// `trace` attaches it to its memory before creating harts, so runHart hands
// it every page visit instead of the translation engine or the interpreter's
// page loop; slices, interrupts, traps and instret stay runHart's. Without
// --trace nothing of this exists and the run loop is unchanged: tracing
// costs nothing when off. Inside the window it runs one instruction at a
// time through the uncached decode buffer (as run-loop.ts runUncached),
// noting pc, bits, privilege and V before the handler and what it wrote
// after (insn-effects.ts says where to look); before the window, and after
// it, it hands whole pages to the engine it wrapped (the translation engine
// unless --no-jit), so a window late in a long run costs little.
//
// As in Spike, an instruction that traps is not logged (it does not
// retire), nor is trap entry's or an interrupt's CSR writing, nor the
// firmware's work under `boot` (it is TypeScript, not instructions).
// Differences from Spike that remain: for a sip write Spike also logs mvip
// (an AIA CSR rvhv does not have); harts are numbered by their hart id, so
// the vCPUs of several guests (--guests) share numbers. Around the lines:
// Spike first runs the 5 instructions of its boot ROM at 0x1000
// (riscv/sim.cc reset_vec) where `rvhv run` starts at the ELF entry, and
// Spike notices an HTIF exit some instructions late.
import {
  CSR_FCSR,
  CSR_FFLAGS,
  CSR_FRM,
  CSR_HIE,
  CSR_HIP,
  CSR_HSTATUS,
  CSR_HVIP,
  CSR_MIE,
  CSR_MIP,
  CSR_MSTATUS,
  CSR_SIE,
  CSR_SIP,
  CSR_SSTATUS,
  CSR_VSIE,
  CSR_VSIP,
  CSR_VSSTATUS,
  HSTATUS_SPV,
  MSTATUS_FS,
  MSTATUS_MPP,
  MSTATUS_SPP,
  MSTATUSH_MPV,
  CACHE_BLOCK_SIZE,
} from "../rv64/constants.js";
import { csrOut, csrTable } from "../rv64/csr/all.js";
import { hasHypervisor } from "../rv64/csr/table.js";
import { X0_SINK, decodeInto } from "../rv64/decode/decode.js";
import { SIGNAL_JUMP, type Hart } from "../rv64/hart.js";
import type { PhysicalMemory } from "../rv64/memory.js";
import { runPage, uncached, type PageEngine } from "../rv64/run-loop.js";
import {
  KIND_CSR,
  KIND_F,
  KIND_X,
  VIRT_MARK,
  commitPrefix,
  csrField,
  hexSized,
  loadField,
  registerField,
  registerKey,
  storeField,
} from "./commit-line.js";
import {
  CSRS_CSR_INSN,
  CSRS_MRET,
  CSRS_SRET,
  MEM_AMO,
  MEM_LOAD,
  MEM_STORE,
  MEM_STORE_CONDITIONAL,
  MEM_ZERO_BLOCK,
  RD_F,
  RD_X,
  insnEffect,
  type InsnEffect,
} from "./insn-effects.js";

/** Where the log goes: written in chunks of about FLUSH_CHARS, and at flush(). */
export interface TraceSink {
  write(text: string): void;
}

const FLUSH_CHARS = 1 << 20;

/**
 * The CSRs Spike shows for a CSR instruction's write to the key's CSR
 * (after V=1 sent an S-level number to its VS copy): the storage behind
 * its proxies (riscv/csrs.cc: sstatus_proxy_csr_t writes mstatus, sie_csr_t
 * logs itself and mie, generic_int_accessor_t's mip/mie, hvip_csr_t's
 * mip.VSSIP, composite_csr_t's frm and fflags). Any other CSR shows itself.
 */
const LOGGED_AS = new Map<number, readonly number[]>([
  [CSR_SSTATUS, [CSR_MSTATUS]],
  [CSR_SIE, [CSR_SIE, CSR_MIE]],
  [CSR_SIP, [CSR_MIP]],
  [CSR_VSIE, [CSR_MIE]],
  [CSR_VSIP, [CSR_MIP]],
  [CSR_HIE, [CSR_MIE]],
  [CSR_HIP, [CSR_MIP]],
  [CSR_HVIP, [CSR_MIP, CSR_HVIP]],
  [CSR_FCSR, [CSR_FFLAGS, CSR_FRM]],
]);

export class Tracer implements PageEngine {
  /** The engine this one wraps for the untraced stretches (null: the interpreter's page loop). */
  private inner: PageEngine | null = null;
  /** Instructions retired so far by the harts traced, in the order they ran. */
  private retired = 0;
  private readonly end: number;
  private buffer = "";
  /** Register and CSR fields of the line being built, with their sort keys. */
  private readonly fields: { key: number; text: string }[] = [];

  /** Logs the instructions retired after the first `start`, `count` of them. */
  constructor(
    private readonly sink: TraceSink,
    private readonly start = 0,
    count = Infinity,
  ) {
    this.end = start + count;
  }

  /** Becomes the page engine of the harts created on `phys` from now on, wrapping its current one. */
  attach(phys: PhysicalMemory): void {
    this.inner = phys.jit;
    phys.jit = this;
  }

  /** Writes out what is buffered. Call it before the process exits, on every path. */
  flush(): void {
    if (this.buffer.length === 0) return;
    this.sink.write(this.buffer);
    this.buffer = "";
  }

  runPage(h: Hart): boolean {
    while (h.sliceLeft > 0) {
      // Outside the window: whole pages at the wrapped engine's speed, never past its start.
      if (this.retired >= this.end || this.retired + h.sliceLeft <= this.start) return this.runUntraced(h);
      if (this.step(h, this.retired >= this.start)) return true;
    }
    return false;
  }

  codeDropped(page: number): void {
    this.inner?.codeDropped(page);
  }

  private runUntraced(h: Hart): boolean {
    const before = h.retired();
    try {
      return this.inner !== null ? this.inner.runPage(h) : runPage(h);
    } finally {
      this.retired += h.retired() - before;
    }
  }

  /**
   * Runs the instruction at pc (as run-loop.ts runUncached), logging it when
   * `log` and it retires. Returns true when it asked the run loop to stop
   * (SIGNAL_STOP: interrupts must be re-checked).
   */
  private step(h: Hart, log: boolean): boolean {
    const pcLo = h.pcLo;
    const pcHi = h.pcHi;
    const priv = h.priv;
    const virt = h.virt;
    const lo16 = h.mmu.fetchParcel(pcLo, pcHi);
    let hi16 = 0;
    if ((lo16 & 3) === 3) {
      const lo = (pcLo + 2) | 0;
      hi16 = h.mmu.fetchParcel(lo, (pcHi + (lo >>> 0 < pcLo >>> 0 ? 1 : 0)) | 0);
    }
    const d = uncached;
    decodeInto(d, lo16, hi16);
    h.codeSlots = null;
    const instretBase = h.instretBase;
    let line = "";
    if (log) {
      line = this.execLogged(h, virt);
    } else {
      d.exec(h, d);
      h.sliceLeft--;
    }
    const signal = h.signal;
    h.signal = 0;
    if ((signal & SIGNAL_JUMP) === 0) {
      const lo = (pcLo + d.len) | 0;
      h.pcHi = (pcHi + (lo >>> 0 < pcLo >>> 0 ? 1 : 0)) | 0;
      h.pcLo = lo;
    }
    // An exception taken without a throw (ECALL, EBREAK, a trapping WFI) un-retires the instruction.
    if (h.instretBase === instretBase) {
      if (log) {
        this.buffer += commitPrefix(h.hartId, priv, pcLo, pcHi, d.raw, d.len) + line + (virt ? VIRT_MARK : "") + "\n";
        if (this.buffer.length >= FLUSH_CHARS) this.flush();
      }
      if (++this.retired === this.end) this.flush();
    }
    return signal !== 0 && signal !== SIGNAL_JUMP;
  }

  /**
   * Runs the decoded instruction, counts it in the slice, and returns its
   * line after the prefix (registers, CSRs, memory). CSRs are read once it
   * has retired: a minstret write then shows the value written, as in Spike.
   */
  private execLogged(h: Hart, virt: boolean): string {
    const d = uncached;
    const effect = insnEffect(d.name);
    // Operands as they were before the instruction (rd may be rs1 or rs2).
    const baseLo = h.xl[d.rs1];
    const baseHi = h.xh[d.rs1];
    const srcLo = effect.storeFromF ? h.fl[d.rs2] : h.xl[d.rs2];
    const srcHi = effect.storeFromF ? h.fh[d.rs2] : h.xh[d.rs2];
    const mstatusLo = h.csrLo[CSR_MSTATUS];
    const mstatusHi = h.csrHi[CSR_MSTATUS];
    const vsstatusLo = h.csrLo[CSR_VSSTATUS];
    const hstatusLo = h.csrLo[CSR_HSTATUS];
    // Spike shows fflags when an FP instruction raises any flag, even one
    // already set: run it with fflags clear to see what it raises, then merge.
    const fflags = h.csrLo[CSR_FFLAGS];
    let raised = 0;
    if (effect.fp) h.csrLo[CSR_FFLAGS] = 0;
    try {
      d.exec(h, d);
    } finally {
      if (effect.fp) {
        raised = h.csrLo[CSR_FFLAGS];
        h.csrLo[CSR_FFLAGS] = raised | fflags;
      }
    }
    h.sliceLeft--;
    const fields = this.fields;
    fields.length = 0;
    if (effect.rd === RD_X && d.rd !== X0_SINK) {
      fields.push({ key: registerKey(d.rd, KIND_X), text: registerField("x", d.rd, h.xl[d.rd], h.xh[d.rd]) });
    } else if (effect.rd === RD_F) {
      fields.push({ key: registerKey(d.rd, KIND_F), text: registerField("f", d.rd, h.fl[d.rd], h.fh[d.rd]) });
    }
    const csrs = new Set<number>();
    let fpState = effect.fp;
    if (effect.csrs === CSRS_CSR_INSN && (d.name === "csrrw" || d.name === "csrrwi" || d.rs1 !== 0)) {
      let csr = d.imm;
      // As csrAccess (exec/zicsr.ts): with V=1 an S-level number reaches its VS copy.
      if (virt && ((csr >>> 8) & 3) === 1 && csrTable[csr + 0x100] !== undefined) csr += 0x100;
      for (const shown of LOGGED_AS.get(csr) ?? [csr]) csrs.add(shown);
      fpState = csr <= CSR_FCSR; // fflags, frm, fcsr dirty the FP state (riscv/csrs.cc float_csr_t)
    } else if (effect.csrs === CSRS_MRET) {
      // riscv/insns/mret.h: mstatus; vsstatus too when returning to VU-mode.
      csrs.add(CSR_MSTATUS);
      if ((mstatusHi & MSTATUSH_MPV) !== 0 && (mstatusLo & MSTATUS_MPP) === 0) csrs.add(CSR_VSSTATUS);
    } else if (effect.csrs === CSRS_SRET) {
      // riscv/insns/sret.h: with V=1 sstatus is vsstatus; with V=0 hstatus
      // and mstatus, and vsstatus when returning to VU-mode.
      if (virt) {
        csrs.add(CSR_VSSTATUS);
      } else {
        if (hasHypervisor()) csrs.add(CSR_HSTATUS);
        csrs.add(CSR_MSTATUS);
        if ((hstatusLo & HSTATUS_SPV) !== 0 && (mstatusLo & MSTATUS_SPP) === 0) csrs.add(CSR_VSSTATUS);
      }
    }
    if (raised !== 0) csrs.add(CSR_FFLAGS);
    // riscv/csrs.cc sstatus_csr_t::dirty: writing FP state shows mstatus (and
    // vsstatus with V=1) when it turned FS dirty.
    if (
      fpState &&
      ((mstatusLo ^ h.csrLo[CSR_MSTATUS]) & MSTATUS_FS || (virt && (vsstatusLo ^ h.csrLo[CSR_VSSTATUS]) & MSTATUS_FS))
    ) {
      csrs.add(CSR_MSTATUS);
      if (virt) csrs.add(CSR_VSSTATUS);
    }
    for (const csr of csrs) {
      const def = csrTable[csr];
      if (def === undefined) continue;
      const lo = def.read(h, csr);
      fields.push({ key: registerKey(csr, KIND_CSR), text: csrField(csr, def.name, lo, csrOut.hi) });
    }
    if (fields.length > 1) fields.sort((a, b) => a.key - b.key);
    let line = "";
    for (const field of fields) line += field.text;
    if (effect.mem !== 0) line += memoryFields(h, effect, d.imm, baseLo, baseHi, srcLo, srcHi);
    return line;
  }
}

/** The " mem" fields: loads, then stores, as Spike lists them. */
function memoryFields(
  h: Hart,
  effect: InsnEffect,
  imm: number,
  baseLo: number,
  baseHi: number,
  srcLo: number,
  srcHi: number,
): string {
  // The effective address rs1 + imm (Spike logs the virtual address).
  const sum = (baseLo >>> 0) + (imm >>> 0);
  let lo = sum | 0;
  const hi = (baseHi + (imm >> 31) + (sum > 0xffffffff ? 1 : 0)) | 0;
  const d = uncached;
  switch (effect.mem) {
    case MEM_LOAD:
      return loadField(lo, hi);
    case MEM_STORE:
      return storeField(lo, hi, hexSized(srcLo, srcHi, effect.width));
    case MEM_STORE_CONDITIONAL:
      // Only a successful SC (rd = 0; the x0 sink holds it for rd = x0) stores.
      return h.xl[d.rd] === 0 && h.xh[d.rd] === 0 ? storeField(lo, hi, hexSized(srcLo, srcHi, effect.width)) : "";
    case MEM_AMO: {
      // The old value is what rd received (the sink for rd = x0).
      const bits = effect.width * 8;
      const mask = (1n << BigInt(bits)) - 1n;
      const old = u64(h.xl[d.rd], h.xh[d.rd]) & mask;
      const stored = effect.amo!(old, u64(srcLo, srcHi) & mask, bits) & mask;
      const value = `0x${stored.toString(16).padStart(effect.width * 2, "0")}`;
      return loadField(lo, hi) + storeField(lo, hi, value);
    }
    case MEM_ZERO_BLOCK: {
      // riscv/mmu.h cbo_zero: one byte store per byte of the block.
      let text = "";
      lo &= -CACHE_BLOCK_SIZE;
      for (let i = 0; i < CACHE_BLOCK_SIZE; i++) text += storeField(lo + i, hi, "0x00");
      return text;
    }
    default:
      return "";
  }
}

const u64 = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
