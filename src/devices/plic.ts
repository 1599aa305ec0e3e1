// The platform-level interrupt controller, SiFive's PLIC as QEMU's virt
// machine configures it (RISC-V PLIC spec v1.0.0; QEMU hw/intc/sifive_plic.c
// with include/hw/riscv/virt.h):
//
//   +0x000000 + 4*id                   priority[id]   (id 1..PLIC_NDEV; 3 bits)
//   +0x001000 + 4*w                    pending bits  (read-only)
//   +0x002000 + 0x80*ctx + 4*w         enable bits per context
//   +0x200000 + 0x1000*ctx             threshold
//   +0x200004 + 0x1000*ctx             claim (read) / complete (write)
//
// Contexts follow virt's "MS" hart configuration: for hart i, context 2i is
// its M-mode (drives MEIP) and context 2i+1 its S-mode (drives SEIP).
//
// Sources are level-triggered: the gateway (PLIC spec §5) holds a source's
// pending bit while its line is high and the source is not in service;
// a claim takes it into service, and a completion releases it, pending
// again at once if the line is still high. A line that drops before the
// claim withdraws the request, as on QEMU, so drivers see few spurious
// claims.
import type { MmioDevice } from "../rv64/memory.js";
import type { IrqTarget } from "./clint.js";

export const PLIC_BASE = 0x0c000000;
/** QEMU 7.2 sizes the region for its 512-hart maximum: 0x200000 + 1024 contexts * 0x1000. */
export const PLIC_SIZE = 0x600000;
/**
 * Interrupt sources, as virt's device tree advertises them (`riscv,ndev`;
 * VIRT_IRQCHIP_NUM_SOURCES = 96 in QEMU 7.2). Ids run 1..PLIC_NDEV; id 0
 * means "no interrupt".
 */
export const PLIC_NDEV = 96;
/** VIRT_IRQCHIP_NUM_PRIO_BITS = 3: priorities and thresholds 0..7. */
const PRIORITY_MASK = 7;

const PENDING_BASE = 0x1000;
const ENABLE_BASE = 0x2000;
const ENABLE_STRIDE = 0x80;
const CONTEXT_BASE = 0x200000;
const CONTEXT_STRIDE = 0x1000;
/** 32-bit words of source bits (ids 0..127). */
const WORDS = 4;

/** Where a context's interrupt output goes: a hart's mip bit. */
export interface PlicContext {
  target: IrqTarget;
  /** IRQ_M_EXT (11) or IRQ_S_EXT (9). */
  bit: number;
}

export class Plic implements MmioDevice {
  readonly name = "plic";
  readonly size = PLIC_SIZE;
  readHi = 0;
  private readonly priority = new Uint8Array(PLIC_NDEV + 1);
  /** Source line levels, as devices drive them. */
  private readonly level = new Uint8Array(PLIC_NDEV + 1);
  private readonly pending = new Uint8Array(PLIC_NDEV + 1);
  /** Claimed and not yet completed (in service). */
  private readonly inService = new Uint8Array(PLIC_NDEV + 1);
  private readonly enable: Uint32Array;
  private readonly threshold: Uint8Array;

  constructor(
    readonly base: number,
    private readonly contexts: readonly PlicContext[],
  ) {
    if (CONTEXT_BASE + contexts.length * CONTEXT_STRIDE > PLIC_SIZE)
      throw new Error(`too many PLIC contexts (${contexts.length})`);
    this.enable = new Uint32Array(contexts.length * WORDS);
    this.threshold = new Uint8Array(contexts.length);
  }

  /** The contexts of virt's "MS" configuration for these harts. */
  static virtContexts(harts: readonly IrqTarget[], mExtBit: number, sExtBit: number): PlicContext[] {
    return harts.flatMap((target) => [
      { target, bit: mExtBit },
      { target, bit: sExtBit },
    ]);
  }

  /** A device drives interrupt source `id` (1..PLIC_NDEV) to `level`. */
  setSourceLevel(id: number, level: boolean): void {
    if (id < 1 || id > PLIC_NDEV) throw new RangeError(`PLIC source ${id} out of range 1..${PLIC_NDEV}`);
    const v = level ? 1 : 0;
    if (this.level[id] === v) return;
    this.level[id] = v;
    if (this.inService[id] === 0) this.pending[id] = v;
    this.update();
  }

  // Registers are 32 bits wide. Wider accesses act as consecutive 32-bit
  // ones (QEMU splits them so); narrower ones read zero and are ignored.

  read(offset: number, size: number): number {
    if (size === 8) {
      const lo = this.read32(offset);
      this.readHi = this.read32(offset + 4);
      return lo;
    }
    return size === 4 && (offset & 3) === 0 ? this.read32(offset) : 0;
  }

