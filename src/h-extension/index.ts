// The hypervisor extension (Priv §9). Importing this module registers its
// CSRs and instructions with the core's tables; the core's trap entry,
// translation, xRET and interrupt logic already understand V. Every machine
// imports it, so harts have misa.H = 1.
import "../rv64/csr/all.js";
import "./csrs.js";
import { addInstructions } from "../rv64/decode/table.js";
import { hypervisorInstructions } from "./instructions.js";

addInstructions(hypervisorInstructions);
