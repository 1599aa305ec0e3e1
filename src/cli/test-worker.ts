// Worker thread for `rvhv test`: runs the test cases it is sent, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { runTestCase } from "./test-case.js";

export interface TestJob {
  index: number;
  path: string;
}

const { timeoutInsns } = workerData as { timeoutInsns: number };
parentPort!.on("message", (job: TestJob) => {
  parentPort!.postMessage({ index: job.index, outcome: runTestCase(job.path, timeoutInsns) });
});
