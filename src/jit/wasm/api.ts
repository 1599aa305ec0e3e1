// The WebAssembly JavaScript API (WebAssembly JS Interface): the few members
// rvhv uses. The project's lib is ES2022 without the DOM types, and
// @types/node does not declare it.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmModule {
  readonly kind: "module";
}
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
export interface WasmTable {
  readonly length: number;
  grow(delta: number): number;
  set(index: number, value: unknown): void;
}
interface WasmApi {
  Table: new (descriptor: { element: "anyfunc"; initial: number }) => WasmTable;
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
}
export const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
