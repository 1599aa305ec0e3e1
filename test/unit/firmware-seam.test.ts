// The seam between the core and TypeScript firmware (src/rv64/hart.ts
// FirmwareTrapHandler, src/rv64/firmware-access.ts): traps into M and HS
// reach the handler with the CSRs written as for machine code, the handler
// resumes the hart with MRET/SRET semantics, guest-memory probes report
// faults instead of raising them, and CSR writes go through the table.
import { describe, expect, it } from "vitest";
import type { Hart } from "../../src/rv64/hart.js";
import {
  GUEST_ACCESS_OK,
  guestFault,
  guestValue,
  loadGuest,
  readCsr,
  returnFromTrap,
  storeGuest,
  writeCsr,
} from "../../src/rv64/firmware-access.js";
import { getX, makeHart, RAM_BASE, runWords, setX } from "./support/hart.js";

const CSR_MSTATUS = 0x300;
const CSR_MEDELEG = 0x302;
const CSR_MEPC = 0x341;
const CSR_MCAUSE = 0x342;
const CSR_STVEC = 0x105;
const CSR_SEPC = 0x141;
const CSR_SCAUSE = 0x142;
const CSR_HSTATUS = 0x600;
const CSR_HTVAL = 0x643;
const CSR_HTINST = 0x64a;
const CSR_HGATP = 0x680;

/** A zeroed 16 KiB G-stage root table in RAM. */
const EMPTY_ROOT_PPN = (RAM_BASE + 0x10000) / 4096;

/** PMP entry 0: everything readable, writable and executable below M. */
function openPmp(h: Hart): void {
  h.pmp.addrLo[0] = -1;
  h.pmp.addrHi[0] = 0x3fffff;
  h.pmp.cfg[0] = 0x1f;
  h.pmp.update();
}

/** The hart in VS-mode (hgatp and vsatp Bare), with ECALL from VS delegated to HS. */
function guestHart(): Hart {
  const h = makeHart();
  openPmp(h);
  h.csrLo[CSR_MEDELEG] = 1 << 10;
  h.priv = 1;
  h.virt = true;
  return h;
}

describe("firmware trap handler", () => {
  it("gets a trap into M with mepc/mcause written, and returnFromTrap resumes as MRET to mepc", () => {
    const h = makeHart();
    openPmp(h);
    const seen: number[] = [];
    h.firmware = {
      onTrap(hart, target, cause, interrupt) {
        seen.push(target, cause, Number(interrupt), hart.csrLo[CSR_MCAUSE], hart.csrLo[CSR_MEPC] >>> 0, hart.priv);
        seen.push((hart.csrLo[CSR_MSTATUS] >>> 11) & 3); // MPP
        hart.csrLo[CSR_MEPC] = (hart.csrLo[CSR_MEPC] + 4) | 0;
        returnFromTrap(hart);
        return true;
      },
    };
    h.priv = 1; // S-mode
    runWords(h, [0x00000073, 0x00100093]); // ecall; addi x1, x0, 1
    expect(seen).toEqual([3, 9, 0, 9, RAM_BASE, 3, 1]);
    expect(h.priv).toBe(1); // back in S, not left in M
    expect(getX(h, 1)).toBe(1n);
  });

  it("gets an ECALL from VS-mode in HS with hstatus.SPV set, and returnFromTrap goes back to VS", () => {
    const h = guestHart();
    h.firmware = {
      onTrap(hart, target, cause) {
        expect([target, cause, hart.priv, hart.virt]).toEqual([1, 10, 1, false]);
        expect(hart.csrLo[CSR_SCAUSE]).toBe(10);
        expect(hart.csrLo[CSR_HSTATUS] & (1 << 7)).not.toBe(0); // SPV
        hart.xl[10] = 42; // a0: an SBI result
        hart.csrLo[CSR_SEPC] = (hart.csrLo[CSR_SEPC] + 4) | 0;
        returnFromTrap(hart);
        return true;
      },
    };
    setX(h, 10, 7n);
    runWords(h, [0x00000073, 0x00150593]); // ecall; addi a1, a0, 1
    expect([h.priv, h.virt]).toEqual([1, true]);
    expect(getX(h, 11)).toBe(43n);
    expect(h.csrLo[CSR_HSTATUS] & (1 << 7)).toBe(0); // SRET cleared SPV
  });

  it("lets a trap it declines vector to stvec as in hardware", () => {
    const h = guestHart();
    h.csrLo[CSR_STVEC] = (RAM_BASE + 0x400) | 0;
    h.firmware = { onTrap: () => false };
    runWords(h, [0x00000073]);
    expect(h.pcLo >>> 0).toBe(RAM_BASE + 0x400);
    expect([h.priv, h.virt]).toEqual([1, false]);
  });

  it("writes htinst for a guest's faulting load, or 0 when the hart models hardware that does not", () => {
    for (const writes of [true, false]) {
      const h = guestHart();
      h.csrLo[0x602] = 0; // hedeleg: the guest-page fault goes to HS
      h.csrLo[CSR_MEDELEG] |= 1 << 21;
      // Sv39x4: one 1 GiB leaf maps RAM (GPA 0x8000_0000) to itself; 0x4000_0000 is unmapped.
      h.csrHi[CSR_HGATP] = 8 << 28;
      h.csrLo[CSR_HGATP] = EMPTY_ROOT_PPN;
      h.phys.ram.i32[(EMPTY_ROOT_PPN * 4096 - RAM_BASE + 2 * 8) >>> 2] = ((RAM_BASE / 4096) << 10) | 0xdf;
      h.writesTrapInstruction = writes;
      let tinst = -1;
      h.firmware = {
        onTrap(hart) {
          tinst = hart.csrLo[CSR_HTINST];
          return true;
        },
      };
      setX(h, 5, 0x40000000n);
      runWords(h, [0x0082b503]); // ld a0, 8(t0)
      expect(tinst).toBe(writes ? 0x00003503 : 0); // transformed: rs1 = offset (0), imm = 0 (Priv §9.6.3)
    }
  });
});

