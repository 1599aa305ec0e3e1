// Steal-time accounting (SBI v2.0 §16, as KVM's kvm_riscv_vcpu_record_steal_time):
// time a vCPU was runnable but another vCPU held the processor. The
// scheduler adds it up in ticks; before the vCPU runs again it is published
// in the guest's 64-byte area with the sequence-counter protocol: sequence
// odd while the hypervisor writes, even once the record is consistent.
import { TIMEBASE_HZ } from "../src/devices/virt-dtb.js";
import type { GuestMemory } from "./guest-memory.js";
import type { Vcpu } from "./vcpu.js";

const NS_PER_TICK = 1e9 / TIMEBASE_HZ;
// struct sbi_sta_struct (§16.1).
const OFF_SEQUENCE = 0;
const OFF_FLAGS = 4;
const OFF_STEAL = 8;
const OFF_PREEMPTED = 16;
const AREA_SIZE = 64;

/** STA set_shmem: start updating the area at host RAM offset `offset` (or stop, with -1). */
export function registerStealArea(vcpu: Vcpu, memory: GuestMemory, offset: number): void {
  vcpu.stealArea = offset;
  if (offset < 0) return;
  // A fresh record: sequence 0 (even), steal 0, not preempted.
  memory.u8.fill(0, offset, offset + AREA_SIZE);
  memory.noteWrite(offset, AREA_SIZE);
  vcpu.stealNs = 0;
  vcpu.stealTicks = 0;
}

/** Publishes the steal time gathered since the last publication (the vCPU is about to run). */
export function publishStealTime(vcpu: Vcpu, memory: GuestMemory): void {
  const off = vcpu.stealArea;
  if (off < 0 || vcpu.stealTicks === 0) return;
  vcpu.stealNs += Math.round(vcpu.stealTicks * NS_PER_TICK);
  vcpu.stealTicks = 0;
  const sequence = memory.read32(off + OFF_SEQUENCE);
  memory.write32(off + OFF_SEQUENCE, sequence + 1);
  memory.write32(off + OFF_FLAGS, 0);
  memory.write32(off + OFF_STEAL, vcpu.stealNs % 4294967296);
  memory.write32(off + OFF_STEAL + 4, Math.floor(vcpu.stealNs / 4294967296));
  memory.u8[off + OFF_PREEMPTED] = 0;
  memory.write32(off + OFF_SEQUENCE, sequence + 2);
  memory.noteWrite(off, AREA_SIZE);
}
