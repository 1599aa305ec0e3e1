// Hypervisor interrupt rules the assembly suite (test/hyp) cannot reach:
// guest external interrupt lines (hgeip, driven by the platform), VGEIN,
// SGEIP, and the priority of the HS-level interrupt set (Priv §9.2.1,
// §9.2.3, §9.2.4, §9.4.2).
import { describe, expect, it } from "vitest";
import { makeHart } from "./support/hart.js";
import { csrTable, csrOut } from "../../src/rv64/csr/table.js";
import { pendingInterrupt, wakesFromWfi } from "../../src/rv64/interrupts.js";
import { enterTrap } from "../../src/rv64/trap.js";
import { runHart } from "../../src/rv64/run-loop.js";
import type { Hart } from "../../src/rv64/hart.js";
import { PRIV_M, PRIV_S, PRIV_U } from "../../src/rv64/constants.js";

const CSR = {
  mstatus: 0x300,
  mideleg: 0x303,
  mie: 0x304,
  mtvec: 0x305,
  mepc: 0x341,
  mcause: 0x342,
  mip: 0x344,
  sstatus: 0x100,
  stvec: 0x105,
  sepc: 0x141,
  scause: 0x142,
  hstatus: 0x600,
  hideleg: 0x603,
  hie: 0x604,
  hgeie: 0x607,
  hip: 0x644,
  hvip: 0x645,
  hgeip: 0xe12,
  vsstatus: 0x200,
  vsie: 0x204,
  vstvec: 0x205,
  vsepc: 0x241,
  vscause: 0x242,
  vsip: 0x244,
} as const;

const SSI = 1,
  VSSI = 2,
  STI = 5,
  VSTI = 6,
  SEI = 9,
  VSEI = 10,
  SGEI = 12;
const bit = (i: number) => 1 << i;
const GEILEN = 7;

