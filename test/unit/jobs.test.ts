// The limits on simulations and heavy planning requests (server/planning/jobs.ts): one running
// job per account and two on the server, one optimisation or comparison per account at a time,
// another account's job answered like an absent one, cancellation.
import { afterEach, describe, expect, it } from 'vitest';
import { cancelJob, JOB_LIMITS, jobOf, oneAtATime, resetJobs, startJob } from '../../server/planning/jobs.ts';

/** Work that ends when the test says so. */
function controlled() {
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const work = (hooks: { started: (run: { cancel(): void }) => void }) =>
    new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      hooks.started({ cancel: () => reject(new Error('the simulation was cancelled')) });
    });
  return { work, finish: (v: string) => finish(v), fail: (e: Error) => fail(e) };
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'none';
};

describe('simulation jobs', () => {
  afterEach(() => resetJobs());

  it('runs one job per account and two on the server', async () => {
    const a = controlled();
    const job = startJob('alice', 10, a.work);
    expect(job.status).toBe('RUNNING');
    expect(code(() => startJob('alice', 10, controlled().work))).toBe('RATE_LIMITED');
    const b = controlled();
    startJob('bob', 10, b.work);
    expect(JOB_LIMITS.running).toBe(2);
    expect(code(() => startJob('carol', 10, controlled().work))).toBe('RATE_LIMITED');
    a.finish('answer');
    await job.done;
    expect([job.status, job.result, job.runsDone]).toEqual(['DONE', 'answer', 10]);
    // A slot is free again.
    expect(startJob('carol', 10, controlled().work).status).toBe('RUNNING');
  });

  it('answers another account’s job like an absent one, and cancels the owner’s', async () => {
    const a = controlled();
    const job = startJob('alice', 10, a.work);
    expect(code(() => jobOf('bob', job.id))).toBe('NOT_FOUND');
    expect(code(() => cancelJob('bob', job.id))).toBe('NOT_FOUND');
    expect(code(() => jobOf('alice', 'no-such-id'))).toBe('NOT_FOUND');
    cancelJob('alice', job.id);
    await job.done;
    expect(job.status).toBe('CANCELLED');
  });

  it('keeps a failure as the job’s error', async () => {
    const a = controlled();
    const job = startJob('alice', 10, a.work);
    a.fail(new Error('boom'));
    await job.done;
    expect([job.status, job.error]).toEqual(['FAILED', 'boom']);
  });
});

describe('one heavy request at a time per account', () => {
  it('refuses a second optimisation while the first runs, not another account’s', async () => {
    let release: () => void = () => {};
    const first = oneAtATime('alice', 'optimisation', () => new Promise<void>((r) => (release = r)));
    await expect(oneAtATime('alice', 'optimisation', async () => 1)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(oneAtATime('bob', 'optimisation', async () => 2)).resolves.toBe(2);
    await expect(oneAtATime('alice', 'comparison', async () => 3)).resolves.toBe(3);
    release();
    await first;
    await expect(oneAtATime('alice', 'optimisation', async () => 4)).resolves.toBe(4);
  });
});
