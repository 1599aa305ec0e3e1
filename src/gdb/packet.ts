// Packet framing of the GDB remote serial protocol (GDB manual, "Remote
// Protocol" > "Overview", "Binary Data", "Interrupts"):
//
//   $<data>#<two hex digits: the sum of the data bytes mod 256>
//
// answered by '+' (received) or '-' (resend) until QStartNoAckMode turns
// acknowledgements off. A lone 0x03 byte outside a packet is Ctrl-C. In
// binary data (the X packet's payload, qXfer replies) the bytes '$', '#',
// '}' and '*' travel escaped: '}' then the byte XOR 0x20. Data are latin1
// strings here: one character per byte.

/** What the byte stream from the debugger carried. */
export interface PacketEvents {
  /** A packet whose checksum matched (the data between '$' and '#'). */
  packet(data: string): void;
  /** A packet whose checksum did not: the sender must be asked to resend ('-'). */
  corrupt(): void;
  /** Ctrl-C: 0x03 outside a packet. */
  interrupt(): void;
  /** '-': the debugger asks for the last packet again. */
  resend(): void;
}

/** The protocol's checksum: the sum of the bytes mod 256. */
export function checksum(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) & 0xff;
  return sum;
}

/** `data` framed as a packet. */
export function framePacket(data: string): string {
  return `$${data}#${checksum(data).toString(16).padStart(2, "0")}`;
}

/** Escapes binary data for a packet: '$', '#', '}' and '*' become '}' and the byte XOR 0x20. */
export function escapeBinary(data: string): string {
  return data.replace(/[$#}*]/g, (c) => `}${String.fromCharCode(c.charCodeAt(0) ^ 0x20)}`);
}

/** Undoes escapeBinary (the X packet's payload); null if the data end inside an escape. */
export function unescapeBinary(data: string): string | null {
  if (!data.includes("}")) return data;
  let out = "";
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c !== "}") {
      out += c;
      continue;
    }
    if (++i >= data.length) return null;
    out += String.fromCharCode(data.charCodeAt(i) ^ 0x20);
  }
  return out;
}

/** The longest packet accepted; a debugger sending more is sending garbage. */
export const MAX_PACKET = 1 << 20;

const IDLE = 0;
const DATA = 1;
const CHECKSUM = 2;

/** Splits the byte stream from the debugger into packets, acknowledgements and interrupts. */
export class PacketReader {
  private state = IDLE;
  private data = "";
  private sum = "";

  constructor(private readonly events: PacketEvents) {}

  /** Feeds bytes as they arrive (a latin1 string); complete packets are reported at once. */
  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.state === IDLE) {
        if (c === "$") {
          this.state = DATA;
          this.data = "";
        } else if (c === "\x03") {
          this.events.interrupt();
        } else if (c === "-") {
          this.events.resend();
        }
        // '+' and anything else between packets is ignored.
      } else if (this.state === DATA) {
        if (c === "#") {
          this.state = CHECKSUM;
          this.sum = "";
        } else if (this.data.length >= MAX_PACKET) {
          this.state = IDLE;
          this.events.corrupt();
        } else {
          this.data += c;
        }
      } else {
        this.sum += c;
        if (this.sum.length < 2) continue;
        this.state = IDLE;
        const expected = /^[0-9a-fA-F]{2}$/.test(this.sum) ? parseInt(this.sum, 16) : -1;
        if (expected === checksum(this.data)) this.events.packet(this.data);
        else this.events.corrupt();
      }
    }
  }
}
