// Page-table walk (Priv §4.3-4.5). Bare only until the walker lands.

/** satp.MODE values this hart implements (Priv §4.1.11: unsupported writes are ignored). */
export function isSupportedSatpMode(mode: number): boolean {
  return mode === 0;
}
