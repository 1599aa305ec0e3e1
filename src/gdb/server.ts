// The stub's TCP server: one debugger at a time on localhost:PORT (a second
// connection is refused while one is open). The machine's run loop yields
// to the event loop between slices (debug-control.ts), which is when
// packets are served: the harts are never mid-instruction then.
import { createServer, type Server, type Socket } from "node:net";
import type { Execution } from "./execution.js";
import { GdbSession } from "./session.js";
import type { DebugTarget } from "./target.js";

/** The address the stub listens on: this host only (gdb can read and write all of guest memory). */
const HOST = "127.0.0.1";

/** Why the stub could not start: one line for the user. */
export class GdbListenError extends Error {}

export class GdbServer {
  private readonly server: Server;
  private socket: Socket | null = null;
  private session: GdbSession | null = null;
  private target: DebugTarget | null = null;
  private closed = false;

  constructor(private readonly execution: Execution) {
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens on `port`; rejects with a GdbListenError when the port is taken or not allowed. */
  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (e: NodeJS.ErrnoException): void => {
        const why =
          e.code === "EADDRINUSE" ? "is in use" : e.code === "EACCES" ? "needs privileges" : `failed (${e.message})`;
        reject(new GdbListenError(`gdb stub: port ${port} ${why} (choose another with --gdb PORT)`));
      };
      this.server.once("error", fail);
      this.server.listen(port, HOST, () => {
        this.server.off("error", fail);
        resolve();
      });
    });
  }

  /** The machine to debug, once it exists (the machine needs the Execution first), or its successor after a reboot. */
  attach(target: DebugTarget): void {
    this.target = target;
    this.execution.bind(target);
    this.session?.retarget(target);
  }

  /** The run ended with process status `status`: tell gdb (W) and close. Later calls do nothing. */
  close(status: number): void {
    if (this.closed) return;
    this.closed = true;
    this.session?.exited(status);
    this.session = null;
    this.socket?.end();
    this.socket = null;
    this.server.close();
  }

  private accept(socket: Socket): void {
    if (this.socket !== null || this.target === null) {
      socket.destroy();
      return;
    }
    this.socket = socket;
    socket.setNoDelay(true);
    const session = new GdbSession(this.target, this.execution, (bytes) => socket.write(bytes, "latin1"));
    this.session = session;
    socket.on("data", (chunk: Buffer) => session.receive(chunk.toString("latin1")));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.session = null;
      session.detach();
    });
  }
}
