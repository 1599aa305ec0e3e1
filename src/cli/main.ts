// The `rvhv` command: parse, call the library, print. Returns the process
// exit status; bin/rvhv.js runs the bundled copy of this module.
import { pathToFileURL } from "node:url";
import { UsageError } from "./args.js";
import { EXIT_USAGE, type Io } from "./io.js";
import { bootCommand } from "./boot.js";
import { guestCommand } from "./guest.js";
import { rvhvPackage } from "./package-root.js";
import { runCommand } from "./run.js";
import { testCommand } from "./test.js";
import { webCommand } from "./web.js";

const USAGE = `usage: rvhv boot [--smp N] [--mem SIZE] [--kernel IMAGE] [--initrd FILE] [--append ARGS]
                 [--devices pv|emulated] [--guests K] [--console-dir DIR] [--sstc] [--icount]
                 [--stats] [--max-insns N] [--gstage sv39x4|sv48x4] [--lazy-gstage] [--no-htinst] [--no-jit]
                 [--gdb PORT | -s] [-S] [--trace FILE [--trace-start N] [--trace-count N]]
       rvhv run <elf> [--mem MiB] [--max-insns N] [--stats] [--no-jit] [--gdb PORT | -s] [-S] [--trace FILE ...]
       rvhv run --machine virt --bios FIRMWARE [--kernel IMAGE] [--initrd FILE] [--append ARGS]
                [--smp N] [--mem MiB] [--icount] [--max-insns N] [--stats] [--dump-dtb FILE] [--no-jit]
                [--gdb PORT | -s] [-S] [--trace FILE ...]
       rvhv test <paths...> [--timeout-insns N] [--jobs N] [--no-jit] [--jit-threshold N]
       rvhv web [--port N] [--kernel IMAGE --initrd FILE]
       rvhv guest build | path
       rvhv --version
`;

