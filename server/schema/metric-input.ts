// The one step every metric field takes before computing: the arguments every metric takes (a
// unit, alone or with its subtree, at a date), made into the metric input — the analytical copy
// caught up with the last committed change, the scope checked against the viewer's subtree, and
// the policies in force at the date (read once per request).
import { z } from 'zod';
import type { MetricInput } from '../../analytics/metric.ts';
import { subtreeScope, unitOnlyScope, unitsScope } from '../../analytics/scope.ts';
import { todayIso } from '../../domain/dates.ts';
import { scopedUnit } from '../auth/viewer.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { db } from '../db/client.ts';

export const metricArgs = builder.args((t) => ({
  unitCode: t.string({ required: true, validate: z.string().max(64) }),
  subtree: t.boolean({ defaultValue: true, description: 'With the unit’s whole subtree (default) or the unit alone.' }),
  asOf: t.field({ type: 'Date', description: 'The reference date; omitted: today.' }),
}));

/** Bounds for list sizes asked of a report (one definition for every metric field). */
export const pageSize = z.number().int().min(0, 'must be at least 0').max(1000, 'must be at most 1000');
export const pageOffset = z.number().int().min(0, 'must be at least 0').max(10_000_000, 'is too large');

/**
 * Whether the figures at `asOf` are kept per unit beside the copy and patched after each change
 * (analytics/kept.ts, docs/decisions/049): today's are; another date's are computed for its scope.
 */
export function keptOn(asOf: string): boolean {
  return asOf === todayIso();
}

/** The metric input for a unit (alone or with its subtree) at a date, within the viewer's scope. */
export async function metricInput(
  ctx: Pick<Context, 'analytics' | 'viewer' | 'policiesAt'>,
  args: { unitCode: string; subtree?: boolean | null; asOf?: string | null },
  defaultAsOf: () => string = todayIso,
): Promise<MetricInput> {
  const asOf = args.asOf ?? defaultAsOf();
  const [copy, unit, policies] = await Promise.all([
    ctx.analytics(),
    scopedUnit(db, args.unitCode, ctx.viewer),
    ctx.policiesAt(asOf),
  ]);
  const scope = args.subtree === false ? unitOnlyScope(unit) : subtreeScope(unit);
  return { copy, scope, asOf, policies };
}

/** The metric input for a batch of units, each alone (per-unit fields); the caller checked each unit. */
export async function batchInput(ctx: Context, codes: readonly string[], asOf: string): Promise<MetricInput> {
  const [copy, policies] = await Promise.all([ctx.analytics(), ctx.policiesAt(asOf)]);
  return { copy, scope: unitsScope(codes), asOf, policies };
}
