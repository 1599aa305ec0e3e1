// The stub's command table (GDB manual, "Remote Protocol" > "Packets",
// "General Query Packets"): one handler per packet name. A name is the
// packet's first character, or for q, Q and v packets the word after it
// (qSupported, vCont?...). A packet the table does not know gets the empty
// reply, which tells gdb it is unsupported; a malformed one an error reply.
import type { Hart } from "../rv64/hart.js";
import { Z_ACCESS, Z_HARDWARE, Z_READ, Z_SOFTWARE, Z_WRITE } from "./breakpoints.js";
import { readMemory, writeMemory } from "./debug-memory.js";
import { addressHalves, bytesToHex, hexToBytes, hexToText, parseHexNumber, textToHex } from "./hex.js";
import { MAX_PACKET, unescapeBinary } from "./packet.js";
import { G_PACKET_REGS, readRegister, writeRegister } from "./registers.js";
import type { GdbSession } from "./session.js";
import { targetDescription } from "./target-description.js";

export interface Reply {
  data: string;
  /** Escape the data as binary (qXfer). */
  binary: boolean;
}

/** A handler gets the session and the packet after its name; null: no reply now (the machine runs). */
type Handler = (s: GdbSession, args: string) => Reply | string | null;

/** gdb's errno-style error replies. */
const E_FAULT = "E0e"; // EFAULT: memory that cannot be reached
const E_INVALID = "E16"; // EINVAL: a malformed packet
const E_NO_REGISTER = "E0e";

/** Data a reply may carry: half the packet size in bytes read as hex (qSupported's PacketSize). */
const PACKET_SIZE = 0x4000;

function parseRange(text: string): { address: bigint; length: number } | null {
  const [a, l, ...rest] = text.split(",");
  const address = a === undefined ? null : parseHexNumber(a);
  const length = l === undefined ? null : parseHexNumber(l);
  if (address === null || length === null || rest.length > 0 || length > BigInt(MAX_PACKET)) return null;
  return { address, length: Number(length) };
}

function readAllRegisters(s: GdbSession): string {
  let out = "";
  for (let r = 0; r < G_PACKET_REGS; r++) out += readRegister(s.target.view, s.gHart, r)!;
  return out;
}

function writeAllRegisters(s: GdbSession, hex: string): string {
  if (hex.length < G_PACKET_REGS * 16 || !/^[0-9a-fA-F]*$/.test(hex)) return E_INVALID;
  for (let r = 0; r < G_PACKET_REGS; r++) writeRegister(s.target.view, s.gHart, r, hex.slice(16 * r, 16 * r + 16));
  return "OK";
}

function readOneRegister(s: GdbSession, args: string): string {
  const n = parseHexNumber(args);
  const value = n === null ? null : readRegister(s.target.view, s.gHart, Number(n));
  return value ?? E_NO_REGISTER;
}

function writeOneRegister(s: GdbSession, args: string): string {
  const [n, value] = args.split("=");
  const regnum = n === undefined ? null : parseHexNumber(n);
  if (regnum === null || value === undefined) return E_INVALID;
  return writeRegister(s.target.view, s.gHart, Number(regnum), value) ? "OK" : E_NO_REGISTER;
}

function readMemoryPacket(s: GdbSession, args: string): string {
  const range = parseRange(args);
  if (range === null) return E_INVALID;
  const bytes = readMemory(s.target.view, s.gHart, range.address, Math.min(range.length, PACKET_SIZE / 2));
  // A partial read returns what could be read; none at all is an error.
  return bytes.length > 0 || range.length === 0 ? bytesToHex(bytes) : E_FAULT;
}

