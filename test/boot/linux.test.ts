// Boots the Linux guest (guest-linux-config/, built into the cache by
// `npx rvhv guest build`) through the real command line: Debian's OpenSBI
// fw_jump, the Image and initramfs, --icount so every run executes the same
// instructions. Without a built guest these tests fail and say what to run.
import { describe, expect, it } from "vitest";
import { FW_JUMP, MARKER, requireGuest, runRvhv, runRvhvScript } from "./support.js";

/** Measured at 8-20 s each on the 2-core machine (busy); the limit leaves room for a loaded CI. */
const TIMEOUT_MS = 90_000;

/** The command line of a boot; each test fails here, with what to run, when the guest is not built. */
function bootArgs(smp: number, append: string): string[] {
  const guest = requireGuest();
  return [
    "run",
    "--machine",
    "virt",
    "--bios",
    FW_JUMP,
    "--kernel",
    guest.image,
    "--initrd",
    guest.initrd,
    "--append",
    append,
    "--smp",
    String(smp),
    "--icount",
    "--stats",
  ];
}

describe("Linux guest under OpenSBI fw_jump", () => {
  it.each([
    [1, "Brought up 1 node, 1 CPU"],
    [4, "Brought up 1 node, 4 CPUs"],
  ])(
    "--smp %i boots to user space and powers off (rvhv.poweroff): exit 0",
    async (smp, brought) => {
      const r = await runRvhv(bootArgs(smp, "console=ttyS0 rvhv.poweroff"), "", TIMEOUT_MS);
      expect(r.stdout).toContain(`smp: ${brought}`);
      expect(r.stdout).toContain(MARKER);
      expect(r.stdout).toMatch(/reboot: Power down/);
      expect(r.stderr).toMatch(/^instructions=\d+ seconds=[\d.]+ mips=[\d.]+\n$/);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "--smp 4 runs piped shell commands: /proc/cpuinfo lists 4 processors, poweroff -f exits 0",
    async () => {
      const r = await runRvhv(bootArgs(4, "console=ttyS0"), "cat /proc/cpuinfo\npoweroff -f\n", TIMEOUT_MS);
      expect(r.stdout).toContain(MARKER);
      const processors = [...r.stdout.matchAll(/^processor\s*: (\d+)/gm)].map((m) => Number(m[1]));
      expect(processors).toEqual([0, 1, 2, 3]);
      expect(r.stdout).toMatch(/reboot: Power down/);
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    "Ctrl-C on the console stops sleep 100 (the shell runs programs with SIGINT at its default)",
    async () => {
      const args = bootArgs(1, "console=ttyS0").filter((a) => a !== "--icount");
      const r = await runRvhvScript(
        args,
        [
          { after: MARKER, send: "sleep 100\n" },
          { after: "sleep 100", send: "\x03", delayMs: 1000 },
          { after: "#", send: "echo status=$?\n" },
          { after: "status=", send: "poweroff -f\n" },
        ],
        TIMEOUT_MS,
      );
      expect(r.stdout).toContain("status=130");
      expect(r.status).toBe(0);
    },
    TIMEOUT_MS,
  );
});