const HELP = `${USAGE}
boot   boots a Linux guest in VS-mode under rvhv's TypeScript hypervisor, which
       serves its SBI v2.0 calls (timer, IPIs, fences, HSM, reset, console,
       steal time). The guest's console is on stdin/stdout; on a terminal,
       Ctrl-A x quits. Power-off ends with status 0; a reboot boots again.
       Without --kernel it boots the cached guest (built first if missing).
         --devices MODEL    pv (default): console hvc0 over SBI DBCN;
                            emulated: console ttyS0, an NS16550A and a PLIC
                            emulated from guest-page faults (full virtualization)
         --guests K         K guests (1 to 8) time-sliced on the host; their
                            console lines are prefixed [gN]; input goes to guest 0
         --console-dir DIR  each guest's console output to DIR/gN.log instead
         --smp N            vCPUs (1 to 8, default 1)
         --mem SIZE         guest RAM: 512M, 1G, or MiB (default 256M)
         --kernel FILE      a Linux Image (or an ELF); --initrd FILE; --append ARGS
                            (added to "console=hvc0 earlycon=sbi")
         --sstc             offer Sstc: the guest programs its timer without exits
         --icount           time from the instruction count: a run repeats exactly
         --stats            at exit, exits by reason, SBI calls, WFI halts, faults,
                            instructions by mode and the hypervisor's share of time
         --gstage MODE      G-stage page tables: sv39x4 (default) or sv48x4
         --lazy-gstage      map guest RAM on first touch, 4 KiB at a time (as KVM)
         --no-htinst        model a hart that leaves htinst 0 (MMIO decode fetches)
         --no-jit           interpret every instruction (no translation engine)
run    runs a bare-metal RV64 ELF program: one hart in M-mode at the entry point,
       RAM at 0x80000000, console output and exit through HTIF (the program's
       tohost/fromhost symbols). The exit status is the program's exit code.
       A program stuck trapping at its trap vector (a trap storm) is stopped
       with status 5.
         --mem MiB          RAM size (default 256)
         --max-insns N      stop after N instructions (exit status 3)
         --stats            print instructions, seconds and MIPS on stderr
         --no-jit           interpret every instruction: hot code is otherwise
                            compiled to WebAssembly (src/jit/), with the same results
run --machine virt
       boots firmware on QEMU's virt machine (CLINT, PLIC, 16550 UART, syscon):
       Debian's OpenSBI (/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf
       or fw_dynamic.elf), which starts the kernel in S-mode. The UART is the
       console on stdin/stdout; on a terminal, Ctrl-A x quits and Ctrl-A h lists
       the keys. Power-off ends with status 0, a failure report with its code,
       a trap storm with 5; a reset boots again.
         --bios FILE        M-mode firmware, ELF or raw binary for 0x80000000
         --kernel FILE      kernel (Linux Image, U-Boot...) at the next 2 MiB boundary
         --initrd FILE      initial ramdisk; --append ARGS the kernel command line
         --smp N            harts (1 to 8, default 1); --mem MiB RAM (default 256)
         --icount           time from the instruction count: a run repeats exactly
         --dump-dtb FILE    write the device tree the harts would get, and exit
         --no-jit           interpret every instruction (no translation engine)
--trace FILE (boot, run, run --machine virt)
       writes a commit log in the format of Spike's --log-commits: per retired
       instruction its hart, privilege, pc, bits, the registers and CSRs it
       wrote and its memory accesses; " V=1" ends the lines of VS/VU-mode
       instructions (Spike prints no V bit). Instructions that trap are not
       logged, as in Spike. Only the window is traced one instruction at a time.
         --trace-start N    skip the first N retired instructions (default 0)
         --trace-count N    log N instructions (default: to the end)
test   runs every ELF program under the given files and directories (riscv-tests)
       on a fresh machine each; prints PASS, FAIL (test N), TIMEOUT or ERROR per
       program in path order, then a count (a trap storm is an ERROR at once).
       Exit status 1 if any did not pass.
         --timeout-insns N  instructions before a program counts as TIMEOUT (default 10000000)
         --jobs N           worker threads (default: the number of CPUs)
         --no-jit           interpret every instruction (no translation engine)
         --jit-threshold N  compile a block once control has arrived there N times
                            (default 16000; 1 compiles all code, as npm test does)
web    serves a web page that boots the Linux guest of boot (PV devices, one vCPU)
       in the browser, in a Web Worker: progress while the files load and the
       kernel boots, the console in a terminal, a status line (instructions per
       second, exits, the hypervisor's share); Ctrl-A x stops the guest. The page
       (npm run web) is rebuilt first when its sources changed; the server
       listens on 127.0.0.1 only, until Ctrl-C.
         --port N           the port (default 8080; 0: any free port)
         --kernel FILE      with --initrd FILE: serve these instead of the cached guest
--gdb PORT, -s, -S (run, run --machine virt, boot)
       serve gdb's remote protocol on localhost:PORT (gdb-multiarch: target remote
       :PORT). -s is --gdb 1234; -S holds the machine before its first instruction
       until gdb continues it. The threads are the harts (boot: the guests' vCPUs,
       seen as the guest sees itself: its registers and CSRs, memory through its
       page table and then the G-stage; monitor hyp shows the hypervisor's side).
       Breakpoints, watchpoints, single steps and Ctrl-C; the translation engine
       is off meanwhile.
guest  build: builds the Linux guest (guest-linux-config/: Linux 6.12 Image and a
       busybox initramfs.cpio.gz) unless the cache has it, and prints its directory;
       path: prints that directory, built or not.

--version prints rvhv's version; --verbose, with any command, shows the stack
of an internal error (a bug in rvhv, or the host out of memory).

Exit status 2: bad command line or input file; 3: --max-insns reached; 4: the
machine stopped without the program exiting (for example WFI with no interrupt
source); 5: a trap storm (a hart trapped at its trap vector over and over: the
program has no working trap handler); 70: an internal error.
`;

const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Only `run --machine virt` reads stdin: touching process.stdin opens it.
  get stdin() {
    return process.stdin;
  },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  // --verbose is for bin/rvhv.js (the stack of an internal error); every command accepts it.
  const options = argv.slice(0, end).filter((a) => a !== "--verbose");
  argv = [...options, ...argv.slice(end)];
  if (options.includes("--help") || options.includes("-h") || argv[0] === "help") {
    io.stdout.write(HELP);
    return 0;
  }
  if (argv[0] === "--version") {
    io.stdout.write(`rvhv ${rvhvPackage()?.version ?? "unknown"}\n`);
    return 0;
  }
  try {
    switch (argv[0]) {
      case "boot":
        return await bootCommand(argv.slice(1), io);
      case "run":
        return await runCommand(argv.slice(1), io);
      case "guest":
        return await guestCommand(argv.slice(1), io);
      case "test":
        return await testCommand(argv.slice(1), io);
      case "web":
        return await webCommand(argv.slice(1), io);
      case undefined:
        io.stderr.write(USAGE);
        return EXIT_USAGE;
      default:
        throw new UsageError(`unknown command '${argv[0]}'`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`rvhv: ${e.message} (usage: rvhv --help)\n`);
    return EXIT_USAGE;
  }
}

// Run directly (node dist/rvhv.cjs, or tsx src/cli/main.ts) rather than through bin/rvhv.js.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
