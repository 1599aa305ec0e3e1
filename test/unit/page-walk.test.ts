import { describe, expect, it } from "vitest";
import { makeHart, RAM_BASE } from "./support/hart.js";
import { translate } from "../../src/rv64/mmu/translate.js";
import { TRAP } from "../../src/rv64/trap.js";
import {
  CSR_MCAUSE,
  CSR_MENVCFG,
  CSR_MSTATUS,
  CSR_MTVAL,
  CSR_SATP,
  MSTATUS_MXR,
  MSTATUS_SUM,
  PRIV_S,
  PRIV_U,
} from "../../src/rv64/constants.js";
import type { Hart } from "../../src/rv64/hart.js";

const V = 1n,
  R = 2n,
  W = 4n,
  X = 8n,
  U = 16n,
  A = 64n,
  D = 128n;

function writePte(h: Hart, addr: bigint, pte: bigint): void {
  const off = Number(addr - BigInt(RAM_BASE));
  h.phys.ram.i32[off >>> 2] = Number(pte & 0xffffffffn) | 0;
  h.phys.ram.i32[(off >>> 2) + 1] = Number(pte >> 32n) | 0;
}
function readPte(h: Hart, addr: bigint): bigint {
  const off = Number(addr - BigInt(RAM_BASE));
  return (BigInt(h.phys.ram.i32[(off >>> 2) + 1] >>> 0) << 32n) | BigInt(h.phys.ram.i32[off >>> 2] >>> 0);
}
function pte(pa: bigint, flags: bigint): bigint {
  return ((pa >> 12n) << 10n) | flags;
}
/** Sv39 with root table at RAM_BASE + 0x10000, allowing all PMP. */
function sv39(mode = 8n): Hart {
  const h = makeHart(1 << 22);
  // PMP: entry 0 NAPOT over everything, RWX.
  h.pmp.addrLo[0] = -1;
  h.pmp.addrHi[0] = 0x3fffff;
  h.pmp.cfg[0] = 0x1f;
  h.pmp.update();
  const root = BigInt(RAM_BASE) + 0x10000n;
  h.csrHi[CSR_SATP] = Number(mode << 28n) | 0;
  h.csrLo[CSR_SATP] = Number(root >> 12n);
  h.priv = PRIV_S;
  return h;
}
function tr(h: Hart, va: bigint, faultKind = 1): bigint | string {
  const kind = faultKind === 3 ? 2 : faultKind;
  const priv = h.priv;
  try {
    const pa = translate(h, Number(va & 0xffffffffn) | 0, Number((va >> 32n) & 0xffffffffn) | 0, kind, faultKind);
    return BigInt(pa);
  } catch (e) {
    if (e !== TRAP) throw e;
    h.priv = priv; // the fault trapped to M; walk again at the old privilege
    return `cause ${h.csrLo[CSR_MCAUSE]} tval ${((BigInt(h.csrHi[CSR_MTVAL] >>> 0) << 32n) | BigInt(h.csrLo[CSR_MTVAL] >>> 0)).toString(16)}`;
  }
}

const ROOT = BigInt(RAM_BASE) + 0x10000n;
const L1 = BigInt(RAM_BASE) + 0x11000n;
const L0 = BigInt(RAM_BASE) + 0x12000n;

