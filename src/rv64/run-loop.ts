// The interpreter loop: fetch -> decode (cached per physical page) -> execute.
//
// runHart() runs a slice of at most `budget` instructions. Inside, runPage()
// executes straight from one code page's decoded slots until control leaves
// the page, a handler raises SIGNAL_STOP, or the slice ends. Interrupt state
// only changes through CSR writes (which raise SIGNAL_STOP) or between
// slices (devices), so interrupts are checked when runPage returns.
import { Decoded } from "./decode/decoded.js";
import { decodeInto } from "./decode/decode.js";
import { SIGNAL_JUMP, type Hart } from "./hart.js";
import { UNDECODED } from "./memory.js";
import { TRAP, enterTrap } from "./trap.js";
import { pendingInterrupt, wakesFromWfi } from "./interrupts.js";

/**
 * What runs a hart's code from one page in place of the interpreter's page
 * loop (runHart calls it when the hart has one): the translation engine
 * (src/jit/engine.ts), or the commit-log tracer (src/trace/tracer.ts), which
 * wraps the engine or runPage. Returns true when interrupts must be
 * re-checked, as runPage does.
 */
export interface PageEngine {
  runPage(h: Hart): boolean;
  /** RAM page `page`'s code changed (a store, a loader). */
  codeDropped(page: number): void;
}

/** Decode buffer for instructions that are never cached (page-straddling or ROM). */
export const uncached = new Decoded();

/**
 * Runs hart `h` for up to `budget` instructions, or until it waits for an
 * interrupt (WFI). Returns the number of instructions retired.
 */
export function runHart(h: Hart, budget: number): number {
  h.sliceBudget = budget;
  h.sliceLeft = budget;
  // The embedder may have changed the mode between slices (tests, firmware).
  h.mmu.selectContext();
  // Whether interrupt state may have changed since the last check: at the
  // start of a slice, and after SIGNAL_STOP or a trap, but not when control
  // merely moved to another page.
  let checkInterrupts = true;
  while (h.sliceLeft > 0) {
    try {
      if (checkInterrupts) {
        const irq = pendingInterrupt(h);
        if (irq >= 0) {
          enterTrap(h, irq, true, 0, 0);
          h.signal = 0;
        } else if (h.waiting) {
          // Priv §3.3.3: WFI resumes when any interrupt is pending and enabled in mie.
          if (!wakesFromWfi(h)) break;
          h.waiting = false;
        }
      }
      checkInterrupts = h.jit !== null ? h.jit.runPage(h) : runPage(h);
    } catch (e) {
      if (e !== TRAP) throw e;
      checkInterrupts = true;
      h.signal = 0;
      // The trapping instruction uses a step of the slice (so a trap loop
      // cannot run forever) but does not retire.
      h.sliceLeft--;
      h.instretBase--;
    }
  }
  const retired = h.sliceBudget - h.sliceLeft;
  h.instretBase += retired;
  h.sliceBudget = h.sliceLeft = 0;
  return retired;
}

/** How interpretInPage ended. */
export const PAGE_LEFT = 0; // control left the page, or the slice ended
export const PAGE_STOP = 1; // SIGNAL_STOP: interrupts must be re-checked
export const PAGE_JUMPED = 2; // a jump landed on a watched place in the same page (see ArrivalWatch)

/**
 * What the translation engine (src/jit/engine.ts) watches on a page: the
 * interpreter counts each jump's arrival at its target, and returns
 * PAGE_JUMPED where a compiled block starts or an arrival count reaches the
 * threshold, so the engine can run or compile the block there.
 */
export interface ArrivalWatch {
  /** Per 2-byte slot: instructions in the compiled block starting there; 0 none, NOT_COMPILABLE. */
  readonly counts: Uint8Array;
  readonly arrivals: Uint16Array;
  readonly threshold: number;
}

/** `ArrivalWatch.counts` of a slot where no block can start (its instruction straddles the page end). */
export const NOT_COMPILABLE = 255;

/**
 * Executes from the code page holding pc until control leaves it (see file
 * comment). Returns true when it stopped for SIGNAL_STOP (interrupts must be
 * re-checked), false when control left the page or the slice ended.
 */
