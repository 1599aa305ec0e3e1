// The target description gdb reads with qXfer:features:read:target.xml
// (GDB manual, "Target Descriptions", and "Standard Target Features" >
// "RISC-V Features"): the features org.gnu.gdb.riscv.cpu (x0-x31 by ABI
// name, pc), .fpu (f0-f31, 64-bit for D), .virtual (priv) and .csr, the
// last built from our CSR table so gdb shows every CSR the view has, by the
// name the table gives it. Register numbers are registers.ts's.
import { csrTable } from "../rv64/csr/all.js";
import type { HartView } from "./hart-view.js";
import { REG_CSR0, REG_F0, REG_PC, REG_PRIV } from "./registers.js";

/** x0-x31 by ABI name, with the types gdb uses for them (riscv-tdep.c). */
const X_NAMES = [
  "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
  "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
]; // prettier-ignore
const X_TYPES: Record<string, string> = {
  ra: "code_ptr",
  sp: "data_ptr",
  gp: "data_ptr",
  tp: "data_ptr",
  fp: "data_ptr",
};

const F_NAMES = [
  "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
  "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
]; // prettier-ignore

const reg = (name: string, regnum: number, type: string, group?: string): string =>
  `<reg name="${name}" bitsize="64" regnum="${regnum}" type="${type}"${group === undefined ? "" : ` group="${group}"`}/>`;

/** The whole description for `view`, one document with every feature inline. */
export function targetDescription(view: HartView): string {
  const cpu = X_NAMES.map((name, i) => reg(name, i, X_TYPES[name] ?? "int"));
  cpu.push(reg("pc", REG_PC, "code_ptr"));
  // A 64-bit FP register holds a double, or a NaN-boxed single in its low half (Unpriv §21.2).
  const fpu = [
    '<union id="riscv_double"><field name="float" type="ieee_single"/><field name="double" type="ieee_double"/></union>',
    ...F_NAMES.map((name, i) => reg(name, REG_F0 + i, "riscv_double", "float")),
  ];
  const csr = view.csrs.map((csrno) => reg(csrTable[csrno]!.name, REG_CSR0 + csrno, "int", "csr"));
  const feature = (name: string, regs: string[]): string =>
    `<feature name="org.gnu.gdb.riscv.${name}">\n${regs.join("\n")}\n</feature>\n`;
  return (
    '<?xml version="1.0"?>\n<!DOCTYPE target SYSTEM "gdb-target.dtd">\n<target version="1.0">\n' +
    "<architecture>riscv:rv64</architecture>\n" +
    feature("cpu", cpu) +
    feature("fpu", fpu) +
    feature("virtual", [reg("priv", REG_PRIV, "int", "system")]) +
    feature("csr", csr) +
    "</target>\n"
  );
}
