// Architectural constants: privilege levels, trap causes, CSR numbers and
// status-register fields. Names as the privileged spec spells them.

// Priv §1.2: privilege levels.
export const PRIV_U = 0;
export const PRIV_S = 1;
export const PRIV_M = 3;

// Priv §3.1.15 Table 14: exception codes (mcause with Interrupt = 0).
export const CAUSE_MISALIGNED_FETCH = 0;
export const CAUSE_FETCH_ACCESS = 1;
export const CAUSE_ILLEGAL_INSTRUCTION = 2;
export const CAUSE_BREAKPOINT = 3;
export const CAUSE_MISALIGNED_LOAD = 4;
export const CAUSE_LOAD_ACCESS = 5;
export const CAUSE_MISALIGNED_STORE = 6;
export const CAUSE_STORE_ACCESS = 7;
export const CAUSE_USER_ECALL = 8;
export const CAUSE_SUPERVISOR_ECALL = 9;
export const CAUSE_VIRTUAL_SUPERVISOR_ECALL = 10;
export const CAUSE_MACHINE_ECALL = 11;
export const CAUSE_FETCH_PAGE_FAULT = 12;
export const CAUSE_LOAD_PAGE_FAULT = 13;
export const CAUSE_STORE_PAGE_FAULT = 15;
export const CAUSE_FETCH_GUEST_PAGE_FAULT = 20;
export const CAUSE_LOAD_GUEST_PAGE_FAULT = 21;
export const CAUSE_VIRTUAL_INSTRUCTION = 22;
export const CAUSE_STORE_GUEST_PAGE_FAULT = 23;

// Priv §3.1.9: interrupt numbers (bit positions in mip/mie).
export const IRQ_S_SOFT = 1;
export const IRQ_VS_SOFT = 2;
export const IRQ_M_SOFT = 3;
export const IRQ_S_TIMER = 5;
export const IRQ_VS_TIMER = 6;
export const IRQ_M_TIMER = 7;
export const IRQ_S_EXT = 9;
export const IRQ_VS_EXT = 10;
export const IRQ_M_EXT = 11;
export const IRQ_SG_EXT = 12;

// Priv §3.1.6: mstatus fields (low word unless noted).
export const MSTATUS_SIE = 1 << 1;
export const MSTATUS_MIE = 1 << 3;
export const MSTATUS_SPIE = 1 << 5;
export const MSTATUS_UBE = 1 << 6;
export const MSTATUS_MPIE = 1 << 7;
export const MSTATUS_SPP = 1 << 8;
export const MSTATUS_VS = 3 << 9;
export const MSTATUS_MPP_SHIFT = 11;
export const MSTATUS_MPP = 3 << 11;
export const MSTATUS_FS_SHIFT = 13;
export const MSTATUS_FS = 3 << 13;
export const MSTATUS_XS = 3 << 15;
export const MSTATUS_MPRV = 1 << 17;
export const MSTATUS_SUM = 1 << 18;
export const MSTATUS_MXR = 1 << 19;
export const MSTATUS_TVM = 1 << 20;
export const MSTATUS_TW = 1 << 21;
export const MSTATUS_TSR = 1 << 22;
// high word (bit - 32)
export const MSTATUSH_UXL = 3 << 0; // bits 33:32
export const MSTATUSH_SXL = 3 << 2; // bits 35:34
export const MSTATUSH_GVA = 1 << 6; // bit 38
export const MSTATUSH_MPV = 1 << 7; // bit 39
export const MSTATUSH_SD = 1 << 31; // bit 63

export const FS_OFF = 0;
export const FS_DIRTY = 3;

// CSR numbers (Priv §2.2 Tables 3-8; Unpriv Zicsr/Zicntr; F/D fcsr).
export const CSR_FFLAGS = 0x001;
export const CSR_FRM = 0x002;
export const CSR_FCSR = 0x003;
export const CSR_CYCLE = 0xc00;
export const CSR_TIME = 0xc01;
export const CSR_INSTRET = 0xc02;
export const CSR_HPMCOUNTER3 = 0xc03;

export const CSR_SSTATUS = 0x100;
export const CSR_SIE = 0x104;
export const CSR_STVEC = 0x105;
export const CSR_SCOUNTEREN = 0x106;
export const CSR_SENVCFG = 0x10a;
export const CSR_SSTATEEN0 = 0x10c;
export const CSR_SSCRATCH = 0x140;
export const CSR_SEPC = 0x141;
export const CSR_SCAUSE = 0x142;
export const CSR_STVAL = 0x143;
export const CSR_SIP = 0x144;
export const CSR_STIMECMP = 0x14d;
export const CSR_SATP = 0x180;

