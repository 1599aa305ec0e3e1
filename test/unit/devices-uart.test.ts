import { describe, expect, it } from "vitest";
import { UART_BASE, Uart16550 } from "../../src/devices/uart16550.js";

const RBR = 0,
  THR = 0,
  DLL = 0,
  IER = 1,
  DLM = 1,
  IIR = 2,
  FCR = 2,
  LCR = 3,
  MCR = 4,
  LSR = 5,
  MSR = 6,
  SCR = 7;

function setup() {
  const irq = { level: false };
  const out: number[] = [];
  const uart = new Uart16550(UART_BASE, (level) => {
    irq.level = level;
  });
  uart.output = (b) => out.push(b);
  const w = (reg: number, v: number) => uart.write(reg, 1, v, 0);
  const r = (reg: number) => uart.read(reg, 1);
  return { uart, irq, out, w, r };
}

describe("16550 UART", () => {
  it("resets idle: transmitter empty, no interrupt", () => {
    const { r, irq } = setup();
    expect(r(LSR)).toBe(0x60);
    expect(r(IIR)).toBe(0x01);
    expect(r(MSR)).toBe(0xb0);
    expect(irq.level).toBe(false);
  });

  it("THR writes reach the output at once", () => {
    const { w, r, out } = setup();
    for (const c of "hi\n") w(THR, c.charCodeAt(0));
    expect(String.fromCharCode(...out)).toBe("hi\n");
    expect(r(LSR) & 0x60).toBe(0x60);
  });

  it("the divisor latch overlays THR/IER while LCR.DLAB is set", () => {
    const { w, r, out } = setup();
    w(LCR, 0x83);
    w(DLL, 0x01);
    w(DLM, 0x02);
    expect(r(DLL)).toBe(1);
    expect(r(DLM)).toBe(2);
    expect(out).toEqual([]);
    w(LCR, 0x03);
    expect(r(IER)).toBe(0);
    expect(r(LCR)).toBe(3);
    w(LCR, 0x80);
    expect(r(DLL)).toBe(1);
  });

  it("received bytes set LSR.DR and raise the data interrupt when enabled", () => {
    const { uart, w, r, irq } = setup();
    uart.pushInput([0x41, 0x42]);
    expect(r(LSR) & 1).toBe(1);
    expect(irq.level).toBe(false);
    w(IER, 0x01);
    expect(irq.level).toBe(true);
    expect(r(IIR)).toBe(0x04); // FIFOs off: received data available
    expect(r(RBR)).toBe(0x41);
    expect(r(LSR) & 1).toBe(1); // the next byte moved into the holding register
    expect(r(RBR)).toBe(0x42);
    expect(r(LSR) & 1).toBe(0);
    expect(irq.level).toBe(false);
    expect(r(IIR)).toBe(0x01);
  });

  it("with FIFOs on: trigger level for RDI, character timeout below it", () => {
    const { uart, w, r, irq } = setup();
    w(FCR, 0x81); // enable, trigger 8
    expect(r(IIR) & 0xc0).toBe(0xc0);
    w(IER, 0x01);
    uart.pushInput([1, 2, 3]);
    expect(irq.level).toBe(true);
    expect(r(IIR)).toBe(0xcc);
    uart.pushInput(Array.from({ length: 20 }, (_, i) => 10 + i));
    expect(r(IIR)).toBe(0xc4);
    const got: number[] = [];
    while (r(LSR) & 1) got.push(r(RBR));
    expect(got).toEqual([1, 2, 3, ...Array.from({ length: 20 }, (_, i) => 10 + i)]);
    expect(irq.level).toBe(false);
  });

  it("FCR clears the receive FIFO", () => {
    const { uart, w, r } = setup();
    w(FCR, 0x01);
    uart.pushInput([1, 2]);
    w(FCR, 0x03);
    expect(r(LSR) & 1).toBe(0);
  });

  it("THRE interrupt: raised on enable, cleared by reading IIR, re-raised after each THR write", () => {
    const { w, r, irq } = setup();
    w(IER, 0x02);
    expect(irq.level).toBe(true);
    expect(r(IIR)).toBe(0x02);
    expect(irq.level).toBe(false);
    expect(r(IIR)).toBe(0x01);
    w(THR, 0x41);
    expect(irq.level).toBe(true);
    // Linux's UART_BUG_THRE probe: disable and re-enable re-asserts THRE.
    r(IIR);
    w(IER, 0);
    w(IER, 0x02);
    expect(r(IIR)).toBe(0x02);
    w(IER, 0);
    expect(irq.level).toBe(false);
  });

  it("received data outranks THRE in IIR", () => {
    const { uart, w, r } = setup();
    w(IER, 0x03);
    uart.pushInput([7]);
    expect(r(IIR)).toBe(0x04);
    r(RBR);
    expect(r(IIR)).toBe(0x02);
  });

  it("loopback sends THR to RBR and mirrors MCR into MSR", () => {
    const { uart, w, r, out } = setup();
    w(MCR, 0x10 | 0x0f);
    expect(r(MSR) & 0xf0).toBe(0xf0);
    w(MCR, 0x10 | 0x02);
    expect(r(MSR) & 0xf0).toBe(0x10);
    w(THR, 0x5a);
    expect(out).toEqual([]);
    expect(r(LSR) & 1).toBe(1);
    expect(r(RBR)).toBe(0x5a);
    // Host input waits while the line is looped back.
    uart.pushInput([1]);
    expect(r(LSR) & 1).toBe(0);
    w(MCR, 0x08);
    expect(r(RBR)).toBe(1);
  });

  it("a second loopback byte without FIFOs overruns; LSR read clears OE", () => {
    const { w, r } = setup();
    w(MCR, 0x10);
    w(THR, 1);
    w(THR, 2);
    expect(r(LSR) & 0x02).toBe(0x02);
    expect(r(LSR) & 0x02).toBe(0);
    expect(r(RBR)).toBe(1);
  });

  it("receiver line status interrupt on overrun", () => {
    const { w, r, irq } = setup();
    w(MCR, 0x10);
    w(IER, 0x04);
    w(THR, 1);
    w(THR, 2);
    expect(irq.level).toBe(true);
    expect(r(IIR)).toBe(0x06);
    r(LSR);
    expect(irq.level).toBe(false);
  });

  it("the scratch register holds a byte; registers mirror every 8 bytes", () => {
    const { w, r } = setup();
    w(SCR, 0xa5);
    expect(r(SCR)).toBe(0xa5);
    expect(r(SCR + 8)).toBe(0xa5);
  });
});

