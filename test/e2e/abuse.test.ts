// Every attack shape of the hardening work, sent to the server as production runs it by a
// signed-in read-only account (or no account): each is refused, and /health, polled meanwhile,
// keeps answering. (The same shapes are timed by `npm run bench -- abuse`.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWhilePolling, shapes } from '../../scripts/bench-abuse.ts';
import { smallDataset, tempFile, writeDatasetFile } from '../fixtures/small.ts';
import { type RunningServer, runScript, startServer } from '../helpers/server.ts';

let server: RunningServer;
let leader = '';

beforeAll(async () => {
  const env = { DATABASE_URL: `file:${tempFile('abuse.db')}`, NODE_ENV: 'production' };
  expect(runScript('scripts/data-import.ts', [writeDatasetFile(smallDataset())], env).status).toBe(0);
  server = await startServer(env);
  const added = runScript('scripts/user-add.ts', ['reader', '--role', 'LEADER'], {
    ...env,
    input: 'reader-password-1',
  });
  expect(added.status, added.stderr).toBe(0);
  leader = runScript('scripts/token-create.ts', ['reader'], env).stdout.trim().split('\n').at(-1)!;
}, 120_000);
afterAll(() => server?.stop());

describe('every attack shape', () => {
  it('is refused while /health keeps answering', async () => {
    const outcomes: string[] = [];
    for (const shape of shapes()) {
      const {
        status,
        text,
        worstHealthMs: worst,
        healthFailures,
      } = await sendWhilePolling(server.base, shape, leader, 25);
      const code = text.startsWith('{') ? (JSON.parse(text).errors?.[0]?.extensions?.code ?? '') : '';
      // Refused with a code; nothing echoed back; /health within a bound far above its cost on
      // an idle server (a sanity bound on a shared, noisy machine, not a performance target).
      outcomes.push(
        `${shape.name}: ${status >= 400 || code ? 'refused' : 'ANSWERED'}${code ? '' : ' (no code)'}${worst < 2000 ? '' : ` /health ${worst.toFixed(0)} ms`}${healthFailures ? ` /health failed ${healthFailures}×` : ''}`,
      );
      expect(text.length).toBeLessThan(1000);
    }
    expect(outcomes).toEqual(shapes().map((s) => `${s.name}: refused`));
  }, 120_000);
});
