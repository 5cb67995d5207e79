// The worker thread of a Monte Carlo run (monte-carlo-runner.ts starts it): runs, reports
// progress, posts the summary. The server's event loop stays free for other requests meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { FlowRates } from '../../domain/stock-flow.ts';
import { type PackedFlows, runMonteCarlo } from './monte-carlo.ts';

const { packed, rates, runs, seed } = workerData as {
  packed: PackedFlows;
  rates: FlowRates;
  runs: number;
  seed: number;
};
const result = runMonteCarlo(packed, rates, runs, seed, (done) => {
  parentPort!.postMessage({ type: 'progress', done });
  return undefined;
});
parentPort!.postMessage({ type: 'result', result });
