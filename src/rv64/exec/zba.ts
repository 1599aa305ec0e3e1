import type { InsnDef } from "../decode/insn-def.js";

export const rv64zba: InsnDef[] = [];
