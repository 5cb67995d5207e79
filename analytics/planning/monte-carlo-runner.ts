// Starts a Monte Carlo run in worker threads, one per part (monte-carlo.ts PARTS): the server
// keeps answering other requests while it runs, a run reports its progress and can be cancelled
// (the workers are terminated). The worker is TypeScript, loaded through tsx as the server is.
import { Worker } from 'node:worker_threads';
import type { FlowRates } from '../../domain/stock-flow.ts';
import { type MonteCarloPart, type MonteCarloSummary, PARTS, type PackedFlows, summarise } from './monte-carlo.ts';

export class CancelledError extends Error {
  constructor() {
    super('the simulation was cancelled');
  }
}

export interface MonteCarloRun {
  result: Promise<MonteCarloSummary>;
  /** Runs done so far. */
  done(): number;
  cancel(): void;
}

const workerFile = new URL('./monte-carlo.worker.ts', import.meta.url).href;
const tsxApi = import.meta.resolve('tsx/esm/api');
const boot = `import { tsImport } from ${JSON.stringify(tsxApi)}; await tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)});`;

export function startMonteCarlo(
  packed: PackedFlows,
  rates: FlowRates,
  runs: number,
  seed: number,
  onProgress?: (done: number) => void,
): MonteCarloRun {
  const done = new Array<number>(PARTS).fill(0);
  const total = () => Math.floor(done.reduce((s, d) => s + d, 0) / PARTS);
  let cancelled = false;
  // Each part's worker gets its own copy of the packed groups (a few MiB at national scale).
  const workers = Array.from(
    { length: PARTS },
    (_, part) => new Worker(boot, { eval: true, workerData: { packed, rates, runs, seed, part } }),
  );
  const stopAll = () => {
    for (const w of workers) void w.terminate();
  };
  const parts = workers.map(
    (worker, part) =>
      new Promise<MonteCarloPart>((resolve, reject) => {
        worker.on('message', (m: { type: 'progress'; done: number } | { type: 'result'; result: MonteCarloPart }) => {
          if (m.type === 'progress') {
            done[part] = m.done;
            onProgress?.(total());
          } else {
            resolve(m.result);
            void worker.terminate();
          }
        });
        worker.on('error', reject);
        worker.on('exit', () =>
          reject(cancelled ? new CancelledError() : new Error('the simulation stopped unexpectedly')),
        );
      }),
  );
  const result = Promise.all(parts).then(
    (list) => summarise(list, packed, runs),
    (e) => {
      stopAll();
      throw e;
    },
  );
  return {
    result,
    done: total,
    cancel: () => {
      cancelled = true;
      stopAll();
    },
  };
}
