// Accounts, sessions and API tokens. A session or token is a random secret given to the client
// once; the database keeps only its SHA-256, so a copy of the database signs nobody in. Sessions
// expire after a quiet spell and at most a week after sign-in; tokens on their expiry date; both
// can be revoked. Failed sign-ins slow further tries down — per account and address, and per
// address — without ever locking the right password out (docs/decisions/026).
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROLES, type Role } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import { enumParam, listParam } from '../../domain/messages.ts';
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
  /**
   * Failed sign-ins for one account from one address, and from one address for any account,
   * before each further try waits; the wait doubles with every further failure up to
   * `maxDelayMs`. Failures older than the window are forgotten.
   */
  failuresPerAccount: 5,
  failuresPerAddress: 30,
  failureWindowSeconds: 15 * 60,
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
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
    throw refusal(
      'BAD_USER_INPUT',
      'account.passwordLength',
      { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH, length: password.length },
      { field: 'password' },
    );
}

export async function createUser(
  db: Db,
  input: { username: string; password: string; role: Role; unitCode: string | null },
  actor: string,
): Promise<Account> {
  if (!USERNAME.test(input.username))
    throw refusal('BAD_USER_INPUT', 'account.usernameFormat', {}, { field: 'username' });
  input = { ...input, username: normalUsername(input.username) };
  if (!ROLES.includes(input.role))
    throw refusal(
      'BAD_USER_INPUT',
      'account.roleUnknown',
      { roles: listParam(ROLES.map((r) => enumParam('Role', r))) },
      { field: 'role' },
    );
  checkNewPassword(input.password);
  if (input.unitCode !== null && !(await db.unit.findUnique({ where: { code: input.unitCode } })))
    throw refusal('BAD_USER_INPUT', 'account.unitUnknown', { unit: input.unitCode }, { field: 'unitCode' });
  if (await findAccount(db, input.username))
    throw refusal('CONFLICT', 'account.userExists', { user: input.username }, { field: 'username' });
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

/** Usernames are compared without case: `Admin` and `admin` are one account, stored as `admin`. */
export const normalUsername = (username: string) => username.toLowerCase();

/** The account of a username in any case (an account made before names were normalised keeps its spelling). */
async function findAccount(db: Db, username: string) {
  const normal = normalUsername(username);
  return (
    (await db.user.findUnique({ where: { username: normal } })) ??
    (normal === username ? null : await db.user.findUnique({ where: { username } }))
  );
}

const accountKey = (username: string, address: string) => `a:${normalUsername(username).slice(0, 64)}|${address}`;
const addressKey = (address: string) => `ip:${address}`;

/** The wait a try must make before its password is checked: 0 below the thresholds. */
function delayFor(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(AUTH.firstDelayMs * 2 ** (failures - threshold), AUTH.maxDelayMs);
}

async function failuresOf(db: Db, key: string): Promise<number> {
  const row = await db.loginFailure.findUnique({ where: { key } });
  if (!row || row.lastAt.getTime() + AUTH.failureWindowSeconds * 1000 <= Date.now()) return 0;
  return row.failures;
}

/**
 * Counts one more failure for a key whose count this sign-in already read (`current`: 0 when
 * absent or forgotten): added in the database, so that failures counted meanwhile elsewhere are
 * kept; a forgotten count starts again at 1.
 */
async function countFailure(db: Db, key: string, current: number): Promise<void> {
  const now = new Date();
  await db.loginFailure.upsert({
    where: { key },
    create: { key, failures: 1, lastAt: now },
    update: current === 0 ? { failures: 1, lastAt: now } : { failures: { increment: 1 }, lastAt: now },
  });
}

/** Tries waiting in this process, by key: one at a time may wait; the others are refused at once. */
const waiting = new Set<string>();

/** Checks a password and opens a session; returns the session's secret (for the cookie). */
export async function login(
  db: Db,
  input: { username: string; password: string },
  from: { address: string; requestId?: string | null },
): Promise<{ account: Account; secret: string; expiresAt: Date }> {
  const keys = [accountKey(input.username, from.address), addressKey(from.address)];
  const counts = await Promise.all(keys.map((k) => failuresOf(db, k)));
  const [forAccount, forAddress] = counts;
  const waitMs = Math.max(
    delayFor(forAccount!, AUTH.failuresPerAccount),
    delayFor(forAddress!, AUTH.failuresPerAddress),
  );
  if (waitMs > 0) {
    // After repeated failures a try waits before its password is checked — a delay, not a
    // lockout: the right password still signs in. One try per account and address waits at a
    // time (and one per address); the others are refused at once, so waiting cannot be used to
    // try many passwords in parallel.
    if (keys.some((k) => waiting.has(k)))
      throw refusal(
        'RATE_LIMITED',
        'auth.throttled',
        { seconds: Math.ceil(waitMs / 1000) },
        { retryAfterSeconds: Math.ceil(waitMs / 1000) },
      );
    for (const k of keys) waiting.add(k);
    try {
      await sleep(waitMs);
    } finally {
      for (const k of keys) waiting.delete(k);
    }
  }
  const user =
    input.username.length <= 64 && input.password.length <= MAX_PASSWORD_LENGTH
      ? await findAccount(db, input.username)
      : null;
  // The same work for an unknown user as for a wrong password: no timing tells which.
  const ok = await verifyPassword(input.password.slice(0, MAX_PASSWORD_LENGTH), user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    for (const [i, k] of keys.entries()) await countFailure(db, k, counts[i]!);
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actor: `anonymous@${from.address}`,
        action: 'auth.login.failed',
        entity: 'User',
        entityCode: input.username.slice(0, 64),
        requestId: from.requestId,
      }),
    );
    throw refusal('UNAUTHENTICATED', 'auth.wrongPassword');
  }
  // The right password: this account's failures from this address are forgotten.
  await db.loginFailure.deleteMany({ where: { key: keys[0]! } });
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
  const user = await findAccount(db, username);
  if (!user || user.disabledAt) throw refusal('NOT_FOUND', 'account.userUnknown', { user: username });
  const days = options.days ?? AUTH.tokenDays;
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw refusal('BAD_USER_INPUT', 'account.tokenDays', {}, { field: 'days' });
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

