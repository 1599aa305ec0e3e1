/** Expands a 16-bit RVC instruction to its 32-bit equivalent; 0 if illegal or reserved. */
export function expandCompressed(_insn: number): number {
  return 0;
}
