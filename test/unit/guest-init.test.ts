// The guest's /init (guest-linux-config/init), run by the host's sh with its
// commands replaced by shell functions that only record their arguments, and
// the kernel command line read from a file the test writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
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
rvhv_workload() { echo "workload $*"; }
`;

/** Runs /init with `cmdline` as /proc/cmdline; returns what it did, in order. */
function boot(cmdline: string): string[] {
  writeFileSync(join(tmp, "cmdline"), cmdline + "\n");
  // A shell function cannot be named rvhv-workload in every sh: /init's call is renamed for the stub.
  const script = readFileSync(init, "utf8").replace(/^(\s*)rvhv-workload /m, "$1rvhv_workload ");
  writeFileSync(join(tmp, "init-stubbed"), script);
  const out = execFileSync("sh", ["-c", `${stubs}\n. "${join(tmp, "init-stubbed")}"`], { encoding: "utf8" });
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

  it("runs a benchmark workload between its markers for rvhv.workload=NAME, then powers off", () => {
    const run = (name: string): string[] => [
      ...mounts,
      "rvhv-guest: ready",
      `rvhv-workload: start ${name}`,
      `workload ${name}`,
      `rvhv-workload: end ${name}`,
      "poweroff -f",
    ];
    expect(boot("console=hvc0 rvhv.workload=cpu")).toEqual(run("cpu"));
    expect(boot("rvhv.workload=console earlycon=sbi")).toEqual(run("console"));
  });

  it("matches rvhv.poweroff only as a whole word", () => {
    const shell = [...mounts, "rvhv-guest: ready", "setsid cttyhack sh -l", "poweroff -f"];
    expect(boot("console=ttyS0 rvhv.poweroff=0")).toEqual(shell);
    expect(boot("console=ttyS0 xrvhv.poweroff")).toEqual(shell);
    expect(boot("rvhv.poweroffnow")).toEqual(shell);
  });
});

describe("guest console shell", () => {
  it("starts without SIGINT or SIGQUIT ignored, so ^C reaches what the user runs", () => {
    writeFileSync(join(tmp, "cmdline"), "console=hvc0\n");
    // setsid stands in for the shell: it reports the signals it inherited as ignored.
    const probe = `${stubs}\nsetsid() { grep '^SigIgn:' /proc/self/status; }\n`;
    const out = execFileSync("sh", ["-c", `${probe}\n. "${init}"`], { encoding: "utf8" });
    const ignored = BigInt("0x" + /SigIgn:\s*([0-9a-f]+)/.exec(out)![1]);
    expect(ignored & (1n << 1n)).toBe(0n); // SIGINT (2)
    expect(ignored & (1n << 2n)).toBe(0n); // SIGQUIT (3)
  });

  it("powers off, reboots and halts at once through /sbin/power-action", () => {
    const source = readFileSync(join(guestConfigDir(), "power-action"), "utf8");
    const script = join(tmp, "poweroff");
    writeFileSync(script, source.replace("/bin/busybox", "echo busybox"), { mode: 0o755 });
    expect(execFileSync(script, [], { encoding: "utf8" }).trim()).toBe("busybox poweroff -f");
    const list = readFileSync(join(guestConfigDir(), "initramfs.list"), "utf8");
    for (const name of ["poweroff", "reboot", "halt"]) {
      expect(list).toContain(`slink /sbin/${name} /sbin/power-action 0777 0 0`);
    }
  });
});
