// Runs Monte Carlo simulations on a pool of worker threads (decision 047). A run is cut into
// PARTS parts (monte-carlo.ts), each with its own generator; the parts wait in one queue and each
// idle worker takes the next, so the answer for a seed is the same with one worker or many. The
// workers are started once and kept (starting one costs about 0.4 s: it loads TypeScript through
// tsx, as the server does), at a lower priority than the server's own thread (nice 10,
// monte-carlo.worker.ts): requests are served first, and a run takes what the cores have left. The groups travel in shared memory; a cancelled run is told through a shared flag that
// each part reads as it reports progress.
import { availableParallelism } from 'node:os';
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

/** What a worker is sent for one part, and what it answers. */
export interface PartTask {
  task: number;
  packed: PackedFlows;
  rates: FlowRates;
  runs: number;
  seed: number;
  part: number;
  /** Shared: 1 once the run is cancelled. */
  cancelled: Int32Array;
}
export type PartMessage =
  | { type: 'progress'; task: number; done: number }
  | { type: 'result'; task: number; result: MonteCarloPart | null }
  | { type: 'failed'; task: number; message: string };

const workerFile = new URL('./monte-carlo.worker.ts', import.meta.url).href;
const tsxApi = import.meta.resolve('tsx/esm/api');
const boot = `import { tsImport } from ${JSON.stringify(tsxApi)}; await tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)});`;

interface Pending {
  task: PartTask;
  progress(done: number): void;
  settle(result: MonteCarloPart | null, error?: Error): void;
}

/** A worker of the pool and the part it is running, if any. */
interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/** The pool: a fixed number of workers, started when first needed, and one queue of parts. */
export class MonteCarloPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextTask = 1;

  constructor(readonly size: number) {}

  /** Starts the workers ahead of the first run (they load while the server is idle). */
  warm(): void {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
  }

  /** The workers stop; parts waiting or running fail. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    const closed = new Error('the simulation pool was closed');
    for (const p of [...this.queue.splice(0), ...slots.flatMap((s) => (s.busy ? [s.busy] : []))])
      p.settle(null, closed);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  start(
    packed: PackedFlows,
    rates: FlowRates,
    runs: number,
    seed: number,
    onProgress?: (done: number) => void,
  ): MonteCarloRun {
    this.warm();
    const cancelled = new Int32Array(new SharedArrayBuffer(4));
    const done = new Array<number>(PARTS).fill(0);
    const total = () => Math.floor(done.reduce((s, d) => s + d, 0) / PARTS);
    const parts = Array.from(
      { length: PARTS },
      (_, part) =>
        new Promise<MonteCarloPart>((resolve, reject) => {
          this.queue.push({
            task: { task: this.nextTask++, packed, rates, runs, seed, part, cancelled },
            progress: (d) => {
              done[part] = d;
              onProgress?.(total());
            },
            settle: (result, error) => {
              if (error) reject(error);
              else if (result === null) reject(new CancelledError());
              else resolve(result);
            },
          });
        }),
    );
    this.dispatch();
    const cancel = () => {
      Atomics.store(cancelled, 0, 1);
      // Parts not started yet are dropped from the queue.
      for (let i = this.queue.length - 1; i >= 0; i--)
        if (this.queue[i]!.task.cancelled === cancelled) this.queue.splice(i, 1)[0]!.settle(null);
    };
    const result = Promise.all(parts).then(
      (list) => summarise(list, packed, runs),
      (e: unknown) => {
        cancel();
        throw e;
      },
    );
    return { result, done: total, cancel };
  }

  private spawn(): Slot {
    const worker = new Worker(boot, { eval: true });
    // An idle pool does not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (m: PartMessage) => {
      const pending = slot.busy;
      if (!pending || m.task !== pending.task.task) return;
      if (m.type === 'progress') {
        pending.progress(m.done);
        return;
      }
      slot.busy = null;
      worker.unref();
      if (m.type === 'result') pending.settle(m.result);
      else pending.settle(null, new Error(m.message));
      this.dispatch();
    });
    const lost = (error: Error) => {
      const at = this.slots.indexOf(slot);
      if (at < 0) return;
      this.slots.splice(at, 1);
      slot.busy?.settle(null, error);
      slot.busy = null;
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', () => lost(new Error('the simulation stopped unexpectedly')));
    return slot;
  }

  private dispatch(): void {
    if (this.queue.length > 0) this.warm();
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      slot.busy = next;
      // A worker with a part keeps the process alive until it answers.
      slot.worker.ref();
      slot.worker.postMessage(next.task);
    }
  }
}

/** Worker threads for simulations: `SIMULATION_WORKERS`, else one per core up to 4. */
export function simulationWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.SIMULATION_WORKERS);
  if (Number.isInteger(set) && set >= 1 && set <= 64) return set;
  return Math.max(1, Math.min(4, availableParallelism()));
}

let shared: MonteCarloPool | null = null;

/** The process's pool. */
export function monteCarloPool(): MonteCarloPool {
  shared ??= new MonteCarloPool(simulationWorkers());
  return shared;
}

/** A run on the process's pool (`MonteCarloPool.start`). */
export const startMonteCarlo = (...args: Parameters<MonteCarloPool['start']>): MonteCarloRun =>
  monteCarloPool().start(...args);
