// SBI v2.0 numbers: extension IDs, error codes, HSM states and the
// implementation's own identity (RISC-V SBI specification v2.0).

/** SBI v2.0 §3: the spec version this implementation follows, as get_spec_version encodes it (major << 24 | minor). */
export const SBI_SPEC_VERSION = (2 << 24) | 0;
/**
 * SBI v2.0 §4.9 lists the registered implementation IDs (0 BBL … 11
 * bhyve); rvhv has none, so it reports the ASCII of "RVHV", which no
 * registered implementation uses.
 */
export const SBI_IMPL_ID = 0x52564856;
/** rvhv's SBI implementation version (0.1: major << 16 | minor, as OpenSBI encodes it). */
export const SBI_IMPL_VERSION = 1;

// Extension IDs (SBI v2.0 §4-§16).
export const EID_LEGACY_SET_TIMER = 0x00;
export const EID_LEGACY_CONSOLE_PUTCHAR = 0x01;
export const EID_LEGACY_CONSOLE_GETCHAR = 0x02;
export const EID_LEGACY_CLEAR_IPI = 0x03;
export const EID_LEGACY_SEND_IPI = 0x04;
export const EID_LEGACY_REMOTE_FENCE_I = 0x05;
export const EID_LEGACY_REMOTE_SFENCE_VMA = 0x06;
export const EID_LEGACY_REMOTE_SFENCE_VMA_ASID = 0x07;
export const EID_LEGACY_SHUTDOWN = 0x08;
export const EID_BASE = 0x10;
export const EID_TIME = 0x54494d45;
export const EID_IPI = 0x735049;
export const EID_RFENCE = 0x52464e43;
export const EID_HSM = 0x48534d;
export const EID_SRST = 0x53525354;
export const EID_DBCN = 0x4442434e;
export const EID_STA = 0x535441;

// Standard error codes (SBI v2.0 §3.2, Table 1).
export const SBI_SUCCESS = 0;
export const SBI_ERR_FAILED = -1;
export const SBI_ERR_NOT_SUPPORTED = -2;
export const SBI_ERR_INVALID_PARAM = -3;
export const SBI_ERR_DENIED = -4;
export const SBI_ERR_INVALID_ADDRESS = -5;
export const SBI_ERR_ALREADY_AVAILABLE = -6;
export const SBI_ERR_ALREADY_STARTED = -7;
export const SBI_ERR_ALREADY_STOPPED = -8;
export const SBI_ERR_NO_SHMEM = -9;

// HSM hart states (SBI v2.0 §9, Table 13).
export const HSM_STARTED = 0;
export const HSM_STOPPED = 1;
export const HSM_START_PENDING = 2;
export const HSM_STOP_PENDING = 3;
export const HSM_SUSPENDED = 4;
export const HSM_SUSPEND_PENDING = 5;
export const HSM_RESUME_PENDING = 6;

// SRST reset types and reasons (SBI v2.0 §10.1, Tables 22-23).
export const SRST_SHUTDOWN = 0;
export const SRST_COLD_REBOOT = 1;
export const SRST_WARM_REBOOT = 2;
export const SRST_REASON_NONE = 0;
export const SRST_REASON_SYSTEM_FAILURE = 1;
