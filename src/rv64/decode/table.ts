// The opcode table: every instruction the hart implements, one array per
// extension (each lives beside its handlers in exec/). An instruction in two
// extensions has one row: Zbkb's rotates, andn/orn/xnor and rev8 are in
// rv64zbb, and Zbkc (clmul, clmulh) is part of rv64zbc.
import type { InsnDef } from "./insn-def.js";
import { rv64i } from "../exec/i.js";
import { rv64m } from "../exec/m.js";
import { rv64a } from "../exec/a.js";
import { rv64f } from "../exec/f.js";
import { rv64d } from "../exec/d.js";
import { rv64zfh } from "../exec/zfh.js";
import { rv64zfa } from "../exec/zfa.js";
import { rv64zba } from "../exec/zba.js";
import { rv64zbb } from "../exec/zbb.js";
import { rv64zbc } from "../exec/zbc.js";
import { rv64zbkb } from "../exec/zbkb.js";
import { rv64zbkx } from "../exec/zbkx.js";
import { rv64zbs } from "../exec/zbs.js";
import { rv64zicond } from "../exec/zicond.js";
import { rv64zicbo } from "../exec/zicbo.js";
import { zicsr } from "../exec/zicsr.js";
import { system } from "../exec/system.js";

export const allInstructions: InsnDef[] = [
  ...rv64i,
  ...rv64m,
  ...rv64a,
  ...rv64f,
  ...rv64d,
  ...rv64zfh,
  ...rv64zfa,
  ...rv64zba,
  ...rv64zbb,
  ...rv64zbc,
  ...rv64zbkb,
  ...rv64zbkx,
  ...rv64zbs,
  ...rv64zicond,
  ...rv64zicbo,
  ...zicsr,
  ...system,
];

/** Adds an extension's instructions (the hypervisor extension registers itself this way). */
export function addInstructions(defs: readonly InsnDef[]): void {
  for (const def of defs) {
    if (!allInstructions.includes(def)) allInstructions.push(def);
  }
}
