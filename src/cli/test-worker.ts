// Worker thread for `rvhv test`: runs the test cases it is sent, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { runTestCase, type TestSettings } from "./test-case.js";

export interface TestJob {
  index: number;
  path: string;
}

const settings = workerData as TestSettings;
parentPort!.on("message", (job: TestJob) => {
  parentPort!.postMessage({ index: job.index, outcome: runTestCase(job.path, settings) });
});