function writeMemoryPacket(s: GdbSession, args: string, binary: boolean): string {
  const colon = args.indexOf(":");
  const range = colon < 0 ? null : parseRange(args.slice(0, colon));
  if (range === null) return E_INVALID;
  const payload = args.slice(colon + 1);
  let bytes: Uint8Array | null;
  if (binary) {
    const raw = unescapeBinary(payload);
    bytes = raw === null ? null : Uint8Array.from(raw, (c) => c.charCodeAt(0));
  } else {
    bytes = hexToBytes(payload);
  }
  if (bytes === null || bytes.length !== range.length) return E_INVALID;
  return writeMemory(s.target.view, s.gHart, range.address, bytes) ? "OK" : E_FAULT;
}

/** Z and z: `type,addr,kind` (then conditions gdb may add after ';', which the stub does not evaluate). */
function breakpointPacket(s: GdbSession, args: string, insert: boolean): string {
  const [typeText, addrText, kindText] = args.split(";")[0].split(",");
  const type = Number(typeText);
  const address = addrText === undefined ? null : parseHexNumber(addrText);
  const kind = kindText === undefined ? null : parseHexNumber(kindText);
  if (address === null || kind === null || !/^[0-4]$/.test(typeText)) return E_INVALID;
  if (![Z_SOFTWARE, Z_HARDWARE, Z_WRITE, Z_READ, Z_ACCESS].includes(type)) return "";
  const { lo, hi } = addressHalves(address);
  const points = s.execution.points;
  if (insert) return points.insert(type, lo, hi, Number(kind)) ? "OK" : E_INVALID;
  points.remove(type, lo, hi, Number(kind));
  return "OK";
}

/** `c [addr]` / `s [addr]`: resume (at addr if given) all harts, or step the Hc thread. */
function resumePacket(s: GdbSession, args: string, step: boolean): string | null {
  // C sig[;addr] / S sig[;addr]: the signal is the guest's business on a real process; here it is ignored.
  const addrText = args.includes(";") ? args.slice(args.indexOf(";") + 1) : args;
  const hart = s.cHart ?? s.gHart;
  if (addrText !== "") {
    const address = parseHexNumber(addrText);
    if (address === null) return E_INVALID;
    const { lo, hi } = addressHalves(address);
    hart.pcLo = lo;
    hart.pcHi = hi;
  }
  s.resume(step ? hart : null);
  return null;
}

/** vCont;action[:thread]...: a step action for one thread steps it; otherwise every thread continues. */
function vCont(s: GdbSession, args: string): string | null {
  if (!args.startsWith(";")) return E_INVALID;
  let step: Hart | null = null;
  for (const action of args.slice(1).split(";")) {
    const [verb, thread] = action.split(":");
    if (!/^([cs]|[CS][0-9a-fA-F]{2})$/.test(verb)) return E_INVALID;
    if (verb[0].toLowerCase() !== "s") continue;
    const hart = thread === undefined || thread === "-1" ? (s.cHart ?? s.gHart) : s.hartOf(thread);
    if (hart === null) return E_INVALID;
    step ??= hart;
  }
  s.resume(step);
  return null;
}

/** Hg / Hc: select the thread for registers and memory, or for stepping (-1: all). */
function selectThread(s: GdbSession, args: string): string {
  const op = args[0];
  const thread = args.slice(1);
  if (op === "c" && thread === "-1") {
    s.cHart = null;
    return "OK";
  }
  const hart = s.hartOf(thread);
  if ((op !== "g" && op !== "c") || hart === null) return E_INVALID;
  if (op === "g") s.gHart = hart;
  else s.cHart = hart;
  return "OK";
}

/** qXfer:features:read:target.xml:offset,length -> m<data> (more follows) or l<data> (the end). */
function qXfer(s: GdbSession, args: string): Reply | string {
  const match = /^:features:read:([^:]*):([0-9a-fA-F]+),([0-9a-fA-F]+)$/.exec(args);
  if (match === null) return "";
  if (match[1] !== "target.xml") return "E00";
  const xml = targetDescription(s.target.view);
  const offset = parseInt(match[2], 16);
  const length = Math.min(parseInt(match[3], 16), PACKET_SIZE);
  const chunk = xml.slice(offset, offset + length);
  return { data: (offset + length >= xml.length ? "l" : "m") + chunk, binary: true };
}