  write(offset: number, size: number, lo: number, hi: number): void {
    if ((offset & 3) !== 0 || size < 4) return;
    this.write32(offset, lo);
    if (size === 8) this.write32(offset + 4, hi);
  }

  private read32(offset: number): number {
    if (offset < PENDING_BASE) {
      const id = offset >>> 2;
      return id <= PLIC_NDEV ? this.priority[id] : 0;
    }
    if (offset < ENABLE_BASE) {
      const w = (offset - PENDING_BASE) >>> 2;
      return w < WORDS ? this.sourceBits(this.pending, w) : 0;
    }
    if (offset < CONTEXT_BASE) {
      const ctx = Math.floor((offset - ENABLE_BASE) / ENABLE_STRIDE);
      const w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) >>> 2;
      return ctx < this.contexts.length && w < WORDS ? this.enable[ctx * WORDS + w] | 0 : 0;
    }
    const ctx = Math.floor((offset - CONTEXT_BASE) / CONTEXT_STRIDE);
    if (ctx >= this.contexts.length) return 0;
    switch ((offset - CONTEXT_BASE) % CONTEXT_STRIDE) {
      case 0:
        return this.threshold[ctx];
      case 4:
        return this.claim(ctx);
      default:
        return 0;
    }
  }

  private write32(offset: number, value: number): void {
    if (offset < PENDING_BASE) {
      const id = offset >>> 2;
      if (id >= 1 && id <= PLIC_NDEV) {
        this.priority[id] = value & PRIORITY_MASK;
        this.update();
      }
      return;
    }
    if (offset < ENABLE_BASE) return; // PLIC spec §6: pending bits are read-only
    if (offset < CONTEXT_BASE) {
      const ctx = Math.floor((offset - ENABLE_BASE) / ENABLE_STRIDE);
      const w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) >>> 2;
      if (ctx >= this.contexts.length || w >= WORDS) return;
      // Bit 0 (source 0) and bits past the last source are hardwired to zero.
      let mask = 0xffffffff;
      if (w === 0) mask &= ~1;
      const last = PLIC_NDEV - 32 * w;
      if (last < 31) mask = last < 0 ? 0 : mask & (2 ** (last + 1) - 1);
      this.enable[ctx * WORDS + w] = (value & mask) >>> 0;
      this.update();
      return;
    }
    const ctx = Math.floor((offset - CONTEXT_BASE) / CONTEXT_STRIDE);
    if (ctx >= this.contexts.length) return;
    switch ((offset - CONTEXT_BASE) % CONTEXT_STRIDE) {
      case 0:
        this.threshold[ctx] = value & PRIORITY_MASK;
        this.update();
        break;
      case 4:
        this.complete(ctx, value >>> 0);
        break;
    }
  }

  /**
   * PLIC spec §7: the claim returns the highest-priority pending source
   * enabled for the context with priority above its threshold (ties to the
   * lowest id), and takes it into service; 0 when there is none.
   */
  private claim(ctx: number): number {
    const id = this.best(ctx);
    if (id !== 0) {
      this.pending[id] = 0;
      this.inService[id] = 1;
      this.update();
    }
    return id;
  }

  /** PLIC spec §8: a completion for a source not enabled for the context is ignored. */
  private complete(ctx: number, id: number): void {
    if (id < 1 || id > PLIC_NDEV || !this.enabled(ctx, id) || this.inService[id] === 0) return;
    this.inService[id] = 0;
    this.pending[id] = this.level[id];
    this.update();
  }

  private enabled(ctx: number, id: number): boolean {
    return ((this.enable[ctx * WORDS + (id >>> 5)] >>> (id & 31)) & 1) !== 0;
  }

  /** The source a claim by `ctx` would return now, or 0. */
  private best(ctx: number): number {
    let best = 0;
    let bestPriority = this.threshold[ctx];
    for (let id = 1; id <= PLIC_NDEV; id++) {
      if (this.pending[id] !== 0 && this.priority[id] > bestPriority && this.enabled(ctx, id)) {
        best = id;
        bestPriority = this.priority[id];
      }
    }
    return best;
  }

  /** Drives every context's output: is there a source it could claim? */
  private update(): void {
    for (let ctx = 0; ctx < this.contexts.length; ctx++) {
      const c = this.contexts[ctx];
      c.target.setIrqLine(c.bit, this.best(ctx) !== 0);
    }
  }

  /** One 32-bit word of a per-source bit array. */
  private sourceBits(bits: Uint8Array, w: number): number {
    let v = 0;
    for (let b = 0; b < 32; b++) {
      const id = 32 * w + b;
      if (id <= PLIC_NDEV && bits[id] !== 0) v |= 1 << b;
    }
    return v;
  }
}
