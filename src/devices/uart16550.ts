// An NS16550A UART as QEMU's virt machine has it (hw/char/serial.c): eight
// byte-wide registers, reg-shift 0, mirrored through the 0x100-byte region.
// Register behaviour follows the TI PC16550D data sheet ("PC16550D Universal
// Asynchronous Receiver/Transmitter with FIFOs", §8 Registers) and QEMU's
// model, which Linux's 8250 driver and OpenSBI's uart8250 are tested on:
//
//   0  RBR (read) / THR (write)     DLL when LCR.DLAB = 1
//   1  IER                          DLM when LCR.DLAB = 1
//   2  IIR (read) / FCR (write)
//   3  LCR   4  MCR   5  LSR   6  MSR   7  SCR
//
// Transmission is instantaneous: a THR write reaches the output callback at
// once and THRE/TEMT never stay clear. Received bytes wait in an input queue
// and enter the receive FIFO (16 bytes, or the 1-byte holding register when
// FIFOs are off) as it drains, so pasted input is never overrun. With FIFOs
// on, the character-timeout interrupt is reported as soon as data sits below
// the trigger level (no four-character delay), which drivers treat alike.
import type { MmioDevice } from "../rv64/memory.js";

export const UART_BASE = 0x10000000;
export const UART_SIZE = 0x100;
/** The UART's PLIC source on virt (UART0_IRQ). */
export const UART_IRQ = 10;
/** The input clock QEMU advertises (clock-frequency), 1.8432 MHz * 2. */
export const UART_CLOCK_HZ = 3686400;

const FIFO_SIZE = 16;
/** Paced input: LSR reads in a row, with no transmission between, that mark a polling reader. */
const POLLS_BEFORE_INPUT = 64;

// Register offsets.
const RBR_THR_DLL = 0;
const IER_DLM = 1;
const IIR_FCR = 2;
const LCR = 3;
const MCR = 4;
const LSR = 5;
const MSR = 6;
const SCR = 7;

// IER bits.
const IER_RDI = 0x01; // received data available
const IER_THRI = 0x02; // transmitter holding register empty
const IER_RLSI = 0x04; // receiver line status
const IER_MSI = 0x08; // modem status

// IIR values (bits 3:0) and the FIFOs-enabled bits 7:6.
const IIR_NO_INT = 0x01;
const IIR_MSI = 0x00;
const IIR_THRI = 0x02;
const IIR_RDI = 0x04;
const IIR_RLSI = 0x06;
const IIR_CTI = 0x0c;
const IIR_FIFO_ENABLED = 0xc0;

// FCR bits.
const FCR_FE = 0x01;
const FCR_RFR = 0x02; // clear the receive FIFO
const FCR_XFR = 0x04; // clear the transmit FIFO
/** FCR bits 7:6 select the receive trigger level. */
const RX_TRIGGER = [1, 4, 8, 14];

const LCR_DLAB = 0x80;

// MCR bits.
const MCR_DTR = 0x01;
const MCR_RTS = 0x02;
const MCR_OUT1 = 0x04;
const MCR_OUT2 = 0x08;
const MCR_LOOP = 0x10;

// LSR bits.
const LSR_DR = 0x01;
const LSR_OE = 0x02;
const LSR_BI = 0x10;
const LSR_THRE = 0x20;
const LSR_TEMT = 0x40;
/** Error bits that raise the receiver-line-status interrupt. */
const LSR_ERRORS = 0x1e;

// MSR bits.
const MSR_DELTAS = 0x0f;
const MSR_CTS = 0x10;
const MSR_DSR = 0x20;
const MSR_DCD = 0x80;

export class Uart16550 implements MmioDevice {
  readonly name = "uart16550";
  readonly size = UART_SIZE;
  readHi = 0;

  /** Receives each transmitted byte. */
  output: (byte: number) => void = () => {};

  /**
   * Paced input, for a console fed by a script (piped stdin): queued bytes
   * enter the receiver only once the guest has shown that it reads the
   * console, either by polling LSR POLLS_BEFORE_INPUT times without
   * transmitting (a polled getc: U-Boot's, OpenSBI's), or by waiting for an
   * interrupt with the received-data interrupt enabled (guestIdle(): an
   * interrupt-driven driver with its port open and set up, as Linux's 8250
   * once a shell reads the tty). A receiver FIFO reset means a driver is
   * (re)starting, so input is held again. Unpaced, input sent at power-on
   * waits in the FIFO and is lost when the driver resets the FIFO as it
   * opens the port (Linux's serial8250_do_startup and set_termios), as on
   * QEMU. Off by default: with a person typing, bytes enter at once.
   */
  pacedInput = false;

