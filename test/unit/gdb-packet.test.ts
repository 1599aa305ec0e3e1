// The gdb stub's packet layer (src/gdb/packet.ts, hex.ts): framing and
// checksums, the byte stream split into packets, Ctrl-C and resend
// requests, binary escaping, and the hex encodings.
import { describe, expect, it } from "vitest";
import { PacketReader, checksum, escapeBinary, framePacket, unescapeBinary } from "../../src/gdb/packet.js";
import {
  addressHalves,
  bytesToHex,
  halvesToAddress,
  hexToBytes,
  hexToWord,
  parseHexNumber,
  textToHex,
  wordToHex,
} from "../../src/gdb/hex.js";

function reader() {
  const events: string[] = [];
  const r = new PacketReader({
    packet: (data) => events.push(`packet ${data}`),
    corrupt: () => events.push("corrupt"),
    interrupt: () => events.push("interrupt"),
    resend: () => events.push("resend"),
  });
  return { r, events };
}

describe("gdb packets", () => {
  it("frames data with the mod-256 sum of its bytes", () => {
    expect(checksum("")).toBe(0);
    expect(framePacket("OK")).toBe("$OK#9a");
    expect(framePacket("qSupported")).toBe("$qSupported#37");
    expect(checksum("\xff\xff")).toBe(0xfe);
  });

  it("splits a stream into packets, wherever the chunks break", () => {
    const { r, events } = reader();
    const stream = `+${framePacket("g")}+${framePacket("m80000000,4")}`;
    for (const c of stream) r.push(c);
    expect(events).toEqual(["packet g", "packet m80000000,4"]);
  });

  it("reports a bad checksum, Ctrl-C and '-' between packets", () => {
    const { r, events } = reader();
    r.push("$g#00\x03-$?#3f$x#zz");
    expect(events).toEqual(["corrupt", "interrupt", "resend", "packet ?", "corrupt"]);
  });

  it("escapes and unescapes binary data", () => {
    const raw = "a$b#c}d*e\x00\xff";
    const escaped = escapeBinary(raw);
    expect(escaped).toBe("a}\x04b}\x03c}]d}\x0ae\x00\xff");
    expect(escaped).not.toMatch(/[$#*]/);
    expect(unescapeBinary(escaped)).toBe(raw);
    expect(unescapeBinary("ab}")).toBeNull();
  });

  it("keeps an escaped '#' inside an X packet's data", () => {
    const { r, events } = reader();
    const data = `X80000000,1:${escapeBinary("#")}`;
    r.push(framePacket(data));
    expect(events).toEqual([`packet ${data}`]);
  });
});

describe("gdb hex encodings", () => {
  it("writes registers least significant byte first", () => {
    expect(wordToHex(0x80000000 | 0, 0x12345678)).toBe("0000008078563412");
    expect(hexToWord("0000008078563412")).toEqual({ lo: 0x80000000 | 0, hi: 0x12345678 });
    expect(hexToWord("00")).toBeNull();
    expect(hexToWord("zz00000000000000")).toBeNull();
  });

  it("reads addresses as big-endian numbers of at most 64 bits", () => {
    expect(parseHexNumber("ffffffff80000000")).toBe(0xffffffff80000000n);
    expect(parseHexNumber("10000000000000000")).toBeNull();
    expect(parseHexNumber("")).toBeNull();
    expect(parseHexNumber("-1")).toBeNull();
    expect(addressHalves(0xffffffff80000000n)).toEqual({ lo: 0x80000000 | 0, hi: -1 });
    expect(halvesToAddress(0x80000000 | 0, -1)).toBe(0xffffffff80000000n);
  });

  it("converts bytes and text", () => {
    expect(bytesToHex(new Uint8Array([0, 0xab, 0x10]))).toBe("00ab10");
    expect(hexToBytes("00ab10")).toEqual(new Uint8Array([0, 0xab, 0x10]));
    expect(hexToBytes("abc")).toBeNull();
    expect(textToHex("hyp")).toBe("687970");
  });
});
