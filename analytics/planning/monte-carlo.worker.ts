// A worker thread of a Monte Carlo run (monte-carlo-runner.ts starts one per part): runs its
// part, reports progress, posts the part's sums. The server's event loop stays free for other
// requests meanwhile; the thread lowers its own scheduling priority (Linux: a thread's id is a
// valid target of setpriority) so that requests arriving during a run are served first.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { FlowRates } from '../../domain/stock-flow.ts';
import { type PackedFlows, runPart } from './monte-carlo.ts';

/** The nice value of a run's threads: below every request the main thread serves. */
const BACKGROUND_NICE = 10;
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId)) setPriority(threadId, BACKGROUND_NICE);
} catch {
  // Not Linux, or not permitted: the run keeps the normal priority.
}

const { packed, rates, runs, seed, part } = workerData as {
  packed: PackedFlows;
  rates: FlowRates;
  runs: number;
  seed: number;
  part: number;
};
const result = runPart(packed, rates, runs, seed, part, (done) => {
  parentPort!.postMessage({ type: 'progress', done });
  return undefined;
});
parentPort!.postMessage({ type: 'result', result });