/** Ends an account's sessions (but `keepSession`) and, if asked, its API tokens. */
async function endAccess(
  tx: Pick<Db, 'session' | 'apiToken'>,
  userId: number,
  options: { keepSession?: string | null; tokens: boolean },
): Promise<void> {
  const now = new Date();
  await tx.session.updateMany({
    where: {
      userId,
      revokedAt: null,
      ...(options.keepSession ? { id: { not: sha256(options.keepSession) } } : {}),
    },
    data: { revokedAt: now },
  });
  if (options.tokens) await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Changes one's own password, given the current one. The account's other sessions end (a
 * session opened with the old password elsewhere does not outlive it); its API tokens stay.
 */
export async function changeOwnPassword(
  db: Db,
  userId: number,
  input: { currentPassword: string; newPassword: string },
  from: { session: string | null; requestId?: string | null },
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(input.currentPassword.slice(0, MAX_PASSWORD_LENGTH), user.passwordHash)))
    throw refusal('UNAUTHENTICATED', 'account.currentPasswordWrong', {}, { field: 'currentPassword' });
  checkNewPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endAccess(tx, userId, { keepSession: from.session, tokens: false });
    await appendAudit(tx, {
      actor: user.username,
      action: 'user.password.change',
      entity: 'User',
      entityCode: user.username,
      requestId: from.requestId,
    });
  });
}

/**
 * An administrator sets another account's password (a reset): every session and API token of
 * the account ends, as the account may have been someone else's meanwhile.
 */
export async function resetPassword(
  db: Db,
  user: { id: number; username: string },
  newPassword: string,
  actor: string,
  requestId?: string | null,
): Promise<void> {
  checkNewPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endAccess(tx, user.id, { tokens: true });
    await appendAudit(tx, {
      actor,
      action: 'user.password.reset',
      entity: 'User',
      entityCode: user.username,
      requestId,
    });
  });
}

/** Disables an account (its sessions and API tokens end with it) or enables it again. */
export async function setAccountDisabled(
  db: Db,
  user: { id: number; username: string },
  disabled: { reason: string } | null,
  actor: string,
  requestId?: string | null,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await endAccess(tx, user.id, { tokens: true });
    await appendAudit(tx, {
      actor,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'User',
      entityCode: user.username,
      detail: disabled ? { reason: disabled.reason } : null,
      requestId,
    });
  });
}

/**
 * The account an administrator may manage by name: an account of a unit inside the
 * administrator's subtree, or of the whole tree for an administrator of the whole tree. Any
 * other — or none — is the same NOT_FOUND.
 */
export async function managedAccount(db: Db, viewer: { path: string }, username: string) {
  const user = await findAccount(db, username);
  let path: string | null = user ? '' : null;
  if (user?.unitCode) path = (await db.unit.findUnique({ where: { code: user.unitCode } }))?.path ?? null;
  const inside = user && path !== null && (user.unitCode === null ? viewer.path === '' : path.startsWith(viewer.path));
  if (!user || !inside) throw refusal('NOT_FOUND', 'account.userNotFound', { user: username });
  return user;
}
