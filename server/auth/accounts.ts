// Accounts, sessions and API tokens. A session or token is a random secret given to the client
// once; the database keeps only its SHA-256, so a copy of the database signs nobody in. Sessions
// expire after a quiet spell and at most a week after sign-in; tokens on their expiry date; both
// can be revoked. Failed logins are throttled per account and per address.
import { createHash, randomBytes } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ROLES, type Role } from '../../domain/enums.ts';
import { domainError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/log.ts';
import type { Db } from '../db/client.ts';
import { DUMMY_HASH, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

export const AUTH = {
  /** A session unused this long ends. */
  sessionIdleMs: 12 * 3600_000,
  /** A session ends this long after sign-in, however busy. */
  sessionMaxMs: 7 * 24 * 3600_000,
  /** Default lifetime of an API token. */
  tokenDays: 90,
  /** Failed logins allowed per account, and per address, within the window. */
  failuresPerAccount: 5,
  failuresPerAddress: 30,
  failureWindowSeconds: 15 * 60,
  /** lastSeenAt is written at most this often per session (a write per request would cost more). */
  touchEveryMs: 5 * 60_000,
};

export const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;

export interface Account {
  id: number;
  username: string;
  role: Role;
  unitCode: string | null;
}

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const secret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw domainError(
      'BAD_USER_INPUT',
      `a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, got ${password.length}`,
      { field: 'password' },
    );
}

export async function createUser(
  db: Db,
  input: { username: string; password: string; role: Role; unitCode: string | null },
  actor: string,
): Promise<Account> {
  if (!USERNAME.test(input.username))
    throw domainError('BAD_USER_INPUT', 'a username has 2 to 64 letters, digits, or . _ @ -', { field: 'username' });
  if (!ROLES.includes(input.role))
    throw domainError('BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}`, { field: 'role' });
  checkNewPassword(input.password);
  if (input.unitCode !== null && !(await db.unit.findUnique({ where: { code: input.unitCode } })))
    throw domainError('BAD_USER_INPUT', `unit "${input.unitCode}" does not exist`, { field: 'unitCode' });
  if (await db.user.findUnique({ where: { username: input.username } }))
    throw domainError('CONFLICT', `user "${input.username}" already exists`, { field: 'username' });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { username: input.username, passwordHash, role: input.role, unitCode: input.unitCode, createdBy: actor },
      select: { id: true, username: true, role: true, unitCode: true },
    });
    await appendAudit(tx, {
      actor,
      action: 'user.create',
      entity: 'User',
      entityCode: user.username,
      detail: { before: null, after: { role: user.role, unitCode: user.unitCode } },
    });
    return user;
  });
}

const perAccount = new RateLimiterMemory({
  points: AUTH.failuresPerAccount,
  duration: AUTH.failureWindowSeconds,
});
const perAddress = new RateLimiterMemory({
  points: AUTH.failuresPerAddress,
  duration: AUTH.failureWindowSeconds,
});

async function throttled(username: string, address: string): Promise<number> {
  const [a, b] = await Promise.all([perAccount.get(username.toLowerCase()), perAddress.get(address)]);
  const blocked = [
    a && a.consumedPoints >= AUTH.failuresPerAccount ? a.msBeforeNext : 0,
    b && b.consumedPoints >= AUTH.failuresPerAddress ? b.msBeforeNext : 0,
  ];
  return Math.max(...blocked);
}

/** Checks a password and opens a session; returns the session's secret (for the cookie). */
export async function login(
  db: Db,
  input: { username: string; password: string },
  from: { address: string; requestId?: string | null },
): Promise<{ account: Account; secret: string; expiresAt: Date }> {
  const waitMs = await throttled(input.username, from.address);
  if (waitMs > 0)
    throw domainError('RATE_LIMITED', `too many failed sign-ins; try again in ${Math.ceil(waitMs / 1000)} s`, {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  const user =
    input.username.length <= 64 && input.password.length <= MAX_PASSWORD_LENGTH
      ? await db.user.findUnique({ where: { username: input.username } })
      : null;
  // The same work for an unknown user as for a wrong password: no timing tells which.
  const ok = await verifyPassword(input.password.slice(0, MAX_PASSWORD_LENGTH), user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    await Promise.all([
      perAccount.penalty(input.username.toLowerCase()).catch(() => {}),
      perAddress.penalty(from.address).catch(() => {}),
    ]);
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actor: `anonymous@${from.address}`,
        action: 'auth.login.failed',
        entity: 'User',
        entityCode: input.username.slice(0, 64),
        requestId: from.requestId,
      }),
    );
    throw domainError('UNAUTHENTICATED', 'wrong username or password');
  }
  await perAccount.delete(input.username.toLowerCase());
  const token = secret('rcs');
  const now = Date.now();
  const expiresAt = new Date(now + AUTH.sessionMaxMs);
  await db.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sha256(token), userId: user.id, expiresAt } });
    await appendAudit(tx, {
      actor: user.username,
      action: 'auth.login',
      entity: 'User',
      entityCode: user.username,
      detail: { address: from.address },
      requestId: from.requestId,
    });
  });
  return {
    account: { id: user.id, username: user.username, role: user.role, unitCode: user.unitCode },
    secret: token,
    expiresAt,
  };
}

export async function logout(db: Db, sessionSecret: string, actor: string, requestId?: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: sha256(sessionSecret), revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count) await appendAudit(tx, { actor, action: 'auth.logout', entity: 'User', entityCode: actor, requestId });
  });
}

/** The account behind a session secret, if the session is open; touches its last use. */
export async function accountOfSession(db: Db, sessionSecret: string): Promise<Account | null> {
  const session = await db.session.findUnique({ where: { id: sha256(sessionSecret) }, include: { user: true } });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + AUTH.sessionIdleMs <= now) return null;
  if (session.lastSeenAt.getTime() + AUTH.touchEveryMs <= now)
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  const { id, username, role, unitCode } = session.user;
  return { id, username, role, unitCode };
}

export async function createApiToken(
  db: Db,
  username: string,
  options: { name?: string | null; days?: number; actor: string },
): Promise<{ token: string; expiresAt: Date }> {
  const user = await db.user.findUnique({ where: { username } });
  if (!user || user.disabledAt) throw domainError('NOT_FOUND', `user "${username}" does not exist`);
  const days = options.days ?? AUTH.tokenDays;
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw domainError('BAD_USER_INPUT', 'a token lasts 1 to 366 days', { field: 'days' });
  const token = secret('rct');
  const expiresAt = new Date(Date.now() + days * 24 * 3600_000);
  await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: user.id, name: options.name ?? null, tokenHash: sha256(token), expiresAt },
    });
    await appendAudit(tx, {
      actor: options.actor,
      action: 'token.create',
      entity: 'ApiToken',
      entityCode: String(created.id),
      detail: { user: username, name: options.name ?? null, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt };
}

export async function revokeApiToken(db: Db, id: number, actor: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count) await appendAudit(tx, { actor, action: 'token.revoke', entity: 'ApiToken', entityCode: String(id) });
    return count > 0;
  });
}

/** The account behind an API token, if it is valid. */
export async function accountOfToken(db: Db, token: string): Promise<Account | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabledAt || row.expiresAt.getTime() <= Date.now()) return null;
  const { id, username, role, unitCode } = row.user;
  return { id, username, role, unitCode };
}
