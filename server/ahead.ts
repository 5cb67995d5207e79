// The first screen computed ahead (docs/decisions/048): once the analytical copy has moved to a
// new data version — a change made through this server, by a command, or by another replica —
// the dashboard's own Overview operation runs in the background for every scope an account
// starts from (each account's unit; the tree's first root for whole-tree accounts), as one of
// those accounts. Its answers are kept by the copy per data version (AnalyticsCopy.cached), so
// the officer who opens the overview after a change finds them computed; a request arriving
// while they are being computed waits for the same work instead of starting its own.
import { type DocumentNode, execute, getOperationAST, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { unitPaths } from '../analytics/metrics/horizon.ts';
import { todayIso } from '../domain/dates.ts';
import { caughtUpAnalytics } from './analytics.ts';
import { scopeRootOf, viewerOf } from './auth/viewer.ts';
import { type Context, createContext } from './context.ts';
import { db } from './db/client.ts';
import { persistedOperations } from './limits.ts';
import { schema } from './schema/index.ts';

/** The dashboard's registered Overview operation (web/persisted-operations.json, built by `npm install`). */
function overviewDocument(): DocumentNode | null {
  const text = Object.values(persistedOperations()).find((q) => /^query Overview\(/.test(q));
  return text ? parse(text) : null;
}

export interface AheadOptions {
  /** Wait this long after a trigger, so that a burst of changes is computed for once. */
  debounceMs: number;
  /** Look for changes made elsewhere (commands, other replicas) this often. */
  pollMs: number;
  /**
   * At most this many scopes, the most recently used accounts' first: an overview keeps about
   * ten answers, and the copy keeps 256 in all (AnalyticsCopy.answers), for the requests too.
   */
  maxScopes: number;
}

const DEFAULTS: AheadOptions = { debounceMs: 500, pollMs: 5_000, maxScopes: 16 };

interface AheadState {
  /** The data version and date the kept answers were last computed for. */
  computed: string | null;
  running: Promise<void> | null;
  again: boolean;
  timer: NodeJS.Timeout | null;
  poll?: NodeJS.Timeout;
  document: DocumentNode;
  options: AheadOptions;
  /** The last failure's message (logged once until another cause or a success). */
  lastError?: string;
  /** The last pass: when it ended, how long it took, how many scopes, what failed. */
  last: { at: Date; ms: number; scopes: number; version: number; failed: string | null } | null;
}

let state: AheadState | null = null;

/** Starts computing ahead (the server, once ready); a no-op when the dashboard is not built. */
export function startAhead(options: Partial<AheadOptions> = {}): void {
  if (state) return;
  const document = overviewDocument();
  if (!document) {
    console.log('compute ahead: off (web/persisted-operations.json is missing: run npm install)');
    return;
  }
  const s: AheadState = {
    computed: null,
    running: null,
    again: false,
    timer: null,
    document,
    options: { ...DEFAULTS, ...options },
    last: null,
  };
  state = s;
  s.poll = setInterval(() => scheduleAhead(0), s.options.pollMs);
  s.poll.unref();
  scheduleAhead(0);
}

/** Stops computing ahead (tests). */
export function stopAhead(): void {
  if (state?.timer) clearTimeout(state.timer);
  if (state?.poll) clearInterval(state.poll);
  state = null;
}

/** What the last pass did: for /health and the benchmark. */
export function aheadStatus(): AheadState['last'] | null {
  return state?.last ?? null;
}

/** The work for the current version, once it is done (tests, the benchmark). */
export async function aheadSettled(): Promise<void> {
  while (state && (state.running || state.timer)) {
    await (state.running ?? new Promise((r) => setTimeout(r, 20)));
  }
}

/** A change may have been committed: compute ahead after the debounce. */
export function scheduleAhead(delayMs = state?.options.debounceMs ?? 0): void {
  const s = state;
  if (!s) return;
  if (s.running) {
    s.again = true;
    return;
  }
  if (s.timer) clearTimeout(s.timer);
  s.timer = setTimeout(() => {
    s.timer = null;
    s.running = pass(s)
      .catch((e: unknown) => {
        // Once per cause: the poll tries again every few seconds while, say, the database is down.
        const message = e instanceof Error ? e.message : String(e);
        if (message !== s.lastError) console.error('compute ahead failed', e);
        s.lastError = message;
      })
      .finally(() => {
        s.running = null;
        if (s.again) {
          s.again = false;
          scheduleAhead();
        }
      });
  }, delayMs);
  s.timer.unref();
}

/** One pass: nothing when the version and date are those already computed. */
async function pass(s: AheadState): Promise<void> {
  const copy = await caughtUpAnalytics();
  const asOf = todayIso();
  const key = `${copy.version}|${asOf}`;
  if (s.computed === key) return;
  const started = performance.now();
  const scopes = await scopeAccounts(s.options.maxScopes);
  let failed: string | null = null;
  // One scope after another: the server's own requests keep the rest of the machine.
  for (const account of scopes) {
    const viewer = await viewerOf(db, account);
    const unitCode = await scopeRootOf(db, account.unitCode);
    if (!unitCode) continue;
    const context: Context = createContext({
      signed: { viewer, via: null, session: null },
      requestId: 'compute-ahead',
      address: 'internal',
      setCookie: () => {},
    });
    const result = await execute({
      schema,
      document: s.document,
      variableValues: { unitCode, asOf },
      contextValue: context,
    });
    if (result.errors?.length) failed ??= `${unitCode}: ${result.errors[0]!.message}`;
  }
  // The units' names and paths by id, which lists on every page label their rows with (the
  // planning groups, the succession rows, 示范市·某县·教育局 paths): read once per version here.
  await unitPaths(copy).catch((e: unknown) => {
    failed ??= `unit names: ${e instanceof Error ? e.message : String(e)}`;
  });
  s.computed = key;
  s.lastError = undefined;
  s.last = {
    at: new Date(),
    ms: Math.round(performance.now() - started),
    scopes: scopes.length,
    version: copy.version,
    failed,
  };
  console.log(
    `computed ahead: data version ${copy.version}, ${scopes.length} scope(s), ${s.last.ms} ms${failed ? `; failed: ${failed}` : ''}`,
  );
}

/**
 * One enabled account per scope (its unit, or none for the whole tree), those used most recently
 * first (their latest session), at most `max`.
 */
async function scopeAccounts(max: number) {
  const accounts = await db.user.findMany({
    where: { disabledAt: null },
    select: {
      id: true,
      username: true,
      role: true,
      unitCode: true,
      sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: 'desc' }, take: 1 },
    },
  });
  const seen = (a: (typeof accounts)[number]) => a.sessions[0]?.lastSeenAt.getTime() ?? 0;
  accounts.sort((a, b) => seen(b) - seen(a) || a.id - b.id);
  const byScope = new Map<string, (typeof accounts)[number]>();
  for (const a of accounts) if (!byScope.has(a.unitCode ?? '')) byScope.set(a.unitCode ?? '', a);
  return [...byScope.values()].slice(0, max);
}

/** After every mutation the server ran: a change may have been committed. */
export function useComputeAheadAfterChanges(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      return {
        onExecuteDone() {
          scheduleAhead();
        },
      };
    },
  };
}
