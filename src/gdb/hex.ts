// Hex encodings of the GDB remote serial protocol (GDB manual, "Remote
// Protocol", "Overview"): bytes as pairs of hex digits, register values
// in target byte order (little-endian on RISC-V), numbers such as
// addresses and lengths as big-endian hex without leading zeros. Packets
// are handled as latin1 strings: one character per byte.

/** Bytes as hex digit pairs. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** Hex digit pairs as bytes, or null if `hex` is not an even number of hex digits. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Text (UTF-8) as hex digit pairs, as qRcmd replies and qThreadExtraInfo carry it. */
export function textToHex(text: string): string {
  return bytesToHex(new TextEncoder().encode(text));
}

/** Hex digit pairs as UTF-8 text, or null if `hex` is malformed. */
export function hexToText(hex: string): string | null {
  const bytes = hexToBytes(hex);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** A 64-bit register value (two int32 halves) as 16 hex digits, least significant byte first. */
export function wordToHex(lo: number, hi: number): string {
  let s = "";
  for (const half of [lo, hi]) {
    for (let i = 0; i < 4; i++) s += ((half >>> (8 * i)) & 0xff).toString(16).padStart(2, "0");
  }
  return s;
}

/** 16 hex digits, least significant byte first, as int32 halves; null if malformed. */
export function hexToWord(hex: string): { lo: number; hi: number } | null {
  const bytes = hexToBytes(hex);
  if (bytes === null || bytes.length !== 8) return null;
  const v = new DataView(bytes.buffer);
  return { lo: v.getInt32(0, true), hi: v.getInt32(4, true) };
}

/** The largest number in a packet: a 64-bit address. */
const MAX_U64 = (1n << 64n) - 1n;

/** A big-endian hex number of at most 64 bits (an address, a length), or null. */
export function parseHexNumber(text: string): bigint | null {
  if (!/^[0-9a-fA-F]{1,16}$/.test(text)) return null;
  const n = BigInt(`0x${text}`);
  return n <= MAX_U64 ? n : null;
}

/** A 64-bit address as int32 halves. */
export function addressHalves(address: bigint): { lo: number; hi: number } {
  return { lo: Number(address & 0xffffffffn) | 0, hi: Number((address >> 32n) & 0xffffffffn) | 0 };
}

/** Int32 halves as a 64-bit address. */
export function halvesToAddress(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
