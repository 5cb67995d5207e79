// The selection procedure's conditions on a lifecycle step (docs/decisions/022): what the records
// around an entry must say before it may move on. Each gate reads the records as they stand on
// the step's date and refuses with ILLEGAL_TRANSITION, naming the condition in `extensions.gate`.
import { toDate, toIso } from '../../domain/dates.ts';
import type { ReserveStatus } from '../../domain/enums.ts';
import { domainError } from '../../domain/errors.ts';
import type { Policy } from '../../domain/policy/defaults.ts';
import { admissibleFrom, noticeEnds, scoreSheet, tallyRound } from '../../domain/procedure.ts';
import type { Db } from '../db/client.ts';

type Reader = Pick<
  Db,
  'recommendationRound' | 'selectionScore' | 'inspection' | 'publicNotice' | 'objection' | 'reserveStatusChange'
>;

export const GATES = [
  'RECOMMENDATION_MISSING',
  'RECOMMENDATION_FAILED',
  'ELIMINATED',
  'INSPECTION_MISSING',
  'INSPECTION_UNFIT',
  'NOTICE_OPEN',
  'OBJECTION_PENDING',
] as const;
export type Gate = (typeof GATES)[number];

export interface GatedEntry {
  code: string;
  status: ReserveStatus;
  source: string;
}

function refuse(entry: GatedEntry, to: ReserveStatus, gate: Gate, message: string): never {
  throw domainError('ILLEGAL_TRANSITION', `reserve entry "${entry.code}": ${message}`, {
    from: entry.status,
    to,
    gate,
  });
}

/** The latest recommendation round held by `on` that is not struck out, with its tally. */
export async function latestRound(db: Reader, code: string, on: string, policy: Policy) {
  const round = await db.recommendationRound.findFirst({
    where: { reserveCode: code, struckReason: null, heldOn: { lte: toDate(on) } },
    orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
    include: { tallies: true },
  });
  return round ? { round, tally: tallyRound(round.tallies, policy.recommendation) } : null;
}

/** The open notice window of an entry in PUBLICIZING: its record, or (for an entry imported in
 * that status) the window the policy gives from the day it went there. */
export async function openNotice(db: Reader, code: string, policy: Policy) {
  const notice = await db.publicNotice.findFirst({
    where: { reserveCode: code, closedOn: null },
    orderBy: { id: 'desc' },
    include: { objections: { orderBy: { id: 'asc' } } },
  });
  if (notice) return { startsOn: toIso(notice.startsOn), endsOn: toIso(notice.endsOn), notice };
  const step = await db.reserveStatusChange.findFirst({
    where: { reserveCode: code, to: 'PUBLICIZING' },
    orderBy: [{ on: 'desc' }, { id: 'desc' }],
  });
  if (!step) return null;
  const startsOn = toIso(step.on);
  return { startsOn, endsOn: noticeEnds(startsOn, policy.publicityDays), notice: null };
}

/** Throws when the records do not allow `entry` to go to `to` on `on`. */
export async function checkGates(
  db: Reader,
  entry: GatedEntry,
  to: ReserveStatus,
  on: string,
  policy: Policy,
): Promise<void> {
  if (entry.status === 'NOMINATED' && to === 'INSPECTING') {
    const latest = await latestRound(db, entry.code, on, policy);
    if (latest?.tally.void)
      refuse(
        entry,
        to,
        'RECOMMENDATION_FAILED',
        `its recommendation round of ${toIso(latest.round.heldOn)} is void: turnout ${pct(latest.tally.total.turnout)} is below the quorum of ${pct(policy.recommendation.quorum)}`,
      );
    if (latest && !latest.tally.passed)
      refuse(
        entry,
        to,
        'RECOMMENDATION_FAILED',
        `its recommendation round of ${toIso(latest.round.heldOn)} did not pass: ${pct(latest.tally.total.favourShare)} in favour, not more than ${pct(policy.recommendation.passShare)}`,
      );
    if (!latest && policy.procedure.requireRecommendation && entry.source === 'DEMOCRATIC_RECOMMENDATION')
      refuse(
        entry,
        to,
        'RECOMMENDATION_MISSING',
        `nominated by democratic recommendation, it needs a recommendation round recorded by ${on} before inspection`,
      );
  }
  if (to === 'INSPECTING' || to === 'PUBLICIZING' || to === 'ACTIVE') {
    const scores = await db.selectionScore.findMany({ where: { reserveCode: entry.code } });
    if (scores.length) {
      const sheet = scoreSheet(scores, policy.selection);
      if (sheet.eliminatedIn) {
        const r = sheet.rounds.find((x) => x.round === sheet.eliminatedIn)!;
        refuse(
          entry,
          to,
          'ELIMINATED',
          `eliminated in round ${r.round} (${r.score} below the pass mark of ${r.passMark}); it can only be REJECTED`,
        );
      }
    }
  }
  if (entry.status === 'INSPECTING' && to === 'PUBLICIZING') {
    // Sent back from the notice: only an inspection started since then counts.
    const sentBack = await db.reserveStatusChange.findFirst({
      where: { reserveCode: entry.code, from: 'PUBLICIZING', to: 'INSPECTING' },
      orderBy: [{ on: 'desc' }, { id: 'desc' }],
    });
    const inspection = await db.inspection.findFirst({
      where: { reserveCode: entry.code, ...(sentBack ? { startedOn: { gte: sentBack.on } } : {}) },
      orderBy: [{ startedOn: 'desc' }, { id: 'desc' }],
    });
    const concluded = inspection?.concludedOn && toIso(inspection.concludedOn) <= on ? inspection : null;
    if (concluded?.verdict === 'UNFIT')
      refuse(
        entry,
        to,
        'INSPECTION_UNFIT',
        `its inspection concluded on ${toIso(concluded.concludedOn!)} found it UNFIT; it can only be REJECTED`,
      );
    if (!concluded && policy.procedure.requireInspection)
      refuse(
        entry,
        to,
        'INSPECTION_MISSING',
        inspection
          ? `its inspection started on ${toIso(inspection.startedOn)} has no conclusion by ${on}`
          : sentBack
            ? `sent back from its public notice on ${toIso(sentBack.on)}, it needs a new concluded inspection`
            : `it needs a concluded inspection (recordInspection) before the public notice`,
      );
  }
  if (entry.status === 'PUBLICIZING' && to === 'ACTIVE') {
    const window = await openNotice(db, entry.code, policy);
    if (window && on < admissibleFrom(window.endsOn))
      refuse(
        entry,
        to,
        'NOTICE_OPEN',
        `its public notice runs from ${window.startsOn} to ${window.endsOn}; it can be admitted from ${admissibleFrom(window.endsOn)}`,
      );
    const pending = window?.notice?.objections.filter((o) => o.outcome === 'PENDING') ?? [];
    if (pending.length)
      refuse(
        entry,
        to,
        'OBJECTION_PENDING',
        `objection ${pending.map((o) => o.id).join(', ')} to its public notice is not resolved`,
      );
  }
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
