// Where a hart's registers live in the machine memory (memory.ts Ram), so
// that compiled WebAssembly blocks (src/jit/wasm/) read and write the same
// words as the interpreter's typed-array views (hart.ts xl, xh, fl, fh,
// csrLo, csrHi).
// Offsets are bytes from the hart's stateBase. The MMU's TLB arrays have
// their own block (mmu.ts).

/** Integer registers, low then high halves; slot 32 is the write sink for x0. */
export const X_LO = 0;
export const X_HI = 33 * 4;
/** Floating-point registers as raw bits, low then high halves. */
export const F_LO = 2 * 33 * 4;
export const F_HI = F_LO + 32 * 4;
/**
 * Where a compiled block leaves pc and the slice counter when it returns
 * (the engine copies them into the hart; src/jit/wasm/).
 */
export const EXIT_PC_LO = F_HI + 32 * 4;
export const EXIT_PC_HI = EXIT_PC_LO + 4;
export const EXIT_LEFT = EXIT_PC_LO + 8;
/** CSR storage by CSR number, low then high halves (hart.ts csrLo, csrHi). */
export const CSR_LO = 1024;
export const CSR_HI = CSR_LO + 4096 * 4;

export const HART_STATE_BYTES = CSR_HI + 4096 * 4;
