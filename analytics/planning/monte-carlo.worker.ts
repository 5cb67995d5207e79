// The worker thread of a Monte Carlo run (monte-carlo-runner.ts starts it): runs, reports
// progress, posts the summary. The server's event loop stays free for other requests meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../domain/planning.ts';
import { type PackedGroups, runMonteCarlo } from './monte-carlo.ts';

const { packed, scenario, runs, seed } = workerData as {
  packed: PackedGroups;
  scenario: Scenario;
  runs: number;
  seed: number;
};
const result = runMonteCarlo(packed, scenario, runs, seed, (done) => {
  parentPort!.postMessage({ type: 'progress', done });
  return undefined;
});
parentPort!.postMessage({ type: 'result', result });