describe("Sv39 page walk", () => {
  it("translates a 4 KiB page through three levels", () => {
    const h = sv39();
    writePte(h, ROOT + 8n * 2n, pte(L1, V));
    writePte(h, L1 + 8n * 3n, pte(L0, V));
    writePte(h, L0 + 8n * 4n, pte(0x80200000n, V | R | W | A | D));
    const va = (2n << 30n) | (3n << 21n) | (4n << 12n) | 0x123n;
    expect(tr(h, va)).toBe(0x80200123n);
  });
  it("translates a 2 MiB megapage using the VA's low VPN bits", () => {
    const h = sv39();
    writePte(h, ROOT + 8n * 2n, pte(L1, V));
    writePte(h, L1 + 8n * 1n, pte(0x80400000n, V | R | A));
    const va = (2n << 30n) | (1n << 21n) | (0x1abn << 12n) | 0x7n;
    expect(tr(h, va)).toBe(0x80400000n + (0x1abn << 12n) + 7n);
  });
  it("faults on a misaligned megapage", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(0x80401000n, V | R | A));
    expect(tr(h, 0x10n)).toBe("cause 13 tval 10");
  });
  it("faults on a non-canonical address", () => {
    const h = sv39();
    expect(tr(h, 0x0000008000000000n)).toBe("cause 13 tval 8000000000");
  });
  it("raises store page fault on a read-only page and load fault on W-only (reserved)", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0, pte(0x80200000n, V | R | A | D));
    writePte(h, L0 + 8n, pte(0x80201000n, V | W | A | D));
    expect(tr(h, 0x0n, 2)).toBe("cause 15 tval 0");
    expect(tr(h, 0x1000n, 1)).toBe("cause 13 tval 1000");
  });
  it("applies U/SUM/MXR rules", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0, pte(0x80200000n, V | X | U | A));
    expect(tr(h, 0x0n, 1)).toBe("cause 13 tval 0"); // S touching a U page without SUM
    h.csrLo[CSR_MSTATUS] |= MSTATUS_SUM;
    expect(tr(h, 0x0n, 1)).toBe("cause 13 tval 0"); // execute-only, no MXR
    h.csrLo[CSR_MSTATUS] |= MSTATUS_MXR;
    expect(tr(h, 0x0n, 1)).toBe(0x80200000n);
    expect(tr(h, 0x0n, 0)).toBe("cause 12 tval 0"); // S may never execute U pages
    h.priv = PRIV_U;
    expect(tr(h, 0x0n, 0)).toBe(0x80200000n);
  });
  it("Svade faults on A/D clear; Svadu sets them", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0, pte(0x80200000n, V | R | W));
    expect(tr(h, 0x0n, 1)).toBe("cause 13 tval 0");
    h.csrHi[CSR_MENVCFG] = 1 << 29; // ADUE
    expect(tr(h, 0x0n, 1)).toBe(0x80200000n);
    expect(readPte(h, L0) & (A | D)).toBe(A);
    expect(tr(h, 0x0n, 2)).toBe(0x80200000n);
    expect(readPte(h, L0) & (A | D)).toBe(A | D);
  });
  it("Svnapot: 64 KiB pages take PPN[3:0] from the VA; other N encodings fault", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    const N = 1n << 63n;
    writePte(h, L0 + 8n * 0x13n, pte(0x80208000n, V | R | A) | N);
    expect(tr(h, 0x13456n)).toBe(0x80203456n);
    writePte(h, L0 + 8n * 0x20n, pte(0x80204000n, V | R | A) | N);
    expect(tr(h, 0x20000n)).toBe("cause 13 tval 20000");
  });
  it("Svpbmt: PBMT is reserved unless menvcfg.PBMTE", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0, pte(0x80200000n, V | R | A) | (1n << 61n));
    expect(tr(h, 0x0n)).toBe("cause 13 tval 0");
    h.csrHi[CSR_MENVCFG] = 1 << 30;
    expect(tr(h, 0x0n)).toBe(0x80200000n);
  });
  it("Sv48 and Sv57 walk four and five levels", () => {
    for (const [mode, levels] of [
      [9n, 4],
      [10n, 5],
    ] as const) {
      const h = sv39(mode);
      let table = ROOT;
      for (let l = levels - 1; l > 0; l--) {
        const next = ROOT + BigInt(levels - l) * 0x1000n;
        writePte(h, table + 8n, pte(next, V));
        table = next;
      }
      writePte(h, table + 8n, pte(0x80300000n, V | R | A));
      let va = 0n;
      for (let l = 0; l < levels; l++) va |= 1n << BigInt(12 + 9 * l);
      expect(tr(h, va | 0x45n)).toBe(0x80300045n);
    }
  });
});

