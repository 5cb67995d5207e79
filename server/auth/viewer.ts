// Who is asking, and which part of the tree they may see. Every query and aggregate is bounded
// by the viewer's unit subtree. Until login exists, the deployment's scope is VIEWER_UNIT (a unit
// code; default: the whole tree), and a request may narrow it, never widen it, with the
// `X-Viewer-Unit` header. See docs/decisions/004-access-scope.md.

import { domainError } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';

export interface Viewer {
  /** The unit whose subtree bounds what the viewer sees; null: the whole tree. */
  unitCode: string | null;
  /** Path prefix of that subtree ("1.5."); "" for the whole tree. */
  path: string;
  /** Name for the audit log. */
  actor: string;
}

export const WHOLE_TREE: Viewer = { unitCode: null, path: '', actor: 'demo' };

export async function resolveViewer(db: Db, request: Request | null): Promise<Viewer> {
  let viewer = WHOLE_TREE;
  const configured = process.env.VIEWER_UNIT;
  if (configured) viewer = await viewerOf(db, configured, viewer);
  const narrowed = request?.headers.get('x-viewer-unit');
  if (narrowed) viewer = await viewerOf(db, narrowed, viewer);
  return viewer;
}

async function viewerOf(db: Db, code: string, within: Viewer): Promise<Viewer> {
  const unit = await db.unit.findUnique({ where: { code }, select: { code: true, path: true } });
  if (!unit) throw domainError('FORBIDDEN', `viewer unit "${code}" does not exist`);
  if (!unit.path.startsWith(within.path)) {
    throw domainError('FORBIDDEN', `unit "${code}" is outside your scope (${within.unitCode ?? 'whole tree'})`);
  }
  return { unitCode: unit.code, path: unit.path, actor: `viewer:${unit.code}` };
}

export function canSee(viewer: Viewer, unitPath: string): boolean {
  return unitPath.startsWith(viewer.path);
}

/** Prisma filter: units in the viewer's subtree (empty when the viewer sees everything). */
export function unitScope(viewer: Viewer): { AND?: { path: { startsWith: string } }[] } {
  return viewer.path ? { AND: [{ path: { startsWith: viewer.path } }] } : {};
}

/** Prisma filter for records that belong to a unit (positions, people, reserve entries). */
export function ownedByScope(viewer: Viewer): { AND?: { unit: { path: { startsWith: string } } }[] } {
  return viewer.path ? { AND: [{ unit: { path: { startsWith: viewer.path } } }] } : {};
}

/** The unit named by `unitCode`, checked against the viewer's scope. */
export async function scopedUnit(db: Db, code: string, viewer: Viewer) {
  const unit = await db.unit.findUnique({ where: { code } });
  if (!unit) throw domainError('NOT_FOUND', `unit "${code}" does not exist`);
  if (!canSee(viewer, unit.path)) {
    throw domainError('FORBIDDEN', `unit "${code}" is outside your scope (${viewer.unitCode ?? 'whole tree'})`);
  }
  return unit;
}

/** Prisma filter for records of a unit, or of its subtree, within the viewer's scope. */
export async function unitFilter(db: Db, code: string | null | undefined, subtree: boolean, viewer: Viewer) {
  if (!code) return ownedByScope(viewer);
  const unit = await scopedUnit(db, code, viewer);
  return subtree ? { unit: { path: { startsWith: unit.path } } } : { unitCode: unit.code };
}
