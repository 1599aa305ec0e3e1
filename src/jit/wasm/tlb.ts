// The MMU's TLB fast path as WebAssembly (src/rv64/mmu/mmu.ts): the load and
// store templates inline it, and take their handler on a miss.
//
// Before the TLB, an access tries the page the function last reached with
// the same kind of access (loads and stores apart: the store TLB holds only
// writable pages that hold no code), kept in locals. Only a handler can
// change a translation (a CSR write, a fence, a trap) or make a page hold
// code, and the locals are forgotten after every handler call
// (BlockBuilder.forgetPages), so a remembered page is what the TLB entry
// said when it was read.
import type { Decoded } from "../../rv64/decode/decoded.js";
import { LOAD_BASE, TLB_ENTRIES, TLB_MASK } from "../../rv64/mmu/mmu.js";
import {
  L_ADDR,
  L_LOAD_PAGE,
  L_LOAD_RAM,
  L_STATUS,
  L_STORE_PAGE,
  L_STORE_RAM,
  L_VA,
  P_TLB,
  type BlockBuilder,
} from "./builder.js";
import { I32, Op, VOID } from "./encoder.js";

/**
 * L_VA = rs1 + imm; pushes whether the `size`-byte access there hits (the
 * remembered page or the TLB set at `base`), with its RAM address in L_ADDR.
 * A misaligned access never hits.
 */
export function tlbHit(b: BlockBuilder, d: Decoded, base: number, size: number): void {
  const f = b.f;
  const [page, ram] = base === LOAD_BASE ? [L_LOAD_PAGE, L_LOAD_RAM] : [L_STORE_PAGE, L_STORE_RAM];
  b.reg(d.rs1);
  b.imm(d.imm);
  f.op(Op.i64Add).tee(L_VA);
  // The page number, and the offset bits that must be zero for alignment.
  f.i64(-4096 | (size - 1), -1)
    .op(Op.i64And)
    .get(page)
    .op(Op.i64Eq);
  f.op(Op.if).byte(I32);
  ramAddress(b, ram);
  f.i32(1);
  f.op(Op.else);
  // The entry's index (mmu.ts tlbIndex), with L_ADDR holding the address's low word meanwhile.
  f.get(L_VA).op(Op.i32WrapI64).set(L_ADDR);
  f.get(P_TLB);
  f.get(L_ADDR).i32(12).op(Op.i32ShrU).get(L_ADDR).i32(20).op(Op.i32ShrU).op(Op.i32Xor);
  f.i32(TLB_MASK).op(Op.i32And).i32(base).op(Op.i32Or);
  f.i32(2).op(Op.i32Shl).op(Op.i32Add).set(L_ADDR);
  // tagLo === va & -4096 && tagHi === va >> 32
  f.get(L_ADDR).mem(Op.i32Load, 2, 0);
  f.get(L_VA).op(Op.i32WrapI64).i32(-4096).op(Op.i32And).op(Op.i32Eq);
  f.get(L_ADDR).mem(Op.i32Load, 2, 4 * TLB_ENTRIES);
  f.get(L_VA).i64(32, 0).op(Op.i64ShrU).op(Op.i32WrapI64).op(Op.i32Eq).op(Op.i32And);
  if (size > 1)
    f.get(L_VA)
      .op(Op.i32WrapI64)
      .i32(size - 1)
      .op(Op.i32And)
      .op(Op.i32Eqz)
      .op(Op.i32And);
  f.tee(L_STATUS).op(Op.if).byte(VOID);
  f.get(L_VA).i64(-4096, -1).op(Op.i64And).set(page);
  f.get(L_ADDR)
    .mem(Op.i32Load, 2, 8 * TLB_ENTRIES)
    .set(ram);
  ramAddress(b, ram);
  f.op(Op.end);
  f.get(L_STATUS);
  f.op(Op.end);
}

/** L_ADDR = the RAM address of L_VA in the page at RAM offset `ram` (RAM starts at 0 in the machine memory). */
function ramAddress(b: BlockBuilder, ram: number): void {
  b.f.get(ram).get(L_VA).op(Op.i32WrapI64).i32(4095).op(Op.i32And).op(Op.i32Add).set(L_ADDR);
}

/** Pushes the RAM address of the access tlbHit found. */
export function hitAddress(b: BlockBuilder): void {
  b.f.get(L_ADDR);
}
