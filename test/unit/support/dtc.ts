// Test support: decompile a device-tree blob with dtc (device-tree-compiler).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether dtc is installed; tests that need it skip with this message otherwise. */
export const HAVE_DTC = !spawnSync("dtc", ["--version"]).error;
export const NO_DTC_MESSAGE = "dtc not found: install device-tree-compiler (apt-get install device-tree-compiler)";

/** Runs a device-tree tool (dtc, fdtget, ...) on the blob, given as the last argument. */
export function withBlob<T>(blob: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "rvhv-dtb-"));
  try {
    const path = join(dir, "tree.dtb");
    writeFileSync(path, blob);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The blob as dtc's source output (`dtc -I dtb -O dts`); dtc's warnings fail the call. */
export function decompile(blob: Uint8Array): string {
  return withBlob(blob, (path) => execFileSync("dtc", ["-I", "dtb", "-O", "dts", "-q", path], { encoding: "utf8" }));
}

/** One property through fdtget (-t: s string, x hex cells, bx hex bytes). */
export function fdtget(blob: Uint8Array, node: string, prop: string, type = "s"): string {
  return withBlob(blob, (path) => execFileSync("fdtget", ["-t", type, path, node, prop], { encoding: "utf8" }).trim());
}
