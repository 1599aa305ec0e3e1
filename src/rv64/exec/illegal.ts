import type { Hart } from "../hart.js";
import type { Decoded } from "../decode/decoded.js";
import { raiseIllegal } from "../trap.js";

/** Any encoding the decoder does not recognise (Priv §3.1.16: mtval = the instruction bits). */
export function illegalInstruction(h: Hart, d: Decoded): void {
  raiseIllegal(h, d.raw);
}
