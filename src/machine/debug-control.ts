// A debugger's hold on a machine's run loop (the gdb stub, src/gdb/). A
// machine given one runs its harts through `runSlice` instead of runHart,
// and at each point where its loop yields to the event loop it waits while
// the debugger holds it stopped. Without a debugger the machines call
// runHart directly: the normal loop costs nothing more.
import type { Hart } from "../rv64/hart.js";

export interface DebugControl {
  /**
   * Runs hart `h` for at most `budget` instruction steps, as runHart does,
   * and returns the steps run; it may end early where the debugger stops the
   * machine (a breakpoint, a watchpoint, a finished single step), and runs
   * nothing while the machine is stopped.
   */
  runSlice(h: Hart, budget: number): number;
  /** Whether the debugger holds the machine stopped: the run loop then awaits `held()`. */
  readonly stopped: boolean;
  /** Resolves once the debugger lets the machine run on (it may have asked the machine to stop() first). */
  held(): Promise<void>;
  /** Set by the machine: ends an idle wait early, so a stop requested meanwhile is seen at once. */
  wakeMachine: () => void;
}