function read(h: Hart, csr: number): bigint {
  const lo = csrTable[csr]!.read(h, csr);
  return (BigInt(csrOut.hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
function write(h: Hart, csr: number, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  csrTable[csr]!.write!(h, csr, Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0);
}
function setVgein(h: Hart, n: number): void {
  write(h, CSR.hstatus, (read(h, CSR.hstatus) & ~(0x3fn << 12n)) | (BigInt(n) << 12n));
}
/** A hart in VS-mode (or the given mode) with all hypervisor interrupt state cleared. */
function hartIn(priv: number, virt: boolean): Hart {
  const h = makeHart();
  // PMP entry 0: NAPOT over everything, RWX (S/U accesses need a matching entry).
  h.pmp.addrLo[0] = -1;
  h.pmp.addrHi[0] = 0x3fffff;
  h.pmp.cfg[0] = 0x1f;
  h.pmp.update();
  h.priv = priv;
  h.virt = virt;
  return h;
}

describe("guest external interrupts (Priv §9.2.4)", () => {
  it("hgeip shows the platform's lines in bits GEILEN:1 only", () => {
    const h = makeHart();
    h.hgeipLines = -1;
    expect(read(h, CSR.hgeip)).toBe(BigInt(((1 << (GEILEN + 1)) - 2) >>> 0));
    h.hgeipLines = bit(3);
    expect(read(h, CSR.hgeip)).toBe(8n);
  });

  it("hip.SGEIP is 1 exactly when hgeip & hgeie is nonzero (Priv §9.2.3)", () => {
    const h = makeHart();
    h.hgeipLines = bit(3);
    expect(read(h, CSR.hip) & BigInt(bit(SGEI))).toBe(0n);
    write(h, CSR.hgeie, BigInt(bit(2)));
    expect(read(h, CSR.hip) & BigInt(bit(SGEI))).toBe(0n);
    write(h, CSR.hgeie, BigInt(bit(3) | bit(2)));
    expect(read(h, CSR.hip) & BigInt(bit(SGEI))).toBe(BigInt(bit(SGEI)));
    expect(read(h, CSR.mip) & BigInt(bit(SGEI))).toBe(BigInt(bit(SGEI))); // Priv §9.4.3: mip.SGEIP aliases hip.SGEIP
    h.hgeipLines = 0;
    expect(read(h, CSR.hip) & BigInt(bit(SGEI))).toBe(0n);
  });

  it("the interrupt file (Hart.setGuestExternalInterrupt) drives hgeip bits 1..GEILEN only", () => {
    const h = makeHart();
    h.setGuestExternalInterrupt(2, true);
    h.setGuestExternalInterrupt(GEILEN, true);
    expect(read(h, CSR.hgeip)).toBe(BigInt(bit(2) | bit(GEILEN)));
    h.setGuestExternalInterrupt(2, false);
    expect(read(h, CSR.hgeip)).toBe(BigInt(bit(GEILEN)));
    expect(() => h.setGuestExternalInterrupt(0, true)).toThrow(RangeError);
    expect(() => h.setGuestExternalInterrupt(GEILEN + 1, true)).toThrow(RangeError);
  });

  it("hip.SGEIP is read-only: writing hip or mip does not set it", () => {
    const h = makeHart();
    write(h, CSR.hip, BigInt(bit(SGEI)));
    write(h, CSR.mip, BigInt(bit(SGEI)));
    expect(read(h, CSR.hip) & BigInt(bit(SGEI))).toBe(0n);
  });

  it("hstatus.VGEIN selects the hgeip bit that drives hip.VSEIP; hgeie does not matter (Priv §9.2.3)", () => {
    const h = makeHart();
    h.hgeipLines = bit(5);
    expect(read(h, CSR.hip) & BigInt(bit(VSEI))).toBe(0n); // VGEIN = 0: no source selected
    setVgein(h, 4);
    expect(read(h, CSR.hip) & BigInt(bit(VSEI))).toBe(0n);
    setVgein(h, 5);
    expect(read(h, CSR.hgeie)).toBe(0n);
    expect(read(h, CSR.hip) & BigInt(bit(VSEI))).toBe(BigInt(bit(VSEI)));
    expect(read(h, CSR.mip) & BigInt(bit(VSEI))).toBe(BigInt(bit(VSEI)));
  });

  it("hip.VSEIP is the OR of hvip.VSEIP and the selected guest line", () => {
    const h = makeHart();
    write(h, CSR.hvip, BigInt(bit(VSEI)));
    expect(read(h, CSR.hip) & BigInt(bit(VSEI))).toBe(BigInt(bit(VSEI)));
    write(h, CSR.hvip, 0n);
    setVgein(h, GEILEN);
    h.hgeipLines = bit(GEILEN);
    expect(read(h, CSR.hip) & BigInt(bit(VSEI))).toBe(BigInt(bit(VSEI)));
  });

  it("a guest external interrupt selected by VGEIN and delegated reaches VS-mode as SEI (vscause = interrupt | 9)", () => {
    const h = hartIn(PRIV_S, true);
    write(h, CSR.hideleg, BigInt(bit(VSEI)));
    write(h, CSR.hie, BigInt(bit(VSEI)));
    write(h, CSR.vsstatus, 2n); // SIE
    write(h, CSR.vstvec, 0x80000400n);
    setVgein(h, 2);
    expect(pendingInterrupt(h)).toBe(-1);
    h.hgeipLines = bit(2);
    expect(pendingInterrupt(h)).toBe(VSEI);
    expect(read(h, CSR.vsip)).toBe(BigInt(bit(SEI)));
    enterTrap(h, pendingInterrupt(h), true, 0, 0);
    expect(h.virt).toBe(true);
    expect(read(h, CSR.vscause)).toBe((1n << 63n) | 9n);
    expect(h.pcLo >>> 0).toBe(0x80000400);
  });

  it("SGEI goes to HS-mode (mideleg bit 12 is read-only one, hideleg bit 12 read-only zero): scause = interrupt | 12", () => {
    const h = hartIn(PRIV_S, true);
    expect(read(h, CSR.mideleg) & BigInt(bit(SGEI))).toBe(BigInt(bit(SGEI)));
    write(h, CSR.hideleg, -1n);
    expect(read(h, CSR.hideleg) & BigInt(bit(SGEI))).toBe(0n);
    write(h, CSR.hie, BigInt(bit(SGEI)));
    write(h, CSR.hgeie, BigInt(bit(1)));
    write(h, CSR.stvec, 0x80000800n);
    h.hgeipLines = bit(1);
    expect(pendingInterrupt(h)).toBe(SGEI);
    enterTrap(h, SGEI, true, 0, 0);
    expect(h.virt).toBe(false);
    expect(h.priv).toBe(PRIV_S);
    expect(read(h, CSR.scause)).toBe((1n << 63n) | 12n);
    expect(read(h, CSR.hstatus) & 0x80n).toBe(0x80n); // SPV
  });

  it("SGEI is not taken in HS-mode with sstatus.SIE = 0, and is taken with SIE = 1", () => {
    const h = hartIn(PRIV_S, false);
    write(h, CSR.hie, BigInt(bit(SGEI)));
    write(h, CSR.hgeie, BigInt(bit(1)));
    h.hgeipLines = bit(1);
    expect(pendingInterrupt(h)).toBe(-1);
    write(h, CSR.sstatus, 2n);
    expect(pendingInterrupt(h)).toBe(SGEI);
  });

  it("WFI wakes for a guest external interrupt enabled in hie even when no trap will follow", () => {
    const h = hartIn(PRIV_S, false);
    write(h, CSR.hie, BigInt(bit(SGEI)));
    write(h, CSR.hgeie, BigInt(bit(1)));
    expect(wakesFromWfi(h)).toBe(false);
    h.hgeipLines = bit(1);
    expect(wakesFromWfi(h)).toBe(true);
  });
});

describe("interrupt priority with the hypervisor extension (Priv §3.1.9, §9.2.3)", () => {
  /** The interrupt taken from VU-mode (every level enabled) with `pending` in hvip/mip and enabled in mie. */
  function taken(pending: number, hideleg = 0, mideleg = bit(SSI) | bit(STI) | bit(SEI)): number {
    const h = hartIn(PRIV_U, true);
    write(h, CSR.mideleg, BigInt(mideleg));
    write(h, CSR.hideleg, BigInt(hideleg));
    write(h, CSR.mie, BigInt(pending));
    // mip first: its VSSIP bit is a writable alias of hvip.VSSIP (Priv §9.4.3).
    write(h, CSR.mip, BigInt(pending & (bit(SSI) | bit(STI) | bit(SEI))));
    write(h, CSR.hvip, BigInt(pending & (bit(VSSI) | bit(VSTI) | bit(VSEI))));
    if ((pending & bit(SGEI)) !== 0) {
      write(h, CSR.hgeie, 2n);
      h.hgeipLines = 2;
    }
    return pendingInterrupt(h);
  }

  it("HS-level order: SEI, SSI, STI, SGEI, VSEI, VSSI, VSTI", () => {
    const order = [SEI, SSI, STI, SGEI, VSEI, VSSI, VSTI];
    for (let i = 0; i < order.length; i++) {
      const pending = order.slice(i).reduce((m, b) => m | bit(b), 0);
      expect(taken(pending)).toBe(order[i]);
    }
  });

  it("an HS-level interrupt outranks any VS-level (delegated) one, even VSEI over SSI's lower-level position", () => {
    expect(taken(bit(VSEI) | bit(STI), bit(VSEI))).toBe(STI);
    expect(taken(bit(VSEI) | bit(SGEI), bit(VSEI))).toBe(SGEI);
  });

  it("an undelegated VS-level interrupt (HS level) outranks a delegated one (VS level)", () => {
    expect(taken(bit(VSTI) | bit(VSEI), bit(VSEI))).toBe(VSTI);
  });

  it("VS-level order for delegated interrupts: VSEI (SEI), VSSI (SSI), VSTI (STI)", () => {
    const all = bit(VSSI) | bit(VSTI) | bit(VSEI);
    expect(taken(all, all)).toBe(VSEI);
    expect(taken(bit(VSSI) | bit(VSTI), all)).toBe(VSSI);
    expect(taken(bit(VSTI), all)).toBe(VSTI);
  });

  it("M-level interrupts outrank HS-level ones", () => {
    expect(taken(bit(SSI) | bit(SEI), 0, bit(SEI))).toBe(SSI); // SSI not delegated: M-level
  });

  it("VS-level interrupts are never taken while V=0, even in U-mode", () => {
    const h = hartIn(PRIV_U, false);
    write(h, CSR.hideleg, BigInt(bit(VSSI)));
    write(h, CSR.mie, BigInt(bit(VSSI)));
    write(h, CSR.hvip, BigInt(bit(VSSI)));
    expect(pendingInterrupt(h)).toBe(-1);
    h.virt = true;
    expect(pendingInterrupt(h)).toBe(VSSI);
  });

  it("in M-mode with MIE = 0 nothing below is taken", () => {
    const h = hartIn(PRIV_M, false);
    write(h, CSR.mie, BigInt(bit(VSSI)));
    write(h, CSR.hvip, BigInt(bit(VSSI)));
    expect(pendingInterrupt(h)).toBe(-1);
  });
});

describe("MRET and the V bit (Priv §9.6.4)", () => {
  it("MRET into VS-mode clears mstatus.MPV", () => {
    const h = hartIn(PRIV_M, false);
    write(h, CSR.mstatus, (1n << 39n) | 0x800n); // MPV, MPP = S
    write(h, CSR.mepc, 0x80000100n);
    h.phys.ram.u8.set([0x73, 0x00, 0x20, 0x30]); // mret
    h.phys.dropAllCode();
    runHart(h, 1);
    expect(h.virt).toBe(true);
    expect(h.priv).toBe(PRIV_S);
    expect(read(h, CSR.mstatus) & (1n << 39n)).toBe(0n);
  });

  it("SRET in VS-mode leaves hstatus.SPV and the HS sstatus alone", () => {
    const h = hartIn(PRIV_S, true);
    write(h, CSR.hstatus, 0x80n); // SPV
    write(h, CSR.mstatus, 0x120n); // SPP, SPIE
    write(h, CSR.vsstatus, 0x100n); // SPP = S
    write(h, CSR.vsepc, 0x80000100n);
    h.phys.ram.u8.set([0x73, 0x00, 0x20, 0x10]); // sret
    h.phys.dropAllCode();
    runHart(h, 1);
    expect(h.virt).toBe(true);
    expect(h.priv).toBe(PRIV_S);
    expect(h.pcLo >>> 0).toBe(0x80000100);
    expect(read(h, CSR.hstatus) & 0x80n).toBe(0x80n);
    expect(read(h, CSR.mstatus) & 0x120n).toBe(0x120n);
    expect(read(h, CSR.vsstatus) & 0x120n).toBe(0x20n); // SPP = 0, SPIE = 1
  });
});
