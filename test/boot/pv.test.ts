// Boots the Linux guest under rvhv's TypeScript hypervisor (`rvhv boot`,
// firmware/) through the real command line: the kernel in VS-mode, its SBI
// calls served by src/sbi, its console hvc0 on stdin/stdout. Without a built
// guest these tests fail and say what to run.
import { describe, expect, it } from "vitest";
import { MARKER, requireGuest, runRvhv, runRvhvScript } from "./support.js";

/** A PV boot takes 3-8 s here; the limit leaves room for a loaded CI machine. */
const TIMEOUT_MS = 120_000;

function bootArgs(...extra: string[]): string[] {
  const guest = requireGuest();
  return ["boot", "--kernel", guest.image, "--initrd", guest.initrd, ...extra];
}

/** A count from the --stats table: the number at the end of the row named `row`. */
function statRow(stderr: string, row: string): number {
  const line = stderr.split("\n").find((l) => l.trimStart().startsWith(row));
  if (line === undefined) throw new Error(`no '${row}' row in the statistics:\n${stderr}`);
  return Number(/(\d+)(?: \([\d.]+%\))?\s*$/.exec(line)![1]);
}

describe("rvhv boot: Linux in VS-mode under the TypeScript hypervisor", () => {
  it(
    "--smp 1 boots to user space and powers off: exit 0, the kernel ran in VS and user space in VU",
    async () => {
      const r = await runRvhv(bootArgs("--append", "rvhv.poweroff", "--icount", "--stats"), "", TIMEOUT_MS);
      expect(r.stdout).toContain(MARKER);
      expect(r.stdout).toContain("reboot: Power down");
      expect(statRow(r.stderr, "VS (guest kernel)")).toBeGreaterThan(50_000_000);
      expect(statRow(r.stderr, "VU (guest user)")).toBeGreaterThan(100_000);
      expect(statRow(r.stderr, "HS ")).toBe(0);
      expect(statRow(r.stderr, "M ")).toBe(0);
      expect(statRow(r.stderr, "SRST system_reset")).toBe(1);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "--smp 4: SBI v2.0 and every extension detected, 4 processors, poweroff -f exits 0",
    async () => {
      const input = "dmesg | grep -i sbi\ncat /proc/cpuinfo\npoweroff -f\n";
      const r = await runRvhv(bootArgs("--smp", "4", "--icount", "--stats"), input, TIMEOUT_MS);
      expect(r.stdout).toContain("SBI specification v2.0 detected");
      expect(r.stdout).toContain("SBI implementation ID=0x52564856 Version=0x1");
      for (const ext of ["TIME", "IPI", "RFENCE", "HSM", "SRST", "DBCN", "STA"]) {
        expect(r.stdout).toContain(`SBI ${ext} extension detected`);
      }
      expect(r.stdout).toContain("smp: Brought up 1 node, 4 CPUs");
      const processors = [...r.stdout.matchAll(/^processor\s*: (\d+)/gm)].map((m) => Number(m[1]));
      expect(processors).toEqual([0, 1, 2, 3]);
      expect(statRow(r.stderr, "HSM hart_start")).toBe(3);
      expect(statRow(r.stderr, "IPI send_ipi")).toBeGreaterThan(0);
      expect(statRow(r.stderr, "STA steal_time_set_shmem")).toBe(4);
      expect(statRow(r.stderr, "VU (guest user)")).toBeGreaterThan(0);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "--icount replays exactly: --smp 4 twice gives the same console bytes and instruction counts",
    async () => {
      const input = "cat /proc/interrupts\npoweroff -f\n";
      const args = bootArgs("--smp", "4", "--icount", "--stats");
      const first = await runRvhv(args, input, TIMEOUT_MS);
      const second = await runRvhv(args, input, TIMEOUT_MS);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain("smp: Brought up 1 node, 4 CPUs");
      expect(second.stdout).toBe(first.stdout);
      for (const row of ["VS (guest kernel)", "VU (guest user)"]) {
        expect(statRow(second.stderr, row), row).toBe(statRow(first.stderr, row));
      }
    },
    2 * TIMEOUT_MS,
  );

  it(
    "reboot boots the guest again, and busybox poweroff then exits 0",
    async () => {
      const r = await runRvhvScript(
        bootArgs("--icount"),
        [
          { after: MARKER, send: "reboot\n" },
          { after: MARKER, send: "poweroff\n" },
        ],
        TIMEOUT_MS,
      );
      expect(r.stdout.split(MARKER)).toHaveLength(3);
      expect(r.stdout).toContain("reboot: Power down");
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "--sstc offers Sstc: the guest programs vstimecmp and makes no SBI timer calls",
    async () => {
      const input = "grep -o sstc /proc/cpuinfo | sort -u\npoweroff\n";
      const r = await runRvhv(bootArgs("--sstc", "--icount", "--stats"), input, TIMEOUT_MS);
      expect(r.stdout).toMatch(/^sstc\r?$/m);
      expect(r.stderr).not.toContain("TIME set_timer");
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "time sleep 2 takes about 2 s of guest time on the host clock",
    async () => {
      const r = await runRvhv(bootArgs(), "time sleep 2\npoweroff\n", TIMEOUT_MS);
      const real = /real\s+0m\s*([\d.]+)s/.exec(r.stdout);
      expect(real, r.stdout).not.toBeNull();
      expect(Number(real![1])).toBeGreaterThanOrEqual(2);
      expect(Number(real![1])).toBeLessThan(2.5);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "Ctrl-C stops sleep 100 in the console shell",
    async () => {
      const r = await runRvhvScript(
        bootArgs(),
        [
          { after: MARKER, send: "sleep 100\n" },
          { after: "sleep 100", send: "\x03", delayMs: 1000 },
          { after: "#", send: "echo status=$?\n" },
          { after: "status=", send: "poweroff\n" },
        ],
        60_000,
      );
      expect(r.stdout).toContain("status=130"); // killed by SIGINT
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it.each([
    ["the transformed instruction in htinst", [], "decoded from htinst", "fetched at sepc (HLVX)"],
    [
      "htinst = 0 (the instruction fetched with HLVX)",
      ["--no-htinst"],
      "fetched at sepc (HLVX)",
      "decoded from htinst",
    ],
  ])(
    "emulates the guest's UART by MMIO from guest-page faults, with %s",
    async (_, extra, used, unused) => {
      const input = "echo hello-through-the-uart > /dev/ttyS0\npoweroff\n";
      const r = await runRvhv(bootArgs("--icount", "--stats", ...extra), input, TIMEOUT_MS);
      expect(r.stdout).toMatch(/^hello-through-the-uart\r?$/m);
      expect(statRow(r.stderr, used)).toBeGreaterThan(20);
      expect(statRow(r.stderr, unused)).toBe(0);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "--devices emulated boots on an emulated UART and PLIC: ttyS0 is the console and takes interrupts",
    async () => {
      const input = "echo uart-irqs $(grep -c ttyS0 /proc/interrupts)\npoweroff\n";
      const r = await runRvhv(bootArgs("--devices", "emulated", "--icount", "--stats"), input, TIMEOUT_MS);
      expect(r.stdout).toContain("Kernel command line: console=ttyS0");
      expect(r.stdout).toMatch(/riscv-plic: interrupt-controller@c000000: mapped 96 interrupts/);
      expect(r.stdout).toContain(MARKER);
      expect(r.stdout).toMatch(/^uart-irqs 1\r?$/m);
      expect(statRow(r.stderr, "guest-page faults: MMIO")).toBeGreaterThan(1000);
      expect(r.stderr).not.toContain("DBCN");
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "--guests 2 boots two guests, their console lines prefixed, each powering off on its own",
    async () => {
      const r = await runRvhv(
        bootArgs("--guests", "2", "--append", "rvhv.poweroff", "--icount", "--stats"),
        "",
        TIMEOUT_MS,
      );
      for (const g of [0, 1]) {
        expect(r.stdout).toContain(`[g${g}] ${MARKER}`);
        expect(r.stdout).toMatch(new RegExp(`^\\[g${g}\\] \\[ *[\\d.]+\\] reboot: Power down`, "m"));
      }
      expect(r.stdout.split("\n").filter((l) => l !== "" && !/^\[g[01]\]\+? /.test(l))).toEqual([]);
      expect(r.stderr).toContain("rvhv boot statistics (2 guests)");
      expect(statRow(r.stderr, "SRST system_reset")).toBe(2);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );
});