describe("TLB sets per translation context", () => {
  /** A load through the MMU's fast path (TLB) at the current mode; the fault cause, or "ok". */
  function load(h: Hart, va: number): string {
    const priv = h.priv;
    try {
      h.mmu.load32(va, 0);
      return "ok";
    } catch (e) {
      if (e !== TRAP) throw e;
      h.priv = priv;
      h.mmu.selectContext();
      return `cause ${h.csrLo[CSR_MCAUSE]}`;
    }
  }
  function setMode(h: Hart, priv: number, sum: boolean): void {
    h.priv = priv;
    h.csrLo[CSR_MSTATUS] = sum ? h.csrLo[CSR_MSTATUS] | MSTATUS_SUM : h.csrLo[CSR_MSTATUS] & ~MSTATUS_SUM;
    h.mmu.selectContext();
  }

  it("an entry filled for U-mode or for S-mode with SUM never serves S-mode without SUM", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0, pte(0x80200000n, V | R | W | U | A | D));
    setMode(h, PRIV_U, false);
    expect(load(h, 0x10)).toBe("ok");
    setMode(h, PRIV_S, true);
    expect(load(h, 0x10)).toBe("ok");
    setMode(h, PRIV_S, false);
    expect(load(h, 0x10)).toBe("cause 13");
    setMode(h, PRIV_S, true);
    expect(load(h, 0x10)).toBe("ok");
  });

  it("an entry filled for S-mode never serves U-mode", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0, pte(0x80200000n, V | R | W | A | D)); // supervisor page
    setMode(h, PRIV_S, false);
    expect(load(h, 0x20)).toBe("ok");
    setMode(h, PRIV_U, false);
    expect(load(h, 0x20)).toBe("cause 13");
  });
});

describe("SFENCE.VMA with an address (Priv §4.2.1)", () => {
  function ram32(h: Hart, pa: bigint, v: number): void {
    h.phys.ram.i32[Number(pa - BigInt(RAM_BASE)) >>> 2] = v;
  }

  it("drops every 4 KiB entry cut from a superpage that covers the address", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(0x80200000n, V | R | A)); // 2 MiB megapage at VA 0
    ram32(h, 0x80200000n + 0x1000n, 11);
    ram32(h, 0x80200000n + 0x5000n, 55);
    ram32(h, 0x80000000n + 0x1000n, 111);
    ram32(h, 0x80000000n + 0x5000n, 555);
    h.mmu.selectContext();
    expect(h.mmu.load32(0x1000, 0)).toBe(11);
    expect(h.mmu.load32(0x5000, 0)).toBe(55);
    writePte(h, L1, pte(0x80000000n, V | R | A)); // remap the megapage
    expect(h.mmu.load32(0x1000, 0)).toBe(11); // still cached, as the spec allows
    h.mmu.flushPage(0x3000, 0); // another address inside the megapage
    expect(h.mmu.load32(0x1000, 0)).toBe(111);
    expect(h.mmu.load32(0x5000, 0)).toBe(555);
  });

  it("drops the address's entries in every context, next to a context of superpages", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L1 + 8n, pte(0x80200000n, V | R | A)); // a 2 MiB megapage at VA 0x200000 (S only)
    writePte(h, L0 + 8n, pte(0x80201000n, V | R | U | A));
    ram32(h, 0x80201000n, 1);
    ram32(h, 0x80203000n, 3);
    ram32(h, 0x80200000n, 7);
    h.csrLo[CSR_MSTATUS] |= MSTATUS_SUM;
    for (const priv of [PRIV_U, PRIV_S]) {
      h.priv = priv;
      h.mmu.selectContext();
      expect(h.mmu.load32(0x1000, 0)).toBe(1);
    }
    expect(h.mmu.load32(0x200000, 0)).toBe(7); // S's context now holds a superpage entry; U's does not
    writePte(h, L0 + 8n, pte(0x80203000n, V | R | U | A));
    h.mmu.flushPage(0x1000, 0);
    for (const priv of [PRIV_U, PRIV_S]) {
      h.priv = priv;
      h.mmu.selectContext();
      expect(h.mmu.load32(0x1000, 0)).toBe(3);
    }
  });

  it("keeps the entries of other pages, and the instruction drops the named page", () => {
    const h = sv39();
    writePte(h, ROOT, pte(L1, V));
    writePte(h, L1, pte(L0, V));
    writePte(h, L0 + 8n, pte(0x80201000n, V | R | A));
    writePte(h, L0 + 16n, pte(0x80202000n, V | R | A));
    ram32(h, 0x80201000n, 1);
    ram32(h, 0x80202000n, 2);
    ram32(h, 0x80203000n, 3);
    h.mmu.selectContext();
    expect(h.mmu.load32(0x1000, 0)).toBe(1);
    expect(h.mmu.load32(0x2000, 0)).toBe(2);
    writePte(h, L0 + 8n, pte(0x80203000n, V | R | A));
    writePte(h, L0 + 16n, pte(0x80203000n, V | R | A));
    h.mmu.flushPage(0x1000, 0);
    expect(h.mmu.load32(0x1000, 0)).toBe(3);
    expect(h.mmu.load32(0x2000, 0)).toBe(2); // not named: the cached translation may stay
  });
});
