// The per-request context: the viewer, and request-scoped caches created fresh each time.
import DataLoader from 'dataloader';
import type { AnalyticsCopy } from '../analytics/copy.ts';
import type { PoliciesAt } from '../domain/policy/effective.ts';
import { caughtUpAnalytics } from './analytics.ts';
import type { Signed, Viewer } from './auth/viewer.ts';
import { db } from './db/client.ts';
import type { Position, PositionKind, Prisma, Unit } from './db/generated/sqlite/client.ts';
import { readPoliciesAt } from './policy/store.ts';

export interface Context {
  viewer: Viewer;
  /** The HTTP request (yoga's own context field; absent when a schema is run directly). */
  request?: Request;
  /** How the request signed in, and the session secret (for logout). */
  via: Signed['via'];
  session: string | null;
  /** Names the request in the audit log and in the response's x-request-id header. */
  requestId: string;
  /** The client's address (login throttling, the audit log). */
  address: string;
  /** Adds a Set-Cookie header to the response. */
  setCookie(cookie: string): void;
  loaders: ReturnType<typeof createLoaders>;
  /** The analytical copy, caught up once per request with every change committed before it. */
  analytics(): Promise<AnalyticsCopy>;
  /** Every unit kind's policy at a date, read once per request and date. */
  policiesAt(asOf: string): Promise<PoliciesAt>;
}

/** The path of a unit that does not exist: inside nobody's scope. */
const NO_PATH = '\u0000';

// Resolvers of one list run across several ticks (the Prisma plugin awaits between levels), so
// a loader waits for the macrotask queue: one batch per list, not one per tick.
// A batch is at most BATCH_KEYS keys: its statement binds that many values however long the
// list (SQLite refuses more than 32 766, PostgreSQL more than 65 535, and Prisma cannot split an
// ordered query); a longer list is several batches.
export const BATCH_KEYS = 500;
const batchOptions = { batchScheduleFn: (run: () => void) => setTimeout(run, 0), maxBatchSize: BATCH_KEYS };

