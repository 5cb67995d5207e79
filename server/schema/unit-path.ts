// A unit's name with the units above it, as far up as the viewer's own unit ("某县·教育局" for a
// city's officer: "示范市·某县·教育局"), for the rows of computed reports whose unit names
// repeat. Never names a unit above the viewer's scope.
import { unitPaths } from '../../analytics/metrics/horizon.ts';
import { PATH_SEPARATOR } from '../../domain/text.ts';
import type { Context } from '../context.ts';

export async function unitPathText(ctx: Context, unitCode: string): Promise<string> {
  const names = (await unitPaths(await ctx.analytics())).get(unitCode);
  if (!names) return '';
  const above = ctx.viewer.path ? ctx.viewer.path.split('.').filter(Boolean).length - 1 : 0;
  return names.slice(Math.max(0, above)).join(PATH_SEPARATOR);
}