/** qRcmd,<hex command>: gdb's `monitor` command. */
function monitor(s: GdbSession, args: string): string {
  const command = hexToText(args.slice(1))?.trim();
  if (command === undefined) return E_INVALID;
  const commands = s.target.monitor;
  const found = commands[command];
  if (found !== undefined) return textToHex(found.run());
  const list = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(6)}${c.help}\n`);
  const help = `monitor commands:\n  help  this list\n${list.join("")}`;
  return textToHex(command === "help" ? help : `unknown monitor command '${command}'\n${help}`);
}

/** qSupported:gdb's features: ours in reply. */
function supported(s: GdbSession, args: string): string {
  const theirs = args.slice(1).split(";");
  s.breakpointKinds = theirs.includes("swbreak+") && theirs.includes("hwbreak+");
  return `PacketSize=${PACKET_SIZE.toString(16)};qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+;vContSupported+`;
}

function threadList(s: GdbSession): string {
  return `m${s.target
    .harts()
    .map((h) => s.threadId(h))
    .join(",")}`;
}

function threadExtraInfo(s: GdbSession, args: string): string {
  const hart = s.hartOf(args.slice(1));
  return hart === null ? E_INVALID : textToHex(s.target.describe(hart));
}

const COMMANDS = new Map<string, Handler>([
  ["?", (s) => s.stopReply(s.execution.lastStop)],
  ["g", (s) => readAllRegisters(s)],
  ["G", (s, args) => writeAllRegisters(s, args)],
  ["p", readOneRegister],
  ["P", writeOneRegister],
  ["m", readMemoryPacket],
  ["M", (s, args) => writeMemoryPacket(s, args, false)],
  ["X", (s, args) => writeMemoryPacket(s, args, true)],
  ["Z", (s, args) => breakpointPacket(s, args, true)],
  ["z", (s, args) => breakpointPacket(s, args, false)],
  ["c", (s, args) => resumePacket(s, args, false)],
  ["C", (s, args) => resumePacket(s, args, false)],
  ["s", (s, args) => resumePacket(s, args, true)],
  ["S", (s, args) => resumePacket(s, args, true)],
  ["H", selectThread],
  ["T", (s, args) => (s.hartOf(args) === null ? E_INVALID : "OK")],
  [
    "D",
    (s) => {
      s.detach();
      return "OK";
    },
  ],
  [
    "k",
    (s) => {
      s.target.kill();
      s.detach();
      return null;
    },
  ],
  ["qSupported", supported],
  ["qXfer", qXfer],
  ["qAttached", () => "1"],
  ["qC", (s) => `QC${s.threadId(s.gHart)}`],
  ["qfThreadInfo", threadList],
  ["qsThreadInfo", () => "l"],
  ["qThreadExtraInfo", threadExtraInfo],
  ["qRcmd", monitor],
  ["qSymbol", () => "OK"],
  [
    "QStartNoAckMode",
    (s) => {
      s.send("OK");
      s.stopAcknowledging();
      return null;
    },
  ],
  ["vCont?", () => "vCont;c;C;s;S"],
  ["vCont", vCont],
  [
    "vKill",
    (s) => {
      s.target.kill();
      s.detach();
      return "OK";
    },
  ],
]);

/** The name a packet is filed under (see the file comment). */
function packetName(data: string): string {
  if (!"qQv".includes(data[0])) return data[0];
  return /^[qQv][A-Za-z]*\??/.exec(data)![0];
}

/** Runs the packet's handler; null when the reply comes later (the machine was resumed). */
export function dispatch(s: GdbSession, data: string): Reply | null {
  if (data.length === 0) return { data: "", binary: false };
  const name = packetName(data);
  const handler = COMMANDS.get(name);
  const reply = handler === undefined ? "" : handler(s, data.slice(name.length));
  if (reply === null) return null;
  return typeof reply === "string" ? { data: reply, binary: false } : reply;
}
