// Who is asking, and which part of the tree they may see. A request signs in with a session
// cookie (from `login`) or an API token (`Authorization: Bearer …`); the account's role says what
// it may do and its unit bounds what it sees — every query and aggregate stays inside that
// subtree (docs/decisions/013-accounts-roles-audit.md). Without credentials the viewer is NOBODY,
// who sees nothing and may do nothing but sign in.
import type { Role } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';
import { type Account, accountOfSession, accountOfToken } from './accounts.ts';

export interface Viewer {
  /** The account; null when nobody is signed in. */
  userId: number | null;
  role: Role | null;
  /** The unit whose subtree bounds what the viewer sees; null: the whole tree. */
  unitCode: string | null;
  /** Path prefix of that subtree ("1.5."); "" for the whole tree; NO_UNIT when nothing. */
  path: string;
  /** Name for the audit log. */
  actor: string;
}

/** A path no unit has: the scope of a viewer who may see nothing. */
const NO_UNIT = '\u0000';

export const NOBODY: Viewer = { userId: null, role: null, unitCode: null, path: NO_UNIT, actor: 'anonymous' };

/** The commands' and the demo loader's viewer: the whole tree, as the system. */
export const WHOLE_TREE: Viewer = { userId: null, role: 'ADMIN', unitCode: null, path: '', actor: 'system' };

export const SESSION_COOKIE = 'rc_session';

/** The secrets a request carries: a session cookie and/or a bearer token. */
export function credentialsOf(request: Request): { session: string | null; token: string | null } {
  const auth = request.headers.get('authorization') ?? '';
  const token = /^Bearer\s+(\S{1,200})$/i.exec(auth)?.[1] ?? null;
  let session: string | null = null;
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) session = value.join('=').slice(0, 200) || null;
  }
  return { session, token };
}

/**
 * The unit at the top of what an account sees, where the dashboard opens: its own unit, or the
 * tree's first root for a whole-tree account (null: no units yet).
 */
export async function scopeRootOf(db: Db, unitCode: string | null): Promise<string | null> {
  if (unitCode !== null) return unitCode;
  const root = await db.unit.findFirst({ where: { parentCode: null }, orderBy: { id: 'asc' }, select: { code: true } });
  return root?.code ?? null;
}

/** The viewer of an account: its unit's subtree (a unit since removed: nothing). */
export async function viewerOf(db: Db, account: Account): Promise<Viewer> {
  let path = '';
  if (account.unitCode !== null) {
    const unit = await db.unit.findUnique({ where: { code: account.unitCode }, select: { path: true } });
    path = unit?.path ?? NO_UNIT;
  }
  return { userId: account.id, role: account.role, unitCode: account.unitCode, path, actor: account.username };
}

export interface Signed {
  viewer: Viewer;
  /** How the request signed in. */
  via: 'session' | 'token' | null;
  /** The session secret, for logout. */
  session: string | null;
}

export async function resolveViewer(db: Db, request: Request): Promise<Signed> {
  const { session, token } = credentialsOf(request);
  if (token) {
    const account = await accountOfToken(db, token);
    if (account) return { viewer: await viewerOf(db, account), via: 'token', session: null };
  }
  if (session) {
    const account = await accountOfSession(db, session);
    if (account) return { viewer: await viewerOf(db, account), via: 'session', session };
  }
  return { viewer: NOBODY, via: null, session: null };
}

export interface PathRange {
  gte: string;
  lt: string;
}

/**
 * The paths under a prefix as a range ("1.5." ≤ path < "1.5/"), which the path index answers;
 * a prefix LIKE does not use it on SQLite. Paths are digits and dots, and "/" follows ".".
 */
export function under(prefix: string): PathRange {
  return { gte: prefix, lt: `${prefix.slice(0, -1)}/` };
}

export function canSee(viewer: Viewer, unitPath: string): boolean {
  return unitPath.startsWith(viewer.path);
}

/** Prisma filter: units in the viewer's subtree (empty when the viewer sees everything). */
export function unitScope(viewer: Viewer): { AND?: { path: PathRange }[] } {
  return viewer.path ? { AND: [{ path: under(viewer.path) }] } : {};
}

/** Prisma filter for records that belong to a unit (positions, people, reserve entries). */
export function ownedByScope(viewer: Viewer): { AND?: { unit: { path: PathRange } }[] } {
  return viewer.path ? { AND: [{ unit: { path: under(viewer.path) } }] } : {};
}

/** The unit named by `unitCode`, checked against the viewer's scope. */
export async function scopedUnit(db: Db, code: string, viewer: Viewer) {
  const unit = await db.unit.findUnique({ where: { code } });
  // Absent and out of scope get the same answer: the answer must not tell whether a unit exists.
  if (!unit || !canSee(viewer, unit.path)) throw refusal('NOT_FOUND', 'auth.unitNotFound', { unit: code });
  return unit;
}

/** Prisma filter for records of a unit, or of its subtree, within the viewer's scope. */
export async function unitFilter(db: Db, code: string | null | undefined, subtree: boolean, viewer: Viewer) {
  if (!code) return viewer.path === '' || (await isOnlyRoot(db, viewer.path)) ? {} : ownedByScope(viewer);
  const unit = await scopedUnit(db, code, viewer);
  if (!subtree) return { unitCode: unit.code };
  // The subtree of the only root is every record: no join with units (a page of the whole
  // organization is then an index scan, at any size).
  return (await isOnlyRoot(db, unit.path)) ? {} : { unit: { path: under(unit.path) } };
}

/** Whether the unit at this path is the root of the only tree (its subtree is everything). */
async function isOnlyRoot(db: Db, path: string): Promise<boolean> {
  if (!/^\d+\.$/.test(path)) return false;
  return (await db.unit.count({ where: { parentCode: null } })) === 1;
}
