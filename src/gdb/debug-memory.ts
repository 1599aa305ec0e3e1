// Memory as the debugger sees it: virtual addresses through the hart's
// translation in the view's mode (hart-view.ts), without side effects on the
// machine: a fault is reported, never raised (Hart.captureFaults, as the
// firmware's probes do), nothing enters the TLBs, and pages are walked for
// read permission, so no PTE's D bit is set (with Svadu on, an A bit may be,
// as the privileged spec allows a speculative access to). Only RAM is reachable:
// reading a device register could change the device (a UART's receive
// buffer), so MMIO reads as a fault. Writes drop decoded code on the pages
// they touch, so a patched instruction runs as patched.
import type { Hart } from "../rv64/hart.js";
import { translateAs } from "../rv64/mmu/translate.js";
import { WALK_FETCH, WALK_LOAD } from "../rv64/mmu/page-walk.js";
import { TRAP } from "../rv64/trap.js";
import { addressHalves } from "./hex.js";
import type { HartView } from "./hart-view.js";

const PAGE = 4096n;

/**
 * The RAM offset of the page holding `address` in the view, or -1 where a
 * program in that mode could neither read nor execute there (or it is not
 * RAM). Execute-only pages count: the debugger reads code.
 */
function ramPageOffset(view: HartView, h: Hart, address: bigint): number {
  const { lo, hi } = addressHalves(address & ~(PAGE - 1n));
  const priv = view.memoryPriv(h);
  const virt = view.memoryVirt(h);
  h.captureFaults = true;
  try {
    for (const walkKind of [WALK_LOAD, WALK_FETCH]) {
      try {
        const pa = translateAs(h, lo, hi, walkKind, priv, virt);
        return h.phys.ram.offsetOf(pa, 4096);
      } catch (e) {
        if (e !== TRAP) throw e;
      }
    }
    return -1;
  } finally {
    h.captureFaults = false;
  }
}

/** Reads `length` bytes at `address`; returns fewer (down to none) where a page is unreachable. */
export function readMemory(view: HartView, h: Hart, address: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const at = (address + BigInt(done)) & 0xffffffffffffffffn;
    const page = ramPageOffset(view, h, at);
    if (page < 0) break;
    const inPage = Number(at % PAGE);
    const n = Math.min(length - done, 4096 - inPage);
    out.set(h.phys.ram.u8.subarray(page + inPage, page + inPage + n), done);
    done += n;
  }
  return out.subarray(0, done);
}

/** Writes `bytes` at `address`; false (and nothing written) if any page is unreachable. */
export function writeMemory(view: HartView, h: Hart, address: bigint, bytes: Uint8Array): boolean {
  const pieces: { page: number; inPage: number; from: number; n: number }[] = [];
  for (let done = 0; done < bytes.length;) {
    const at = (address + BigInt(done)) & 0xffffffffffffffffn;
    const page = ramPageOffset(view, h, at);
    if (page < 0) return false;
    const inPage = Number(at % PAGE);
    const n = Math.min(bytes.length - done, 4096 - inPage);
    pieces.push({ page, inPage, from: done, n });
    done += n;
  }
  const ram = h.phys.ram;
  for (const { page, inPage, from, n } of pieces) {
    ram.u8.set(bytes.subarray(from, from + n), page + inPage);
    h.phys.noteRamWrite(ram.base + page + inPage, n, page >>> 12, ram.pageFlags[page >>> 12]);
  }
  return true;
}
