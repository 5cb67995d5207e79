// Saved planning scenarios: named parameter sets with their author and the policy versions in
// force when saved. A scenario belongs to its unit: visible to accounts whose subtree holds that
// unit. Editing keeps the before and after in the audit log; archiving hides, never deletes.

import { refusal } from '../../domain/errors.ts';
import { PLANNING_MODEL } from '../../domain/stock-flow.ts';
import { appendAudit } from '../audit/log.ts';
import { canSee, scopedUnit, type Viewer } from '../auth/viewer.ts';
import type { Db } from '../db/client.ts';
import type { PlanningScenario } from '../db/generated/sqlite/client.ts';
import { readPoliciesAt } from '../policy/store.ts';
import { type SimulationParams, simulationParams, storedParams } from './params.ts';

export type ScenarioRow = PlanningScenario & { author: { username: string } };

export const MAX_SCENARIOS_LISTED = 500;

export function paramsOf(row: PlanningScenario): SimulationParams {
  return simulationParams.parse(JSON.parse(row.params));
}

/** A scenario the viewer may see; absent, archived-and-hidden or out of scope: NOT_FOUND alike. */
export async function scenarioFor(db: Db, viewer: Viewer, id: number): Promise<ScenarioRow> {
  const row = await db.planningScenario.findUnique({
    where: { id },
    include: { author: { select: { username: true } } },
  });
  const unit = row ? await db.unit.findUnique({ where: { code: row.unitCode }, select: { path: true } }) : null;
  if (!row || !unit || !canSee(viewer, unit.path)) throw refusal('NOT_FOUND', 'planning.scenarioNotFound', { id });
  return row;
}

export async function listScenarios(
  db: Db,
  viewer: Viewer,
  options: { unitCode?: string | null; includeArchived: boolean },
): Promise<ScenarioRow[]> {
  if (options.unitCode) await scopedUnit(db, options.unitCode, viewer);
  const rows = await db.planningScenario.findMany({
    where: {
      ...(options.unitCode ? { unitCode: options.unitCode } : {}),
      ...(options.includeArchived ? {} : { archivedAt: null }),
    },
    include: { author: { select: { username: true } } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: MAX_SCENARIOS_LISTED,
  });
  const paths = new Map(
    (
      await db.unit.findMany({
        where: { code: { in: [...new Set(rows.map((r) => r.unitCode))] } },
        select: { code: true, path: true },
      })
    ).map((u) => [u.code, u.path]),
  );
  return rows.filter((r) => {
    const path = paths.get(r.unitCode);
    return path !== undefined && canSee(viewer, path);
  });
}

export interface SaveScenario {
  id?: number | null;
  name: string;
  description?: string | null;
  params: SimulationParams;
}

/** Creates or updates a scenario (the unit must be in the viewer's scope), audited. */
export async function saveScenario(
  db: Db,
  viewer: Viewer & { userId: number },
  input: SaveScenario,
  meta: { requestId: string; asOf: string },
): Promise<ScenarioRow> {
  await scopedUnit(db, input.params.unitCode, viewer);
  const before = input.id ? await scenarioFor(db, viewer, input.id) : null;
  if (before?.archivedAt) throw refusal('CONFLICT', 'planning.scenarioArchived', { id: input.id });
  const policies = await readPoliciesAt(db, meta.asOf);
  const data = {
    name: input.name,
    unitCode: input.params.unitCode,
    params: storedParams(input.params),
    policyVersions: JSON.stringify(policies.versions),
    // Saved (or saved again) under the current planning model.
    model: PLANNING_MODEL,
  };
  return db.$transaction(async (tx) => {
    const row = before
      ? await tx.planningScenario.update({
          where: { id: before.id },
          data,
          include: { author: { select: { username: true } } },
        })
      : await tx.planningScenario.create({
          data: { ...data, authorId: viewer.userId },
          include: { author: { select: { username: true } } },
        });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: before ? 'scenario.update' : 'scenario.create',
      entity: 'PlanningScenario',
      entityCode: String(row.id),
      detail: {
        before: before ? { name: before.name, params: JSON.parse(before.params) } : null,
        after: { name: row.name, params: JSON.parse(row.params) },
      },
      requestId: meta.requestId,
    });
    return row;
  });
}

export async function archiveScenario(db: Db, viewer: Viewer, id: number, requestId: string): Promise<ScenarioRow> {
  const before = await scenarioFor(db, viewer, id);
  if (before.archivedAt) return before;
  return db.$transaction(async (tx) => {
    const row = await tx.planningScenario.update({
      where: { id },
      data: { archivedAt: new Date() },
      include: { author: { select: { username: true } } },
    });
    await appendAudit(tx, {
      actor: viewer.actor,
      action: 'scenario.archive',
      entity: 'PlanningScenario',
      entityCode: String(id),
      detail: { before: { archivedAt: null }, after: { archivedAt: row.archivedAt } },
      requestId,
    });
    return row;
  });
}
