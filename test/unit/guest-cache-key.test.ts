// The guest cache key (guest-linux-config/build.sh --print-key) and the
// machine-mode protocol src/guest/build.ts reads. Nothing here builds: every
// build.sh run below is --print-key/--print-dir, or meets a prepared cache entry.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildGuest,
  builtGuest,
  guestCacheDir,
  guestConfigDir,
  parseGuestRecord,
  printGuestProgress,
  type GuestProgress,
} from "../../src/guest/build.js";

let tmp: string;
let savedCache: string | undefined;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-guest-key-"));
  savedCache = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = join(tmp, "cache");
});

afterEach(() => {
  if (savedCache === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedCache;
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of guest-linux-config that a test may edit. */
function copyConfig(name: string): string {
  const dir = join(tmp, name);
  cpSync(guestConfigDir(), dir, { recursive: true });
  return dir;
}

function script(dir: string, flag: "--print-key" | "--print-dir"): string {
  return execFileSync("bash", [join(dir, "build.sh"), flag], { encoding: "utf8" }).trim();
}

describe("guest cache key", () => {
  it("is the same for unchanged inputs, wherever the directory is", () => {
    const a = copyConfig("a");
    const b = copyConfig("b");
    const key = script(a, "--print-key");
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(script(a, "--print-key")).toBe(key);
    expect(script(b, "--print-key")).toBe(key);
    expect(script(guestConfigDir(), "--print-key")).toBe(key);
  });

  it("changes when a config file's content changes", () => {
    const dir = copyConfig("c");
    const before = script(dir, "--print-key");
    appendFileSync(join(dir, "kernel.config"), "CONFIG_TMPFS_POSIX_ACL=y\n");
    const after = script(dir, "--print-key");
    expect(after).not.toBe(before);
    appendFileSync(join(dir, "init"), "# comment\n");
    expect(script(dir, "--print-key")).not.toBe(after);
  });

  it("changes when a file is added or renamed", () => {
    const dir = copyConfig("d");
    const before = script(dir, "--print-key");
    writeFileSync(join(dir, "extra.txt"), "x\n");
    const added = script(dir, "--print-key");
    expect(added).not.toBe(before);
    renameSync(join(dir, "extra.txt"), join(dir, "other.txt"));
    expect(script(dir, "--print-key")).not.toBe(added);
  });

  it("names the output directory under $XDG_CACHE_HOME/rvhv/guest", () => {
    const dir = copyConfig("e");
    const key = script(dir, "--print-key");
    expect(script(dir, "--print-dir")).toBe(join(tmp, "cache", "rvhv", "guest", key));
    expect(guestCacheDir()).toBe(join(tmp, "cache", "rvhv", "guest", key));
  });

  it("falls back to ~/.cache without XDG_CACHE_HOME", () => {
    const dir = copyConfig("f");
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: join(tmp, "home") };
    delete env.XDG_CACHE_HOME;
    const out = execFileSync("bash", [join(dir, "build.sh"), "--print-dir"], { encoding: "utf8", env }).trim();
    expect(out).toBe(join(tmp, "home", ".cache", "rvhv", "guest", script(dir, "--print-key")));
  });
});

describe("cached guest", () => {
  /** Fills the current inputs' cache entry the way a finished build leaves it. */
  function fakeBuild(): string {
    const dir = guestCacheDir();
    mkdirSync(dir, { recursive: true });
    for (const f of ["Image", "initramfs.cpio.gz", "versions.txt"]) writeFileSync(join(dir, f), "");
    return dir;
  }

  it("builtGuest is null until a build completed", () => {
    expect(builtGuest()).toBeNull();
    const dir = fakeBuild();
    expect(builtGuest()).toEqual({
      dir,
      image: join(dir, "Image"),
      initrd: join(dir, "initramfs.cpio.gz"),
      cached: true,
    });
  });

  it("buildGuest with unchanged inputs builds nothing and returns the cached directory", async () => {
    const dir = fakeBuild();
    const events: GuestProgress[] = [];
    const stop = new AbortController();
    const guest = await buildGuest({
      signal: stop.signal,
      onProgress: (e) => {
        events.push(e);
        // A phase means a build started: stop it at once (the test then fails).
        if (e.kind === "phase") stop.abort();
      },
    });
    expect(guest).toEqual({ dir, image: join(dir, "Image"), initrd: join(dir, "initramfs.cpio.gz"), cached: true });
    expect(events.some((e) => e.kind === "phase")).toBe(false);
  });
});

describe("build.sh machine records", () => {
  it("parses each record kind", () => {
    expect(parseGuestRecord("phase\t4\t6\tkernel build (make -j2 Image)")).toEqual({
      kind: "phase",
      index: 4,
      count: 6,
      title: "kernel build (make -j2 Image)",
    });
    expect(parseGuestRecord("progress\t120\t900")).toEqual({ kind: "progress", done: 120, total: 900 });
    expect(parseGuestRecord("log\t/c/rvhv/guest/work/build.log")).toEqual({
      kind: "log",
      path: "/c/rvhv/guest/work/build.log",
    });
    expect(parseGuestRecord("message\tinstalling bc")).toEqual({ kind: "message", text: "installing bc" });
    expect(parseGuestRecord("error\terror: kernel build failed")).toEqual({
      kind: "error",
      text: "error: kernel build failed",
    });
    expect(parseGuestRecord("done\t/c/rvhv/guest/0123456789abcdef\t0")).toEqual({
      kind: "done",
      dir: "/c/rvhv/guest/0123456789abcdef",
      cached: false,
    });
  });

  it("ignores anything else", () => {
    expect(parseGuestRecord("")).toBeNull();
    expect(parseGuestRecord("  CC      kernel/fork.o")).toBeNull();
    expect(parseGuestRecord("progress\t1")).toBeNull();
  });

  it("prints phases and a line per 10% when the stream is not a terminal", () => {
    let text = "";
    const out = { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
    const print = printGuestProgress(out);
    print({ kind: "phase", index: 4, count: 6, title: "kernel build" });
    for (let done = 0; done <= 100; done += 5) print({ kind: "progress", done, total: 100 });
    print({ kind: "message", text: "built in 6m02s" });
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("[4/6] kernel build");
    expect(lines.filter((l) => l.includes("steps"))).toHaveLength(10);
    expect(lines.at(-1)).toBe("rvhv guest: built in 6m02s");
  });
});