describe("firmware guest-memory access", () => {
  it("reads and writes guest memory through both stages", () => {
    const h = guestHart();
    h.virt = false; // in HS, as a handler runs
    h.csrLo[CSR_HSTATUS] |= 1 << 8; // SPVP: access as VS
    expect(storeGuest(h, RAM_BASE + 0x100, 0, 8, 0x89abcdef | 0, 0x01234567)).toBe(GUEST_ACCESS_OK);
    expect(loadGuest(h, RAM_BASE + 0x100, 0, 8, false)).toBe(GUEST_ACCESS_OK);
    expect([guestValue.lo >>> 0, guestValue.hi]).toEqual([0x89abcdef, 0x01234567]);
  });

  it("reports a guest-page fault instead of raising it, leaving the trap CSRs alone", () => {
    const h = guestHart();
    h.virt = false;
    h.csrHi[CSR_HGATP] = 8 << 28; // Sv39x4 with an empty root table
    h.csrLo[CSR_HGATP] = EMPTY_ROOT_PPN;
    h.csrLo[CSR_SCAUSE] = 0x55;
    const pc = h.pcLo;
    expect(loadGuest(h, RAM_BASE + 0x2004, 0, 4, false)).toBe(21);
    expect(guestFault.tvalLo >>> 0).toBe(RAM_BASE + 0x2004);
    expect(guestFault.tval2Lo >>> 0).toBe((RAM_BASE + 0x2004) >>> 2);
    expect(storeGuest(h, RAM_BASE, 0, 4, 1, 0)).toBe(23);
    expect(loadGuest(h, RAM_BASE, 0, 2, true)).toBe(21); // HLVX reports a load fault
    expect(h.csrLo[CSR_SCAUSE]).toBe(0x55);
    expect(h.csrLo[CSR_HTVAL]).toBe(0);
    expect(h.pcLo).toBe(pc);
    expect(h.captureFaults).toBe(false);
  });
});

describe("firmware CSR access", () => {
  it("goes through the table's rows: WARL fields keep their legal values", () => {
    const h = makeHart();
    writeCsr(h, CSR_HGATP, 0, 7 << 28); // MODE 7 is reserved: the write leaves MODE alone
    readCsr(h, CSR_HGATP);
    expect(h.csrHi[CSR_HGATP] >>> 28).toBe(0);
    writeCsr(h, CSR_HGATP, 0x1234, 8 << 28); // Sv39x4
    expect(readCsr(h, CSR_HGATP)).toBe(0x1234 & ~3); // PPN[1:0] read as zero (16 KiB root)
    expect(() => readCsr(h, 0x7ff)).toThrow(/no CSR/);
  });
});
