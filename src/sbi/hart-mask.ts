// Hart masks (SBI v2.0 §3.1): hart_mask is a bit vector of hart ids
// counted from hart_mask_base; hart_mask_base = -1 (all ones) selects
// every hart and ignores hart_mask.
import type { SbiCall } from "./call.js";

/** Reusable list of the selected hart ids (filled by selectHarts). */
export const selectedHarts: number[] = [];

/**
 * Collects the hart ids named by (mask = argument `maskArg`, base =
 * argument `maskArg + 1`) into selectedHarts. Returns false when a named
 * hart does not exist (SBI_ERR_INVALID_PARAM).
 */
export function selectHarts(call: SbiCall, maskArg: number): boolean {
  const count = call.host.hartCount;
  selectedHarts.length = 0;
  if (call.isAllOnes(maskArg + 1)) {
    for (let i = 0; i < count; i++) selectedHarts.push(i);
    return true;
  }
  return selectFromMask(call.argLo[maskArg], call.argHi[maskArg], call.arg(maskArg + 1), count);
}

/** The legacy form (SBI v2.0 §5): a 64-bit mask from hart 0; `null` (no mask pointer) means every hart. */
export function selectLegacyHarts(mask: { lo: number; hi: number } | null, count: number): boolean {
  selectedHarts.length = 0;
  if (mask === null) {
    for (let i = 0; i < count; i++) selectedHarts.push(i);
    return true;
  }
  return selectFromMask(mask.lo, mask.hi, 0, count);
}

function selectFromMask(lo: number, hi: number, base: number, count: number): boolean {
  for (let bit = 0; bit < 64; bit++) {
    const set = bit < 32 ? (lo >>> bit) & 1 : (hi >>> (bit - 32)) & 1;
    if (set === 0) continue;
    const hartId = base + bit;
    if (hartId >= count) return false;
    selectedHarts.push(hartId);
  }
  return true;
}
