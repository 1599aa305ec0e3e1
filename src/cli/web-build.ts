// The web page `rvhv web` serves: build/web/ of rvhv's package, built by
// scripts/build-web.mjs (`npm run web`, and `npm ci`'s prepare script). In
// a clone (the script and the sources are there) the command rebuilds it
// first when it is missing or older than any source it bundles.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the page is bundled from (the machine's library modules included). */
const SOURCE_DIRS = ["web", "src", "firmware"];
/** What the build writes; the oldest of them dates the build. */
const OUTPUTS = ["index.html", "main.js", "machine-worker.js", "xterm.css"];
const BUILD_SCRIPT = "scripts/build-web.mjs";

/** The page's directory, or a one-line reason why there is none. */
export function readyWebPage(root: string): { dir: string } | { error: string } {
  const dir = join(root, "build/web");
  const script = join(root, BUILD_SCRIPT);
  const built = builtAt(dir);
  if (existsSync(script) && (built === null || SOURCE_DIRS.some((d) => newerThan(join(root, d), built)))) {
    const run = spawnSync(process.execPath, [script], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    if (run.status !== 0) {
      const why = run.stderr.trim().split("\n")[0] ?? "";
      return { error: `building the web page failed (run node ${BUILD_SCRIPT} to see why): ${why}` };
    }
  } else if (built === null) {
    return { error: `the web page is not built (${dir}): run npm run web in rvhv's directory` };
  }
  return { dir };
}

/** The mtime of the build's oldest output (ms), or null if one is missing. */
function builtAt(dir: string): number | null {
  let oldest = Infinity;
  for (const name of OUTPUTS) {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    oldest = Math.min(oldest, statSync(path).mtimeMs);
  }
  return oldest;
}

/** Whether any file under `path` changed after `time`. */
function newerThan(path: string, time: number): boolean {
  if (!existsSync(path)) return false;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs > time;
  return readdirSync(path).some((name) => newerThan(join(path, name), time));
}