describe("16550 UART with paced input (a scripted console)", () => {
  const text = (s: string) => [...s].map((c) => c.charCodeAt(0));

  it("holds input through a driver's port startup until the guest waits with the data interrupt on", () => {
    const { uart, w, r, irq } = setup();
    uart.pacedInput = true;
    uart.pushInput(text("cat\n"));
    expect(uart.guestIdle()).toBe(false); // data interrupt off: not reading yet
    // Linux's serial8250_do_startup and set_termios: FIFOs reset and off,
    // the receiver read, its interrupts on, then the FIFOs on (a flush).
    w(FCR, 0x07);
    w(FCR, 0x00);
    r(RBR);
    w(IER, 0x05);
    w(FCR, 0x01);
    w(FCR, 0x81);
    expect(r(LSR) & 1).toBe(0);
    expect(irq.level).toBe(false);
    expect(uart.guestIdle()).toBe(true); // the shell waits for a line
    expect(irq.level).toBe(true);
    const got: number[] = [];
    while (r(LSR) & 1) got.push(r(RBR));
    expect(String.fromCharCode(...got)).toBe("cat\n");
    expect(uart.guestIdle()).toBe(false);
    // Once the reader is seen, later input enters at once; a FIFO reset (a driver restarting) holds it again.
    uart.pushInput(text("a"));
    expect(r(LSR) & 1).toBe(1);
    r(RBR);
    w(FCR, 0x87);
    uart.pushInput(text("b"));
    expect(r(LSR) & 1).toBe(0);
  });

  it("lets input in for a reader polling LSR", () => {
    const { uart, w, r } = setup();
    uart.pacedInput = true;
    uart.pushInput(text("ab"));
    for (let i = 0; i < 63; i++) expect(r(LSR) & 1).toBe(0);
    expect(r(LSR) & 1).toBe(1); // the 64th poll in a row
    expect(r(RBR)).toBe(0x61);
    w(THR, 0x61); // the echo
    expect(r(LSR) & 1).toBe(1);
    expect(r(RBR)).toBe(0x62);
  });

  it("console output (LSR checks between THR writes) never counts as polling", () => {
    const { uart, w, r } = setup();
    uart.pacedInput = true;
    uart.pushInput(text("x"));
    for (let i = 0; i < 1000; i++) {
      r(LSR);
      w(THR, 0x2e);
    }
    expect(r(LSR) & 1).toBe(0);
    expect(uart.pendingInput).toBe(1);
  });
});