export const CSR_MVENDORID = 0xf11;
export const CSR_MARCHID = 0xf12;
export const CSR_MIMPID = 0xf13;
export const CSR_MHARTID = 0xf14;
export const CSR_MCONFIGPTR = 0xf15;
export const CSR_MSTATUS = 0x300;
export const CSR_MISA = 0x301;
export const CSR_MEDELEG = 0x302;
export const CSR_MIDELEG = 0x303;
export const CSR_MIE = 0x304;
export const CSR_MTVEC = 0x305;
export const CSR_MCOUNTEREN = 0x306;
export const CSR_MENVCFG = 0x30a;
export const CSR_MSTATEEN0 = 0x30c;
export const CSR_MCOUNTINHIBIT = 0x320;
export const CSR_MHPMEVENT3 = 0x323;
export const CSR_MSCRATCH = 0x340;
export const CSR_MEPC = 0x341;
export const CSR_MCAUSE = 0x342;
export const CSR_MTVAL = 0x343;
export const CSR_MIP = 0x344;
export const CSR_MTINST = 0x34a;
export const CSR_MTVAL2 = 0x34b;
export const CSR_PMPCFG0 = 0x3a0;
export const CSR_PMPADDR0 = 0x3b0;
export const CSR_MCYCLE = 0xb00;
export const CSR_MINSTRET = 0xb02;
export const CSR_MHPMCOUNTER3 = 0xb03;
export const CSR_TSELECT = 0x7a0;
export const CSR_TDATA1 = 0x7a1;

// Hypervisor extension (Priv §9): CSR numbers.
export const CSR_HSTATUS = 0x600;
export const CSR_HEDELEG = 0x602;
export const CSR_HIDELEG = 0x603;
export const CSR_HIE = 0x604;
export const CSR_HTIMEDELTA = 0x605;
export const CSR_HCOUNTEREN = 0x606;
export const CSR_HGEIE = 0x607;
export const CSR_HENVCFG = 0x60a;
export const CSR_HSTATEEN0 = 0x60c;
export const CSR_HTVAL = 0x643;
export const CSR_HIP = 0x644;
export const CSR_HVIP = 0x645;
export const CSR_HTINST = 0x64a;
export const CSR_HGATP = 0x680;
export const CSR_HGEIP = 0xe12;
export const CSR_VSSTATUS = 0x200;
export const CSR_VSIE = 0x204;
export const CSR_VSTVEC = 0x205;
export const CSR_VSSCRATCH = 0x240;
export const CSR_VSEPC = 0x241;
export const CSR_VSCAUSE = 0x242;
export const CSR_VSTVAL = 0x243;
export const CSR_VSIP = 0x244;
export const CSR_VSTIMECMP = 0x24d;
export const CSR_VSATP = 0x280;

// hstatus fields (Priv §9.2.1).
export const HSTATUS_VSBE = 1 << 5;
export const HSTATUS_GVA = 1 << 6;
export const HSTATUS_SPV = 1 << 7;
export const HSTATUS_SPVP = 1 << 8;
export const HSTATUS_HU = 1 << 9;
export const HSTATUS_VGEIN_SHIFT = 12;
export const HSTATUS_VGEIN = 0x3f << 12;
export const HSTATUS_VTVM = 1 << 20;
export const HSTATUS_VTW = 1 << 21;
export const HSTATUS_VTSR = 1 << 22;
export const HSTATUSH_VSXL = 3 << 0; // bits 33:32

/** The VS-level interrupts (VSSIP, VSTIP, VSEIP) and SGEIP: mideleg bits that are read-only one with H. */
export const VS_INTERRUPTS = (1 << IRQ_VS_SOFT) | (1 << IRQ_VS_TIMER) | (1 << IRQ_VS_EXT);
export const MIDELEG_H_FIXED = VS_INTERRUPTS | (1 << IRQ_SG_EXT);

/** Number of guest external interrupts (hgeip/hgeie bits GEILEN:1). */
export const GEILEN = 7;

// henvcfg / menvcfg fields (Priv §3.1.18, §9.2.5).
export const ENVCFG_CBIE_SHIFT = 4;
export const ENVCFG_CBCFE = 1 << 6;
export const ENVCFG_CBZE = 1 << 7;
export const ENVCFGH_STCE = 1 << 31;
export const ENVCFGH_PBMTE = 1 << 30;
export const ENVCFGH_ADUE = 1 << 29;

// mcountinhibit fields (Priv §3.1.12): CY stops mcycle, IR stops minstret.
export const MCOUNTINHIBIT_CY = 1 << 0;
export const MCOUNTINHIBIT_IR = 1 << 2;

// Smstateen (Priv "Smstateen/Ssstateen"): xstateen0..3 follow each CSR_*STATEEN0.
// High-word bits (bit - 32) of mstateen0/hstateen0; bit 63 means the same
// in mstateen1..3 and hstateen1..3.
export const STATEEN_COUNT = 4;
export const STATEENH_SE = 1 << 31; // bit 63: SE0 (SEn): access to hstateenN, sstateenN
export const STATEEN0H_ENVCFG = 1 << 30; // bit 62: access to henvcfg, senvcfg

// htinst/mtinst pseudoinstructions for implicit VS-stage accesses (Priv §9.6.3).
export const TINST_PSEUDO_READ64 = 0x3000;
export const TINST_PSEUDO_WRITE64 = 0x3020;

/** Zicbom/Zicboz cache-block size in bytes (riscv,cbom/cboz-block-size in the device tree). */
export const CACHE_BLOCK_SIZE = 64;
