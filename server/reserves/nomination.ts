// Nomination (推荐): a person in your subtree becomes a NOMINATED entry for a unit's team, if the
// eligibility rules of the policy in force on that date hold (domain/eligibility.ts) and the person
// has no other open entry. A failed rule refuses the nomination with INELIGIBLE listing every
// failed rule — unless an exception names exactly those rules with a reason and an approver; it
// is kept with the entry and shown wherever the entry is.
import { toDate, toIso, toIsoOrNull } from '../../domain/dates.ts';
import { eligibilityFailures, type FailedRule } from '../../domain/eligibility.ts';
import type { Direction, Education, Gender, PositionKind, Rank, Source, Tier } from '../../domain/enums.ts';
import { refusal } from '../../domain/errors.ts';
import {
  enumParam,
  formatMessage,
  listParam,
  type MessageKey,
  type MessageParams,
  messageParam,
} from '../../domain/messages.ts';
import { appendAudit } from '../audit/log.ts';
import { canSee, ownedByScope, scopedUnit, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import type { ReserveEntry } from '../db/generated/sqlite/client.ts';
import { effectivePolicy } from '../policy/store.ts';

export interface NominationInput {
  personId: string;
  unitCode: string;
  targetKind: PositionKind;
  targetRank: Rank;
  tier: Tier;
  direction: Direction;
  source: Source;
  on: string;
  exception?: { reason: string; approver: string } | null;
}

/** The eligibility answer for a nomination, without recording anything. */
export async function checkEligibility(db: Db, viewer: Viewer, input: NominationInput) {
  const person = await db.person.findFirst({ where: { code: input.personId, ...ownedByScope(viewer) } });
  if (!person) throw refusal('NOT_FOUND', 'person.notFound', { person: input.personId });
  const unit = await scopedUnit(db, input.unitCode, viewer);
  const { policy } = await effectivePolicy(db, unit.kind, input.on);
  const failed: FailedRule[] = eligibilityFailures(
    {
      gender: person.gender as Gender,
      birthDate: toIso(person.birthDate),
      education: person.education as Education,
      fullTimeEducation: (person.fullTimeEducation as Education | null) ?? null,
      rank: person.rank as Rank,
      rankSince: toIsoOrNull(person.rankSince),
      workStart: toIso(person.workStart),
    },
    { kind: input.targetKind, rank: input.targetRank, on: input.on },
    policy,
  );
  return { person, unit, failed };
}

/**
 * The one-open-entry rule as a failed rule, or null: a person has at most one open entry (no
 * exception). Named by its id only when it lies inside the viewer's subtree (an entry elsewhere
 * is not the viewer's to know of: "in another unit").
 */
export async function openEntryFailure(
  db: Db,
  viewer: Viewer,
  personCode: string,
): Promise<{ failed: ReturnType<typeof rule>; seen: boolean; params: MessageParams } | null> {
  const open = await db.reserveEntry.findFirst({
    where: { openPersonCode: personCode },
    select: { code: true, status: true, unit: { select: { path: true } } },
  });
  if (!open) return null;
  const seen = canSee(viewer, open.unit.path);
  const params = seen ? { entry: open.code, status: enumParam('ReserveStatus', open.status) } : {};
  return {
    failed: rule('ONE_OPEN_ENTRY', seen ? 'nomination.openEntry' : 'nomination.openEntryElsewhere', params),
    seen,
    params,
  };
}

/** Refuses a second open entry with INELIGIBLE, naming the open one as `openEntryFailure` does. */
async function refuseSecondOpenEntry(db: Db, viewer: Viewer, personCode: string): Promise<void> {
  const open = await openEntryFailure(db, viewer, personCode);
  if (!open) return;
  throw refusal(
    'INELIGIBLE',
    open.seen ? 'reserve.openEntryExists' : 'reserve.openEntryElsewhere',
    { person: personCode, ...open.params },
    { failed: [open.failed] },
  );
}

/** A failed rule as `extensions.failed` lists it: in English, and by its message key (server/errors.ts localizes it). */
function rule(name: string, messageKey: MessageKey, params: MessageParams) {
  return { rule: name, message: formatMessage(messageKey, params, 'en'), messageKey, params };
}

/** The next entry id after the last one written ("R0000042" → "R0000043"). */
async function nextCode(db: Db): Promise<string> {
  const last = await db.reserveEntry.findFirst({ orderBy: { id: 'desc' }, select: { code: true } });
  const m = last?.code.match(/^R(\d+)$/);
  const n = m ? Number(m[1]) + 1 : (await db.reserveEntry.count()) + 1;
  return `R${String(n).padStart(Math.max(7, m?.[1]?.length ?? 0), '0')}`;
}

export async function nominate(
  db: Db,
  viewer: Viewer,
  input: NominationInput,
  options: { requestId?: string | null } = {},
): Promise<ReserveEntry> {
  const { person, unit, failed } = await checkEligibility(db, viewer, input);
  await refuseSecondOpenEntry(db, viewer, person.code);
  const exception = input.exception
    ? { reason: input.exception.reason.trim(), approver: input.exception.approver.trim() }
    : null;
  if (failed.length && !exception)
    throw refusal(
      'INELIGIBLE',
      'nomination.ineligible',
      {
        person: person.code,
        failures: listParam(
          failed.map((f) =>
            messageParam('nomination.failedRule', {
              rule: enumParam('EligibilityRule', f.rule),
              reason: messageParam(f.messageKey, f.params),
            }),
          ),
          'sentences',
        ),
      },
      { failed },
    );
  if (exception && (!exception.reason || !exception.approver))
    throw refusal('BAD_USER_INPUT', 'nomination.exceptionIncomplete', {}, { field: 'exception' });
  if (exception && !failed.length)
    throw refusal('BAD_USER_INPUT', 'nomination.exceptionNeedless', { person: person.code }, { field: 'exception' });
  for (let attempt = 0; ; attempt++) {
    const code = await nextCode(db);
    try {
      return await db.$transaction(async (tx) => {
        const entry = await tx.reserveEntry.create({
          data: {
            code,
            personCode: person.code,
            unitCode: unit.code,
            targetKind: input.targetKind,
            targetRank: input.targetRank,
            tier: input.tier,
            direction: input.direction,
            source: input.source,
            status: 'NOMINATED',
            nominatedOn: toDate(input.on),
            openPersonCode: person.code,
          },
        });
        await tx.reserveStatusChange.create({
          data: {
            reserveCode: code,
            from: null,
            to: 'NOMINATED',
            on: toDate(input.on),
            reason: null,
            actor: viewer.actor,
          },
        });
        if (exception)
          await tx.eligibilityException.create({
            data: {
              reserveCode: code,
              rules: JSON.stringify(failed.map((f) => f.rule)),
              reason: exception.reason,
              approver: exception.approver,
              recordedBy: viewer.actor,
            },
          });
        await appendAudit(tx, {
          actor: viewer.actor,
          action: 'reserve.nominate',
          entity: 'ReserveEntry',
          entityCode: code,
          detail: {
            after: { ...input, exception: exception ? { ...exception, rules: failed.map((f) => f.rule) } : null },
          },
          requestId: options.requestId ?? null,
        });
        await recordChange(tx, { entity: 'ReserveEntry', keys: [code] });
        return entry;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002' || attempt >= 3) throw error;
      // A unique key taken meanwhile: the person's open entry (another nomination of them won),
      // or the new id (two nominations took the same one: take the next).
      await refuseSecondOpenEntry(db, viewer, person.code);
    }
  }
}
