// Where rvhv's package is on disk: the directory of its package.json, found
// above this module (src/cli/ when run from source, dist/ when bundled).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface RvhvPackage {
  /** The directory, with no trailing slash. */
  root: string;
  version: string;
}

/** rvhv's package, or null if no package.json above this module is rvhv's. */
export function rvhvPackage(): RvhvPackage | null {
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "rvhv" && typeof pkg.version === "string")
        return { root: fileURLToPath(dir).replace(/\/$/, ""), version: pkg.version };
    } catch {
      // No package.json here (or not readable): look further up.
    }
    if (dir.pathname === "/") return null;
  }
}