export function runPage(h: Hart): boolean {
  const pageOff = h.mmu.fetchPage(h.pcLo, h.pcHi);
  if (pageOff < 0) {
    runUncached(h);
    return true;
  }
  const slots = h.phys.codePage(pageOff >>> 12);
  h.codeSlots = slots;
  return interpretInPage(h, slots, pageOff, null) === PAGE_STOP;
}

/**
 * The interpreter's inner loop over one code page, whose RAM offset is
 * `pageOff` and whose decoded slots are `slots`; pc is in the page. With a
 * `watch` (the translation engine's) it counts arrivals and returns where
 * a jump lands on a compiled or newly hot block start.
 */
export function interpretInPage(h: Hart, slots: Decoded[], pageOff: number, watch: ArrivalWatch | null): number {
  const vaHi = h.pcHi;
  const vaBase = h.pcLo & -4096;
  const u16 = h.phys.ram.u16;
  const parcelBase = pageOff >>> 1;
  let off = h.pcLo & 4095;
  // The slice counter lives in a local (a hart field updated per
  // instruction is much slower); h.sliceLeft is synced before each handler,
  // which may read it (counter CSRs, traps) or shorten it (Hart.endSlice).
  let left = h.sliceLeft;
  for (;;) {
    let d = slots[off >>> 1];
    if (d.len === 0) {
      const lo16 = u16[parcelBase + (off >>> 1)];
      if (off === 4094 && (lo16 & 3) === 3) {
        // A 32-bit instruction straddling into the next page is never cached.
        h.pcLo = vaBase | off;
        h.sliceLeft = left;
        runUncached(h);
        return PAGE_STOP;
      }
      if (d === UNDECODED) slots[off >>> 1] = d = new Decoded();
      decodeInto(d, lo16, off === 4094 ? 0 : u16[parcelBase + (off >>> 1) + 1]);
    }
    h.pcLo = vaBase | off;
    h.sliceLeft = left;
    d.exec(h, d);
    if (h.signal !== 0) {
      h.sliceLeft = left = h.sliceLeft - 1;
      if ((h.signal & SIGNAL_JUMP) !== 0) {
        const stop = h.signal !== SIGNAL_JUMP;
        h.signal = 0;
        if (stop) return PAGE_STOP;
        if (h.pcHi !== vaHi || (h.pcLo & -4096) !== vaBase || left <= 0) return PAGE_LEFT;
        off = h.pcLo & 4095;
        if (watch !== null) {
          const slot = off >>> 1;
          const count = watch.counts[slot];
          if (count === 0 ? ++watch.arrivals[slot] >= watch.threshold : count !== NOT_COMPILABLE) return PAGE_JUMPED;
        }
        continue;
      }
      h.signal = 0;
      advance(h, vaBase, vaHi, off + d.len);
      return PAGE_STOP;
    }
    left--;
    off += d.len;
    if (off >= 4096 || left <= 0) {
      h.sliceLeft = left;
      advance(h, vaBase, vaHi, off);
      return PAGE_LEFT;
    }
  }
}

/** Sets pc = page base + offset (offset may be 4096: the next page). */
function advance(h: Hart, vaBase: number, vaHi: number, off: number): void {
  const lo = (vaBase + off) | 0;
  h.pcLo = lo;
  h.pcHi = (vaHi + (lo >>> 0 < vaBase >>> 0 ? 1 : 0)) | 0;
}

/** Fetches, decodes and executes one instruction without the cache. */
export function runUncached(h: Hart): void {
  const lo16 = h.mmu.fetchParcel(h.pcLo, h.pcHi);
  let hi16 = 0;
  if ((lo16 & 3) === 3) {
    const lo = (h.pcLo + 2) | 0;
    hi16 = h.mmu.fetchParcel(lo, (h.pcHi + (lo >>> 0 < h.pcLo >>> 0 ? 1 : 0)) | 0);
  }
  decodeInto(uncached, lo16, hi16);
  const d = uncached;
  h.codeSlots = null;
  d.exec(h, d);
  h.sliceLeft--;
  const jumped = (h.signal & SIGNAL_JUMP) !== 0;
  h.signal = 0;
  if (!jumped) {
    const lo = (h.pcLo + d.len) | 0;
    h.pcHi = (h.pcHi + (lo >>> 0 < h.pcLo >>> 0 ? 1 : 0)) | 0;
    h.pcLo = lo;
  }
}
