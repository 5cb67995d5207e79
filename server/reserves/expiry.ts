// Dynamic management: an entry still in the pool when its management period ends (entered on +
// the policy's managementPeriodYears) is taken out as EXPIRED, dated the day the period ended and
// attributed to the expiry job with the rule that expired it. Idempotent: an entry expires once;
// running again finds nothing new. It runs when the server starts, daily after that, and by hand
// (`npm run reserves:expire`). Nothing is deleted; the step is in the entry's history.
import { addYears, toDate, todayIso, toIso } from '../../domain/dates.ts';
import { UNIT_KINDS, type UnitKind } from '../../domain/enums.ts';
import { storedMessage } from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { readPoliciesAt } from '../policy/store.ts';

export const EXPIRY_ACTOR = 'system:expiry';
/** Entries written per transaction (a few statements each: one per end date, one for the history). */
const BATCH = 500;

export interface ExpiryResult {
  asOf: string;
  /** The entries this run expired (empty when there was nothing to do). */
  expired: { code: string; on: string }[];
  /** How long the run took. */
  seconds: number;
}

/** Expires every active entry whose management period ended on or before `asOf`. */
export async function expireReserves(
  db: Db,
  asOf: string = todayIso(),
  options: { requestId?: string | null } = {},
): Promise<ExpiryResult> {
  const started = performance.now();
  // Every kind's policy at the run date, read at once.
  const { byKind } = await readPoliciesAt(db, asOf);
  const years = new Map(UNIT_KINDS.map((kind) => [kind, byKind[kind].managementPeriodYears] as const));
  // Only entries entered long enough ago for the shortest period can have ended it.
  const shortest = Math.min(...years.values());
  const candidates = await db.reserveEntry.findMany({
    where: { status: 'ACTIVE', enteredOn: { not: null, lte: toDate(addYears(asOf, -shortest)) } },
    select: { code: true, enteredOn: true, unit: { select: { kind: true } } },
    orderBy: { id: 'asc' },
  });
  const due = candidates.flatMap((e) => {
    const entered = toIso(e.enteredOn!);
    const period = years.get(e.unit.kind as UnitKind)!;
    const ends = addYears(entered, period);
    return ends <= asOf
      ? [{ code: e.code, on: ends, reason: storedMessage('reason.periodEnded', { years: period }) }]
      : [];
  });
  const expired: ExpiryResult['expired'] = [];
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    const done = await db.$transaction(async (tx) => {
      // One statement per end date (entries ending the same day share the date and the reason),
      // not one per entry. Guarded on the status: an entry another step moved meanwhile is left
      // alone, and only the entries this statement moved get a history row.
      const byEnd = new Map<string, typeof batch>();
      for (const e of batch) {
        const key = `${e.on}|${e.reason}`;
        const group = byEnd.get(key);
        if (group) group.push(e);
        else byEnd.set(key, [e]);
      }
      const codes: { code: string; on: string }[] = [];
      for (const group of byEnd.values()) {
        const { on, reason } = group[0]!;
        const moved = await tx.reserveEntry.updateManyAndReturn({
          where: { code: { in: group.map((e) => e.code) }, status: 'ACTIVE' },
          data: { status: 'EXPIRED', exitedOn: toDate(on), exitReason: reason, openPersonCode: null },
          select: { code: true },
        });
        for (const { code } of moved) codes.push({ code, on });
      }
      if (codes.length) {
        const reasons = new Map(batch.map((e) => [e.code, e.reason]));
        await tx.reserveStatusChange.createMany({
          data: codes.map((c) => ({
            reserveCode: c.code,
            from: 'ACTIVE' as const,
            to: 'EXPIRED' as const,
            on: toDate(c.on),
            reason: reasons.get(c.code)!,
            actor: EXPIRY_ACTOR,
          })),
        });
        // In the order of the entries (the job's report and the audit detail read it).
        const order = new Map(batch.map((e, n) => [e.code, n]));
        codes.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
        await appendAudit(tx, {
          actor: EXPIRY_ACTOR,
          action: 'reserve.expire',
          entity: 'ReserveEntry',
          detail: { asOf, expired: codes },
          requestId: options.requestId ?? null,
        });
        await recordChange(tx, { entity: 'ReserveEntry', keys: codes.map((c) => c.code) });
      }
      return codes;
    });
    expired.push(...done);
    // Let requests run between batches: with SQLite every statement completes synchronously,
    // and a chain of awaits alone never yields to the event loop (the server would not answer,
    // /health included, until the whole job ends).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { asOf, expired, seconds: (performance.now() - started) / 1000 };
}

/** Runs the job now and then once a day; failures are logged, never fatal. */
export function scheduleExpiry(db: Db, log: (message: string) => void = console.log): () => void {
  const run = () =>
    expireReserves(db)
      .then((r) =>
        log(
          `reserves:expire ${r.asOf}: ${r.expired.length} entr${r.expired.length === 1 ? 'y' : 'ies'} expired (${r.seconds.toFixed(1)} s)`,
        ),
      )
      .catch((error) => console.error('reserves:expire failed', error));
  void run();
  const timer = setInterval(run, 24 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
