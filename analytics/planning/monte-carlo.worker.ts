// A worker thread of the Monte Carlo pool (monte-carlo-runner.ts): runs the parts it is sent one
// after another, reports each part's progress, posts its sums. The server's event loop stays free
// for other requests meanwhile; the thread lowers its own scheduling priority (Linux: a thread's
// id is a valid target of setpriority) so that requests arriving during a run are served first.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runPart } from './monte-carlo.ts';
import type { PartMessage, PartTask } from './monte-carlo-runner.ts';

/** The nice value of a run's threads: below every request the main thread serves. */
const BACKGROUND_NICE = 10;
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId)) setPriority(threadId, BACKGROUND_NICE);
} catch {
  // Not Linux, or not permitted: the run keeps the normal priority.
}

const post = (m: PartMessage) => parentPort!.postMessage(m);

parentPort!.on('message', (t: PartTask) => {
  try {
    const result = runPart(t.packed, t.rates, t.runs, t.seed, t.part, (done) => {
      post({ type: 'progress', task: t.task, done });
      return Atomics.load(t.cancelled, 0) === 1 ? false : undefined;
    });
    post({ type: 'result', task: t.task, result });
  } catch (e) {
    post({ type: 'failed', task: t.task, message: e instanceof Error ? e.message : String(e) });
  }
});