export function createLoaders() {
  const byName = new Map<string, DataLoader<string, unknown>>();
  return {
    /**
     * A loader by name, made on first use in this request: `load` answers a batch of string
     * keys with a map; keys it leaves out get `missing`. For fields batched outside Prisma
     * (per-unit analytics).
     */
    named<V>(
      name: string,
      load: (keys: readonly string[]) => Promise<Map<string, V>>,
      missing: V,
    ): DataLoader<string, V> {
      let loader = byName.get(name) as DataLoader<string, V> | undefined;
      if (!loader) {
        loader = new DataLoader<string, V>(async (keys) => {
          const found = await load(keys);
          return keys.map((k) => (found.has(k) ? (found.get(k) as V) : missing));
        }, batchOptions);
        byName.set(name, loader as DataLoader<string, unknown>);
      }
      return loader;
    },
    /** A unit's tree path by its code (the type-level scope checks of posts and entries). */
    unitPath: new DataLoader<string, string>(async (codes) => {
      const rows = await db.unit.findMany({
        where: { code: { in: [...codes] } },
        select: { code: true, path: true },
      });
      const byCode = new Map(rows.map((u) => [u.code, u.path]));
      return codes.map((c) => byCode.get(c) ?? NO_PATH);
    }, batchOptions),
    /**
     * The paths of the units a person belongs to: works in, is reserved for, holds or held a post
     * in, or is announced for a post in.
     */
    personUnitPaths: new DataLoader<string, string[]>(async (codes) => {
      const keys = [...codes];
      const [people, entries, posts, held, announced] = await Promise.all([
        db.person.findMany({
          where: { code: { in: keys } },
          select: { code: true, unit: { select: { path: true } } },
        }),
        db.reserveEntry.findMany({
          where: { personCode: { in: keys } },
          select: { personCode: true, unit: { select: { path: true } } },
        }),
        db.position.findMany({
          where: { incumbentId: { in: keys } },
          select: { incumbentId: true, unit: { select: { path: true } } },
        }),
        // A post the person held, or was announced for: its unit's appointments list them.
        db.incumbency.findMany({
          where: { personCode: { in: keys } },
          select: { personCode: true, position: { select: { unit: { select: { path: true } } } } },
        }),
        db.appointmentNotice.findMany({
          where: { personCode: { in: keys } },
          select: { personCode: true, position: { select: { unit: { select: { path: true } } } } },
        }),
      ]);
      const paths = new Map<string, string[]>(keys.map((k) => [k, []]));
      for (const p of people) paths.get(p.code)?.push(p.unit.path);
      for (const e of entries) paths.get(e.personCode)?.push(e.unit.path);
      for (const x of posts) if (x.incumbentId) paths.get(x.incumbentId)?.push(x.unit.path);
      for (const x of [...held, ...announced]) paths.get(x.personCode)?.push(x.position.unit.path);
      return keys.map((k) => paths.get(k) ?? []);
    }, batchOptions),
    /** The path of the unit an entry is reserved for, by the entry's code. */
    entryUnitPath: new DataLoader<string, string>(async (codes) => {
      const rows = await db.reserveEntry.findMany({
        where: { code: { in: [...codes] } },
        select: { code: true, unit: { select: { path: true } } },
      });
      const byCode = new Map(rows.map((r) => [r.code, r.unit.path]));
      return codes.map((c) => byCode.get(c) ?? NO_PATH);
    }, batchOptions),
    /** Units by id, for ancestors read off a unit's path. */
    unitById: new DataLoader<number, Unit | null>(async (ids) => {
      const rows = await db.unit.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }, batchOptions),
    /**
     * The positions an entry is reserved for: its unit's positions of its kind, keyed
     * "KIND|unitCode". One loader per Prisma query shape, so the nested selection the Pothos
     * plugin asks for (`query`) is loaded in the same statement.
     */
    positionsByUnitKind: keyedLoaders(
      (query: PositionQuery) =>
        new DataLoader<string, Position[]>(async (keys) => {
          const unitCodes = [...new Set(keys.map((k) => k.slice(k.indexOf('|') + 1)))];
          const shape =
            'select' in query && query.select ? { select: { ...query.select, unitCode: true, kind: true } } : query;
          const rows = (await db.position.findMany({
            ...shape,
            where: { unitCode: { in: unitCodes } },
            orderBy: { id: 'asc' },
          })) as Position[];
          return keys.map((k) => {
            const [kind, unitCode] = [k.slice(0, k.indexOf('|')) as PositionKind, k.slice(k.indexOf('|') + 1)];
            return rows.filter((p) => p.unitCode === unitCode && p.kind === kind);
          });
        }, batchOptions),
    ),
  };
}

type PositionQuery = { include?: Prisma.PositionInclude; select?: Prisma.PositionSelect };

/** One loader per distinct argument (a Prisma query shape), made on first use. */
function keyedLoaders<A, L>(make: (arg: A) => L): (arg: A) => L {
  const loaders = new Map<string, L>();
  return (arg) => {
    const key = JSON.stringify(arg);
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(arg);
      loaders.set(key, loader);
    }
    return loader;
  };
}

export interface RequestInfo {
  signed: Signed;
  requestId: string;
  address: string;
  setCookie(cookie: string): void;
}

export function createContext(request: RequestInfo): Context {
  const { viewer, via, session } = request.signed;
  let copy: Promise<AnalyticsCopy> | undefined;
  const policies = new Map<string, Promise<PoliciesAt>>();
  return {
    viewer,
    via,
    session,
    requestId: request.requestId,
    address: request.address,
    setCookie: request.setCookie,
    loaders: createLoaders(),
    analytics: () => {
      copy ??= caughtUpAnalytics();
      return copy;
    },
    policiesAt: (asOf) => {
      let p = policies.get(asOf);
      if (!p) {
        p = readPoliciesAt(db, asOf);
        policies.set(asOf, p);
      }
      return p;
    },
  };
}
