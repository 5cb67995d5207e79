// The per-request context: the viewer, and request-scoped caches created fresh each time.
import DataLoader from 'dataloader';
import type { Viewer } from './auth/viewer.ts';
import { db } from './db/client.ts';
import type { Position, PositionKind, Unit } from './db/generated/sqlite/client.ts';

export interface Context {
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders() {
  return {
    /** Units by id, for ancestors read off a unit's path. */
    unitById: new DataLoader<number, Unit | null>(async (ids) => {
      const rows = await db.unit.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The positions an entry is reserved for: its unit's positions of its kind. */
    positionsByUnitKind: new DataLoader<string, Position[]>(async (keys) => {
      const unitCodes = [...new Set(keys.map((k) => k.slice(k.indexOf('|') + 1)))];
      const rows = await db.position.findMany({ where: { unitCode: { in: unitCodes } }, orderBy: { id: 'asc' } });
      return keys.map((k) => {
        const [kind, unitCode] = [k.slice(0, k.indexOf('|')) as PositionKind, k.slice(k.indexOf('|') + 1)];
        return rows.filter((p) => p.unitCode === unitCode && p.kind === kind);
      });
    }),
  };
}

export function createContext(viewer: Viewer): Context {
  return { viewer, loaders: createLoaders() };
}
