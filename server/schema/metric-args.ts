// The arguments every metric field takes — a unit, alone or with its subtree, at a date — and
// the scope a resolver makes of them (always inside the viewer's own subtree).
import { type MetricScope, metricScope } from '../../analytics/scope.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';

export const metricArgs = builder.args((t) => ({
  unitCode: t.string({ required: true }),
  subtree: t.boolean({ defaultValue: true, description: 'With the unit’s whole subtree (default) or the unit alone.' }),
  asOf: t.field({ type: 'Date', description: 'The reference date; omitted: today.' }),
}));

export function scopeOf(ctx: Context, args: { unitCode: string; subtree?: boolean | null }): Promise<MetricScope> {
  return metricScope(ctx.viewer, args.unitCode, args.subtree !== false);
}
