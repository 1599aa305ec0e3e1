// The MMU's TLB fast path as WebAssembly (src/rv64/mmu/mmu.ts): the load and
// store templates inline it, and take their handler on a miss.
import type { Decoded } from "../../rv64/decode/decoded.js";
import { TLB_ENTRIES, TLB_MASK } from "../../rv64/mmu/mmu.js";
import { L_ADDR, L_VA, P_TLB, type BlockBuilder } from "./builder.js";
import { Op } from "./encoder.js";

/**
 * L_VA = rs1 + imm; L_ADDR = the address of its TLB entry in the set at
 * `base`; pushes whether the entry hits (with `size`-byte alignment).
 */
export function tlbHit(b: BlockBuilder, d: Decoded, base: number, size: number): void {
  const f = b.f;
  b.reg(d.rs1);
  b.imm(d.imm);
  f.op(Op.i64Add).set(L_VA);
  f.get(P_TLB);
  f.get(L_VA).i64(12, 0).op(Op.i64ShrU).op(Op.i32WrapI64).i32(TLB_MASK).op(Op.i32And).i32(base).op(Op.i32Or);
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
}

/** Pushes the RAM address of the hit in L_ADDR's entry (RAM starts at 0 in the machine memory). */
export function hitAddress(b: BlockBuilder): void {
  b.f.get(L_ADDR).mem(Op.i32Load, 2, 8 * TLB_ENTRIES);
  b.f.get(L_VA).op(Op.i32WrapI64).i32(4095).op(Op.i32And).op(Op.i32Add);
}
