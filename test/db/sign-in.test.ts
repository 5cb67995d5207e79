// Sign-in cannot be turned against its owner: failed tries slow further tries down per account
// and address (and per address), by a doubling delay — never a lockout: the right password
// still signs in. The counts live in the database (they survive a restart and every server shares
// them). Usernames are one account in any case.
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH, createUser } from '../../server/auth/accounts.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { handle } from '../../server/yoga.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';

const PASSWORD = 'alice-password-1';

/** A sign-in from an address, as the HTTP server passes the socket's address. */
async function signIn(username: string, password: string, address: string) {
  const started = performance.now();
  const r = await handle(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { username } }',
        variables: { u: username, p: password },
      }),
    }),
    { address },
  );
  const body = (await r.json()) as {
    data?: { login: { username: string } };
    errors?: { extensions: { code: string } }[];
  };
  return { ms: performance.now() - started, user: body.data?.login.username, code: body.errors?.[0]?.extensions.code };
}

describe('signing in', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    await createUser(db, { username: 'Alice', password: PASSWORD, role: 'LEADER', unitCode: 'A' }, 'test');
  });

  it('treats Alice and alice as one account', async () => {
    expect(
      (await db.user.findMany({ where: { username: { in: ['Alice', 'alice'] } } })).map((u) => u.username),
    ).toEqual(['alice']);
    await expect(
      createUser(db, { username: 'ALICE', password: PASSWORD, role: 'LEADER', unitCode: 'A' }, 'test'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await signIn('ALICE', PASSWORD, '10.0.0.1')).toMatchObject({ user: 'alice' });
  });

  it('lets the owner in at once while someone elsewhere fails on the account', async () => {
    for (let i = 0; i < AUTH.failuresPerAccount + 2; i++)
      expect((await signIn('alice', 'wrong-password', '10.0.0.66')).code).toBe('UNAUTHENTICATED');
    // Counted in the database, by account and address and by address.
    const rows = await db.loginFailure.findMany({ where: { key: { in: ['a:alice|10.0.0.66', 'ip:10.0.0.66'] } } });
    expect(rows.map((r) => [r.key, r.failures]).sort()).toEqual([
      ['a:alice|10.0.0.66', 7],
      ['ip:10.0.0.66', 7],
    ]);
    // The owner, from another address: no wait, signed in.
    const owner = await signIn('alice', PASSWORD, '10.0.0.7');
    expect(owner).toMatchObject({ user: 'alice' });
    expect(owner.ms).toBeLessThan(AUTH.firstDelayMs);
  });

  it('slows tries from the failing address down without locking the right password out', async () => {
    // 7 failures from 10.0.0.66: the next try there waits 1 s × 2^(7 − 5) = 4 s before its
    // password is checked; meanwhile a second try from there is refused at once.
    const [slow, refused] = await Promise.all([
      signIn('alice', PASSWORD, '10.0.0.66'),
      new Promise((r) => setTimeout(r, 200)).then(() => signIn('alice', 'another-guess', '10.0.0.66')),
    ]);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.ms).toBeLessThan(AUTH.firstDelayMs);
    // The right password, after the wait: signed in, and this account's count there forgotten.
    expect(slow).toMatchObject({ user: 'alice' });
    expect(slow.ms).toBeGreaterThanOrEqual(4 * AUTH.firstDelayMs - 50);
    expect(await db.loginFailure.findUnique({ where: { key: 'a:alice|10.0.0.66' } })).toBeNull();
  });
});
