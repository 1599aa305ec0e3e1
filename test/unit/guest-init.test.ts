// The guest's /init (guest-linux-config/init), run by the host's sh with its
// commands replaced by shell functions that only record their arguments, and
// the kernel command line read from a file the test writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { guestConfigDir } from "../../src/guest/build.js";

let tmp: string;
let init: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "rvhv-guest-init-"));
  const source = readFileSync(join(guestConfigDir(), "init"), "utf8");
  expect(source).toContain("< /proc/cmdline");
  init = join(tmp, "init");
  writeFileSync(init, source.replace("< /proc/cmdline", `< ${join(tmp, "cmdline")}`));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Every external command /init runs. Functions win over PATH, so nothing real
// is mounted or powered off; poweroff -f never returns, so its stub exits.
const stubs = `
mount() { echo "mount $*"; }
hostname() { echo "hostname $*"; }
setsid() { echo "setsid $*"; }
poweroff() { echo "poweroff $*"; exit 0; }
`;

/** Runs /init with `cmdline` as /proc/cmdline; returns what it did, in order. */
function boot(cmdline: string): string[] {
  writeFileSync(join(tmp, "cmdline"), cmdline + "\n");
  const out = execFileSync("sh", ["-c", `${stubs}\n. "${init}"`], { encoding: "utf8" });
  return out.trimEnd().split("\n");
}

const mounts = [
  "mount -t proc proc /proc",
  "mount -t sysfs sysfs /sys",
  "mount -t devtmpfs devtmpfs /dev",
  "hostname rvhv",
];

describe("guest /init", () => {
  it("mounts, prints the marker and powers off with rvhv.poweroff", () => {
    expect(boot("console=ttyS0 rvhv.poweroff")).toEqual([...mounts, "rvhv-guest: ready", "poweroff -f"]);
    expect(boot("rvhv.poweroff")).toEqual([...mounts, "rvhv-guest: ready", "poweroff -f"]);
    expect(boot("rvhv.poweroff earlycon=sbi")).toEqual([...mounts, "rvhv-guest: ready", "poweroff -f"]);
  });

  it("otherwise starts a login shell on the console, and powers off when it exits", () => {
    const shell = [...mounts, "rvhv-guest: ready", "setsid cttyhack sh -l", "poweroff -f"];
    expect(boot("console=ttyS0")).toEqual(shell);
    expect(boot("")).toEqual(shell);
  });

  it("matches rvhv.poweroff only as a whole word", () => {
    const shell = [...mounts, "rvhv-guest: ready", "setsid cttyhack sh -l", "poweroff -f"];
    expect(boot("console=ttyS0 rvhv.poweroff=0")).toEqual(shell);
    expect(boot("console=ttyS0 xrvhv.poweroff")).toEqual(shell);
    expect(boot("rvhv.poweroffnow")).toEqual(shell);
  });
});

describe("guest /init as PID 1", () => {
  // busybox's poweroff/reboot/halt signal PID 1: USR2, TERM, USR1.
  for (const [signal, action] of [
    ["SIGUSR2", "poweroff -f"],
    ["SIGTERM", "reboot -f"],
    ["SIGUSR1", "halt -f"],
  ] as const) {
    it(`acts on ${signal} from busybox's ${action.split(" ")[0]} while the shell runs`, async () => {
      writeFileSync(join(tmp, "cmdline"), "console=ttyS0\n");
      const slowShell = `${stubs}\nsetsid() { sleep 30; }\nreboot() { echo "reboot $*"; exit 0; }\nhalt() { echo "halt $*"; exit 0; }\n`;
      // Its own process group, so the stub shell's sleep can be cleaned up after.
      const child = spawn("sh", ["-c", `${slowShell}\n. "${init}"`], {
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      });
      let out = "";
      child.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        if (out.includes("rvhv-guest: ready")) setTimeout(() => child.kill(signal), 200);
      });
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // the group is already gone
      }
      expect(code).toBe(0);
      expect(out.trimEnd().split("\n").at(-1)).toBe(action);
    });
  }
});
