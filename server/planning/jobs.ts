// Monte Carlo simulations run as jobs: started by one request, watched and cancelled by later
// ones, each run in a worker thread (analytics/planning/monte-carlo-runner.ts). Jobs live in this
// process's memory: a restart forgets them (a run is reproducible from its seed and saved
// scenario). Bounded: a running job per account, two on the server, finished jobs kept an hour.
// The work is given by the caller (the GraphQL layer starts the analytical run).
import { randomUUID } from 'node:crypto';
import { refusal } from '../../domain/errors.ts';

export type JobStatus = 'RUNNING' | 'DONE' | 'CANCELLED' | 'FAILED';

/** What a job's work reports when its run starts: a way to cancel it. */
export interface Cancellable {
  cancel(): void;
}

export interface SimulationJob<T = unknown> {
  id: string;
  owner: string;
  status: JobStatus;
  runs: number;
  runsDone: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  result: T | null;
  run: Cancellable | null;
  /** Cancelled before its worker started. */
  cancelRequested: boolean;
  /** Settles when the job ends (never rejects). */
  done: Promise<void>;
}

export const JOB_LIMITS = { perOwner: 1, running: 2, keepMs: 60 * 60 * 1000, kept: 200 };

const jobs = new Map<string, SimulationJob<unknown>>();

function sweep(now = Date.now()) {
  for (const [id, job] of jobs)
    if (job.finishedAt && now - job.finishedAt.getTime() > JOB_LIMITS.keepMs) jobs.delete(id);
  while (jobs.size > JOB_LIMITS.kept) {
    const oldest = [...jobs.values()].find((j) => j.status !== 'RUNNING');
    if (!oldest) break;
    jobs.delete(oldest.id);
  }
}

/**
 * Starts a job; `work` runs the simulation and is given hooks that connect the worker to the job.
 * Refused (RATE_LIMITED) while the owner has a job running, or the server has its limit.
 */
export function startJob<T>(
  owner: string,
  runs: number,
  work: (hooks: { started: (run: Cancellable) => void; onProgress: (done: number) => void }) => Promise<T>,
): SimulationJob<T> {
  sweep();
  const running = [...jobs.values()].filter((j) => j.status === 'RUNNING');
  if (running.some((j) => j.owner === owner)) throw refusal('RATE_LIMITED', 'planning.simulationRunning');
  if (running.length >= JOB_LIMITS.running)
    throw refusal('RATE_LIMITED', 'planning.serverBusy', { max: JOB_LIMITS.running });
  const job: SimulationJob<T> = {
    id: randomUUID(),
    owner,
    status: 'RUNNING',
    runs,
    runsDone: 0,
    startedAt: new Date(),
    finishedAt: null,
    error: null,
    result: null,
    run: null,
    cancelRequested: false,
    done: Promise.resolve(),
  };
  jobs.set(job.id, job as SimulationJob<unknown>);
  job.done = work({
    started: (run) => {
      job.run = run;
      if (job.cancelRequested) run.cancel();
    },
    onProgress: (done) => {
      job.runsDone = done;
    },
  }).then(
    (result) => {
      job.status = 'DONE';
      job.result = result;
      job.runsDone = runs;
      job.finishedAt = new Date();
      job.run = null;
    },
    (error: unknown) => {
      job.status = job.cancelRequested ? 'CANCELLED' : 'FAILED';
      job.error = error instanceof Error ? error.message : String(error);
      job.finishedAt = new Date();
      job.run = null;
    },
  );
  return job;
}

/** The owner's job; another account's or an unknown one is NOT_FOUND alike. */
export function jobOf(owner: string, id: string): SimulationJob<unknown> {
  const job = jobs.get(id);
  if (!job || job.owner !== owner) throw refusal('NOT_FOUND', 'planning.simulationNotFound', { id });
  return job;
}

export function cancelJob(owner: string, id: string): SimulationJob<unknown> {
  const job = jobOf(owner, id);
  if (job.status === 'RUNNING') {
    job.cancelRequested = true;
    job.run?.cancel();
  }
  return job;
}

/** For tests: forget every job (running ones are cancelled). */
export function resetJobs(): void {
  for (const job of jobs.values()) job.run?.cancel();
  jobs.clear();
}

const busy = new Set<string>();

/**
 * Runs a heavy request (an optimisation, a comparison) only if the account has none running:
 * one account cannot queue many of them behind each other.
 */
export async function oneAtATime<T>(
  owner: string,
  what: 'comparison' | 'optimisation',
  work: () => Promise<T>,
): Promise<T> {
  const key = `${owner}|${what}`;
  if (busy.has(key))
    throw refusal(
      'RATE_LIMITED',
      what === 'comparison' ? 'planning.unfinishedComparison' : 'planning.unfinishedOptimisation',
    );
  busy.add(key);
  try {
    return await work();
  } finally {
    busy.delete(key);
  }
}
