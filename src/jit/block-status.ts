// What a compiled block returns to the engine's page loop (engine.ts).

/** The block ended at a jump, a branch or its last instruction; pc is set. */
export const BLOCK_CONTINUE = 0;
/** An instruction raised SIGNAL_STOP: interrupts and cached state must be re-checked. */
export const BLOCK_STOP = 1;
/** The slice has no room for the block (reached through a link): pc is its start. */
export const BLOCK_SHORT = 2;
