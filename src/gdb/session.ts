// One debugger connection: acknowledgements, the selected threads, and
// whether gdb waits for a stop reply. Packets go to the command table
// (commands.ts); stop replies come from the machine's run (execution.ts).
import type { Hart } from "../rv64/hart.js";
import { dispatch } from "./commands.js";
import { Execution, SIGINT, SIGTRAP, type StopReason } from "./execution.js";
import { PacketReader, escapeBinary, framePacket } from "./packet.js";
import type { DebugTarget } from "./target.js";

export class GdbSession {
  /** Hg: the thread registers and memory are read through. */
  gHart: Hart;
  /** Hc: the thread `s` steps (null: any, the one that stopped last). */
  cHart: Hart | null = null;
  private noAck = false;
  /** gdb takes "swbreak:" and "hwbreak:" in stop replies (it said so in qSupported). */
  breakpointKinds = false;
  /** gdb resumed the machine and waits for a stop reply. */
  private awaitingStop = false;
  private lastPacket = "";
  private readonly reader: PacketReader;

  constructor(
    public target: DebugTarget,
    readonly execution: Execution,
    /** Sends bytes (a latin1 string) to the debugger. */
    private readonly write: (bytes: string) => void,
  ) {
    this.gHart = execution.lastStop.hart;
    this.reader = new PacketReader({
      packet: (data) => this.onPacket(data),
      corrupt: () => this.write("-"),
      interrupt: () => this.onInterrupt(),
      resend: () => this.write(this.lastPacket),
    });
    execution.onStop = (stop) => this.report(stop);
    // As QEMU: a debugger that attaches finds the machine stopped.
    execution.interrupt(this.gHart, SIGTRAP);
  }

  /** A new machine replaced the old (a reboot of `run --machine virt`): its first hart is current. */
  retarget(target: DebugTarget): void {
    this.target = target;
    this.gHart = target.harts()[0];
    this.cHart = null;
  }

  /** Bytes from the debugger (a latin1 string). */
  receive(chunk: string): void {
    this.reader.push(chunk);
  }

  /** Sends a packet; `binary` data are escaped (qXfer replies). */
  send(data: string, binary = false): void {
    this.lastPacket = framePacket(binary ? escapeBinary(data) : data);
    this.write(this.lastPacket);
  }

  /** Turns acknowledgements off (QStartNoAckMode, after its own OK was acknowledged). */
  stopAcknowledging(): void {
    this.noAck = true;
  }

  /** Thread id of a hart (1-based), as the protocol's hex. */
  threadId(h: Hart): string {
    return (this.target.harts().indexOf(h) + 1).toString(16);
  }

  /** The hart of thread id `text` (hex; 0 = any: the current one), or null for none such. */
  hartOf(text: string): Hart | null {
    if (!/^[0-9a-fA-F]{1,8}$/.test(text)) return null;
    const id = parseInt(text, 16);
    if (id === 0) return this.gHart;
    return this.target.harts()[id - 1] ?? null;
  }

  /** The stop reply for `stop` (GDB manual, "Stop Reply Packets"). */
  stopReply(stop: StopReason): string {
    const fields = this.breakpointKinds ? stop.fields : stop.fields.replace(/^[sh]wbreak:;/, "");
    return `T${stop.signal.toString(16).padStart(2, "0")}${fields}thread:${this.threadId(stop.hart)};`;
  }

  /** c, s, vCont: the machine runs on; the reply comes when it stops. */
  resume(step: Hart | null): void {
    this.awaitingStop = true;
    this.execution.resume(step);
  }

  /** The run ended with process status `status`: gdb hears it if it waits (W, "the process exited"). */
  exited(status: number): void {
    if (!this.awaitingStop) return;
    this.awaitingStop = false;
    this.send(`W${(status & 0xff).toString(16).padStart(2, "0")}`);
  }

  /** The connection is gone (or gdb detached): the machine runs on without breakpoints. */
  detach(): void {
    this.awaitingStop = false;
    this.execution.onStop = () => {};
    this.execution.points.clear();
    this.execution.resume(null);
  }

  private onPacket(data: string): void {
    if (!this.noAck) this.write("+");
    const reply = dispatch(this, data);
    if (reply !== null) this.send(reply.data, reply.binary);
  }

  /** Ctrl-C: stop the running machine and report SIGINT. */
  private onInterrupt(): void {
    if (!this.awaitingStop) return;
    this.execution.interrupt(this.gHart, SIGINT);
    this.report(this.execution.lastStop);
  }

  private report(stop: StopReason): void {
    if (!this.awaitingStop) return;
    this.awaitingStop = false;
    this.gHart = stop.hart;
    this.send(this.stopReply(stop));
  }
}
