// Accounts can be disabled and passwords changed — by their owner (knowing the current one) and by
// an administrator of the account's subtree — each audited; disabling ends the account's
// sessions and API tokens at once, and nothing outside an administrator's subtree is reachable.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../server/auth/accounts.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { handle } from '../../server/yoga.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql } from '../helpers/graphql.ts';

const OLD = 'old-password-1';
const NEW = 'new-password-2';

const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
  const r = await handle(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return {
    response: r,
    body: (await r.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
};

async function session(username: string, password: string): Promise<string | null> {
  const { response, body } = await post(
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { username } }',
    { u: username, p: password },
    {},
  );
  if (body.errors) return null;
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const me = async (headers: Record<string, string>) =>
  ((await post('{ me { username } }', {}, headers)).body.data?.me as { username: string } | null) ?? null;

describe('managing accounts', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    await createUser(db, { username: 'carol', password: OLD, role: 'LEADER', unitCode: 'A1' }, 'test');
    await createUser(db, { username: 'dave', password: OLD, role: 'LEADER', unitCode: 'B' }, 'test');
  });

  it('lets an owner change the password, given the current one; other sessions end, this one stays', async () => {
    const here = (await session('carol', OLD))!;
    const elsewhere = (await session('carol', OLD))!;
    const change = (current: string) =>
      post(
        'mutation ($i: ChangePasswordInput!) { changePassword(input: $i) }',
        { i: { currentPassword: current, newPassword: NEW } },
        { cookie: here },
      );
    const wrong = await change('not-the-password');
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'currentPassword' });
    expect((await change(OLD)).body.data).toEqual({ changePassword: true });
    expect(await me({ cookie: here })).toEqual({ username: 'carol' });
    expect(await me({ cookie: elsewhere })).toBeNull();
    expect(await session('carol', OLD)).toBeNull();
    expect(await session('carol', NEW)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: 'user.password.change', entityCode: 'carol' } })).toBe(1);
  });

  it('lets an administrator of the subtree reset a password, ending the account’s sessions and tokens', async () => {
    const { token } = await createApiToken(db, 'carol', { actor: 'test' });
    const open = (await session('carol', NEW))!;
    const reset = (username: string, as: { viewerUnit: string }) =>
      gql(
        'mutation ($i: ResetPasswordInput!) { resetPassword(input: $i) }',
        { i: { username, newPassword: OLD } },
        {
          role: 'ADMIN',
          ...as,
        },
      );
    // dave works for B: outside A's subtree, the same answer as an unknown name.
    const outside = await reset('dave', { viewerUnit: 'A' });
    const unknown = await reset('nobody', { viewerUnit: 'A' });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(outside.errors?.[0]?.message).toBe('user "dave" does not exist or is outside your scope');
    expect(unknown.errors?.[0]?.message).toBe('user "nobody" does not exist or is outside your scope');
    expect((await reset('carol', { viewerUnit: 'A' })).data).toEqual({ resetPassword: true });
    expect(await me({ cookie: open })).toBeNull();
    expect(await me({ authorization: `Bearer ${token}` })).toBeNull();
    expect(await session('carol', OLD)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: 'user.password.reset', actor: 'test-admin-a' } })).toBe(1);
  });

  it('disables an account at once — sessions and tokens included — and enables it again', async () => {
    const { token } = await createApiToken(db, 'carol', { actor: 'test' });
    const open = (await session('carol', OLD))!;
    expect(await me({ authorization: `Bearer ${token}` })).toEqual({ username: 'carol' });
    const disable = (username: string, viewerUnit: string) =>
      gql(
        'mutation ($i: DisableUserInput!) { disableUser(input: $i) { username disabled } }',
        { i: { username, reason: '调离' } },
        { role: 'ADMIN', viewerUnit },
      );
    expect((await disable('dave', 'A')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await disable('carol', 'A')).data).toEqual({ disableUser: { username: 'carol', disabled: true } });
    expect(await me({ authorization: `Bearer ${token}` })).toBeNull();
    expect(await me({ cookie: open })).toBeNull();
    expect(await session('carol', OLD)).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { action: 'user.disable' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actor: 'test-admin-a', entityCode: 'carol' });
    expect(JSON.parse(audit!.detail!)).toEqual({ reason: '调离' });

    const enabled = await gql(
      'mutation ($i: EnableUserInput!) { enableUser(input: $i) { username disabled } }',
      { i: { username: 'carol' } },
      { role: 'ADMIN', viewerUnit: 'A' },
    );
    expect(enabled.data).toEqual({ enableUser: { username: 'carol', disabled: false } });
    expect(await session('carol', OLD)).not.toBeNull();
    // Tokens ended by the disabling stay ended.
    expect(await me({ authorization: `Bearer ${token}` })).toBeNull();
  });

  it('keeps accounts of the whole tree from county administrators, and one’s own account from oneself', async () => {
    const county = await gql(
      'mutation ($i: DisableUserInput!) { disableUser(input: $i) { username } }',
      { i: { username: 'test-admin-all', reason: 'x' } },
      { role: 'ADMIN', viewerUnit: 'A' },
    );
    expect(county.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const self = await gql(
      'mutation ($i: DisableUserInput!) { disableUser(input: $i) { username } }',
      { i: { username: 'test-admin-all', reason: 'x' } },
      { role: 'ADMIN' },
    );
    expect(self.errors?.[0]?.message).toBe('you cannot disable your own account');
    // A leader may not manage accounts at all.
    const leader = await gql(
      'mutation ($i: EnableUserInput!) { enableUser(input: $i) { username } }',
      { i: { username: 'carol' } },
      { role: 'LEADER', viewerUnit: 'A' },
    );
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
