// Registers every CSR group with the table. Import this once before running a hart.
import "./machine.js";
import "./supervisor.js";
import "./counters.js";
import "./fp.js";
import "./pmp.js";
import "./stateen.js";
export { CSR_OK, csrOut, csrTable } from "./table.js";