  private ier = 0;
  private fcr = 0;
  private lcr = 0;
  // QEMU's reset state: OUT2 set, the line idle, a modem "connected".
  private mcr = MCR_OUT2;
  private lsr = LSR_THRE | LSR_TEMT;
  private msr = MSR_DCD | MSR_DSR | MSR_CTS;
  private scr = 0;
  private dll = 0x0c; // 9600 baud at 1.8432 MHz
  private dlm = 0;
  /** The transmitter-empty interrupt is pending (cleared by reading IIR or writing THR). */
  private thrPending = false;
  private readonly rxFifo: number[] = [];
  private readonly inputQueue: number[] = [];
  private irqLevel = false;
  /** LSR reads since the last transmitted byte (paced input). */
  private lsrPolls = 0;
  /** Paced input: the guest has shown that it reads the console. */
  private readerSeen = false;

  constructor(
    readonly base: number,
    /** Drives the UART's interrupt line (its PLIC source). */
    private readonly irq: (level: boolean) => void,
  ) {}

  /** Bytes arriving on the serial line. */
  pushInput(bytes: Uint8Array | readonly number[]): void {
    for (const b of bytes) this.inputQueue.push(b & 0xff);
    this.fillRx();
    this.update();
  }

  /**
   * Every hart waits for an interrupt. With paced input and the
   * received-data interrupt enabled, that is a reader waiting for input:
   * queued input is let in. Returns whether it was (the harts may wake).
   */
  guestIdle(): boolean {
    if (!this.pacedInput || this.readerSeen || (this.ier & IER_RDI) === 0 || this.inputQueue.length === 0) return false;
    this.readerSeen = true;
    this.fillRx();
    this.update();
    return true;
  }

  /** Bytes received but not yet read by the guest. */
  get pendingInput(): number {
    return this.inputQueue.length + this.rxFifo.length;
  }

  // Wider accesses act as consecutive byte accesses (QEMU's serial_mm has a
  // 1-byte implementation size and splits them so).
  read(offset: number, size: number): number {
    if (size === 1) return this.readReg(offset & 7);
    let lo = 0;
    let hi = 0;
    for (let k = 0; k < size; k++) {
      const b = this.readReg((offset + k) & 7);
      if (k < 4) lo |= b << (8 * k);
      else hi |= b << (8 * (k - 4));
    }
    this.readHi = hi;
    return lo;
  }

