// Starts a Monte Carlo run in a worker thread: the server keeps answering other requests while
// it runs, a run reports its progress and can be cancelled (the worker is terminated). The
// worker is TypeScript, loaded through tsx as the server itself is.
import { Worker } from 'node:worker_threads';
import type { FlowRates } from '../../domain/stock-flow.ts';
import { buffers, type MonteCarloSummary, type PackedFlows } from './monte-carlo.ts';

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
  let done = 0;
  let cancelled = false;
  const worker = new Worker(boot, {
    eval: true,
    workerData: { packed, rates, runs, seed },
    transferList: buffers(packed),
  });
  const result = new Promise<MonteCarloSummary>((resolve, reject) => {
    worker.on('message', (m: { type: 'progress'; done: number } | { type: 'result'; result: MonteCarloSummary }) => {
      if (m.type === 'progress') {
        done = m.done;
        onProgress?.(done);
      } else {
        resolve(m.result);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', () =>
      reject(cancelled ? new CancelledError() : new Error('the simulation stopped unexpectedly')),
    );
  });
  return {
    result,
    done: () => done,
    cancel: () => {
      cancelled = true;
      void worker.terminate();
    },
  };
}