  write(offset: number, size: number, lo: number, hi: number): void {
    for (let k = 0; k < size; k++) {
      this.writeReg((offset + k) & 7, (k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4))) & 0xff);
    }
  }

  private get fifoEnabled(): boolean {
    return (this.fcr & FCR_FE) !== 0;
  }

  private readReg(reg: number): number {
    switch (reg) {
      case RBR_THR_DLL:
        if (this.lcr & LCR_DLAB) return this.dll;
        return this.readRbr();
      case IER_DLM:
        return this.lcr & LCR_DLAB ? this.dlm : this.ier;
      case IIR_FCR: {
        const iir = this.iir();
        // PC16550D Table IV: reading IIR while it reports THRE clears that interrupt.
        if ((iir & 0x0f) === IIR_THRI) {
          this.thrPending = false;
          this.update();
        }
        return iir;
      }
      case LCR:
        return this.lcr;
      case MCR:
        return this.mcr;
      case LSR: {
        if (this.lsrPolls < POLLS_BEFORE_INPUT && ++this.lsrPolls === POLLS_BEFORE_INPUT) {
          this.readerSeen = true;
          this.fillRx();
        }
        const lsr = this.lsr;
        // Overrun and break indications clear when LSR is read.
        if (lsr & (LSR_OE | LSR_BI)) {
          this.lsr &= ~(LSR_OE | LSR_BI);
          this.update();
        }
        return lsr;
      }
      case MSR:
        return this.readMsr();
      case SCR:
        return this.scr;
    }
    return 0;
  }

  private writeReg(reg: number, v: number): void {
    switch (reg) {
      case RBR_THR_DLL:
        if (this.lcr & LCR_DLAB) this.dll = v;
        else this.transmit(v);
        return;
      case IER_DLM: {
        if (this.lcr & LCR_DLAB) {
          this.dlm = v;
          return;
        }
        const changed = (this.ier ^ v) & 0x0f;
        this.ier = v & 0x0f;
        // Enabling THRE interrupts with the holding register empty raises one
        // at once; Linux's 8250 startup tests for exactly this (UART_BUG_THRE).
        if (changed & IER_THRI) this.thrPending = (this.ier & IER_THRI) !== 0 && (this.lsr & LSR_THRE) !== 0;
        this.update();
        return;
      }
      case IIR_FCR:
        this.writeFcr(v);
        return;
      case LCR:
        this.lcr = v;
        return;
      case MCR: {
        const old = this.mcr;
        this.mcr = v & 0x1f;
        if ((old ^ this.mcr) & MCR_LOOP) {
          this.fillRx();
          this.update();
        }
        return;
      }
      case LSR:
      case MSR:
        return; // read-only (factory test registers on some parts)
      case SCR:
        this.scr = v;
    }
  }

  private transmit(byte: number): void {
    this.lsrPolls = 0;
    // PC16550D §8.6.3: in loopback the transmitter feeds the receiver.
    if (this.mcr & MCR_LOOP) this.receive(byte);
    else this.output(byte);
    this.lsr |= LSR_THRE | LSR_TEMT;
    this.thrPending = true;
    this.update();
  }

  /** A byte arriving in loopback mode goes straight to the FIFO (overrun if full). */
  private receive(byte: number): void {
    if (this.rxFifo.length >= this.rxCapacity()) {
      this.lsr |= LSR_OE;
      return;
    }
    this.rxFifo.push(byte);
    this.lsr |= LSR_DR;
  }

  private readRbr(): number {
    const byte = this.rxFifo.length > 0 ? this.rxFifo.shift()! : 0;
    if (this.rxFifo.length === 0) this.lsr &= ~(LSR_DR | LSR_BI);
    this.fillRx();
    this.update();
    return byte;
  }

  private rxCapacity(): number {
    return this.fifoEnabled ? FIFO_SIZE : 1;
  }

  /**
   * Moves queued input into the receive FIFO while it has room (not in
   * loopback: the line is disconnected; with paced input, not before the
   * guest reads).
   */
  private fillRx(): void {
    if (this.mcr & MCR_LOOP) return;
    if (this.pacedInput && !this.readerSeen) return;
    const cap = this.rxCapacity();
    while (this.inputQueue.length > 0 && this.rxFifo.length < cap) this.rxFifo.push(this.inputQueue.shift()!);
    if (this.rxFifo.length > 0) this.lsr |= LSR_DR;
  }

  private writeFcr(v: number): void {
    // Changing the FIFO enable flushes both FIFOs (PC16550D §8.4).
    if ((v ^ this.fcr) & FCR_FE) v |= FCR_RFR | FCR_XFR;
    if (v & FCR_RFR) {
      this.readerSeen = false;
      this.lsrPolls = 0;
      this.rxFifo.length = 0;
      this.lsr &= ~(LSR_DR | LSR_BI);
    }
    if (v & FCR_XFR) {
      this.lsr |= LSR_THRE | LSR_TEMT;
      this.thrPending = true;
    }
    // The clear bits self-clear; keep enable, DMA mode and the trigger level.
    this.fcr = v & 0xc9;
    this.fillRx();
    this.update();
  }

  private readMsr(): number {
    if (this.mcr & MCR_LOOP) {
      // PC16550D §8.6.3: in loopback, CTS = RTS, DSR = DTR, RI = OUT1, DCD = OUT2.
      const m = this.mcr;
      return ((m & MCR_RTS) << 3) | ((m & MCR_DTR) << 5) | ((m & MCR_OUT1) << 4) | ((m & MCR_OUT2) << 4);
    }
    const msr = this.msr;
    if (msr & MSR_DELTAS) {
      this.msr &= ~MSR_DELTAS;
      this.update();
    }
    return msr;
  }

  /** PC16550D Table IV: the highest-priority pending interrupt. */
  private iir(): number {
    const fifo = this.fifoEnabled ? IIR_FIFO_ENABLED : 0;
    const ier = this.ier;
    if (ier & IER_RLSI && this.lsr & LSR_ERRORS) return fifo | IIR_RLSI;
    if (ier & IER_RDI && this.lsr & LSR_DR) {
      const trigger = RX_TRIGGER[this.fcr >>> 6];
      return fifo | (!this.fifoEnabled || this.rxFifo.length >= trigger ? IIR_RDI : IIR_CTI);
    }
    if (ier & IER_THRI && this.thrPending) return fifo | IIR_THRI;
    if (ier & IER_MSI && this.msr & MSR_DELTAS) return fifo | IIR_MSI;
    return fifo | IIR_NO_INT;
  }

  private update(): void {
    const level = (this.iir() & IIR_NO_INT) === 0;
    if (level === this.irqLevel) return;
    this.irqLevel = level;
    this.irq(level);
  }
}
