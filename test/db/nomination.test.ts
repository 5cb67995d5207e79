// Nomination through the API: an eligible person becomes a NOMINATED entry with its first history
// record; a failing one is refused with INELIGIBLE listing every failed rule, unless an exception
// with a reason and an approver waives exactly those rules (kept and shown with the entry); one
// open entry per person; scoped, role-bound, and nothing left behind by a failure midway.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { gql } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const base = { tier: 'LONG_TERM', direction: 'ECONOMY', source: 'ORG_NOMINATION', on: '2026-11-01' };
// E12: 30, no full-time degree, holds STAFF: as a principal reserve for A1 it fails two rules.
const e12Principal = { personId: 'E12', unitCode: 'A1', targetKind: 'PRINCIPAL', targetRank: 'SECTION_PRINCIPAL' };

const nominate = (input: Record<string, unknown>, as = {}) =>
  gql<{
    nominateReserve: {
      code: string;
      status: string;
      nominatedOn: string;
      history: { from: string | null; to: string }[];
      eligibilityException: { rules: string[]; reason: string; approver: string } | null;
    };
  }>(
    `mutation($input: NominationInput!) { nominateReserve(input: $input) {
       code status nominatedOn history { from to } eligibilityException { rules reason approver recordedBy } } }`,
    { input: { ...base, ...input } },
    as,
  );

describe('nomination with eligibility', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('nominates an eligible person', async () => {
    // E11: 31 on 2026-11-01, full-time bachelor, working since 2008; a deputy reserve for B1.
    const r = await nominate({ personId: 'E11', unitCode: 'B1', targetKind: 'DEPUTY', targetRank: 'SECTION_DEPUTY' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.nominateReserve).toMatchObject({
      code: 'R0000007',
      status: 'NOMINATED',
      nominatedOn: '2026-11-01',
      history: [{ from: null, to: 'NOMINATED' }],
      eligibilityException: null,
    });
  });

  it('tells which rules would fail without recording anything', async () => {
    const before = await db.reserveEntry.count();
    const r = await gql<{ eligibility: { rule: string }[] }>(
      `query($input: NominationInput!) { eligibility(input: $input) { rule message } }`,
      { input: { ...base, ...e12Principal } },
    );
    // A principal reserve for SECTION_PRINCIPAL needs SECTION_PRINCIPAL or SECTION_DEPUTY held two years.
    expect(r.data?.eligibility.map((f) => f.rule)).toEqual(['FULL_TIME_BACHELOR', 'YEARS_IN_LOWER_RANK']);
    expect(await db.reserveEntry.count()).toBe(before);
  });

  it('refuses an ineligible person with every failed rule, and nothing is recorded', async () => {
    const before = await db.reserveEntry.count();
    const r = await nominate(e12Principal);
    expect(r.errors?.[0]?.extensions?.code).toBe('INELIGIBLE');
    expect(r.errors?.[0]?.message).toMatch(
      /^person "E12" is not eligible: Full-time bachelor \(.+\); Years in the rank or the one below \(holds Staff/,
    );
    expect((r.errors?.[0]?.extensions?.failed as { rule: string }[] | undefined)?.map((f) => f.rule)).toEqual([
      'FULL_TIME_BACHELOR',
      'YEARS_IN_LOWER_RANK',
    ]);
    expect(await db.reserveEntry.count()).toBe(before);
  });

  it('refuses an exception for an eligible person, or one without an approver', async () => {
    const needless = await nominate({
      personId: 'E05',
      unitCode: 'B',
      targetKind: 'DEPUTY',
      targetRank: 'DIVISION_DEPUTY',
      on: '2018-11-01', // E05 born 1978-05-05: 40 on that date
      exception: { reason: '工作需要', approver: '市委组织部' },
    });
    expect(needless.errors?.[0]?.message).toBe('person "E05" is eligible: there is no rule to make an exception to');
    const unsigned = await nominate({
      ...e12Principal,
      exception: { reason: '工作需要', approver: '  ' },
    });
    expect(unsigned.errors?.[0]?.message).toBe('an exception needs both a reason and an approver');
  });

  it('leaves nothing behind when the write fails midway', async () => {
    const counts = async () => [
      await db.reserveEntry.count(),
      await db.reserveStatusChange.count(),
      await db.eligibilityException.count(),
    ];
    const before = await counts();
    failing.audit = true;
    const r = await nominate({
      ...e12Principal,
      exception: { reason: '基层急需', approver: '县委组织部' },
    });
    failing.audit = false;
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('records an exception naming the waived rules, shown with the entry; then one open entry only', async () => {
    const r = await nominate({
      ...e12Principal,
      exception: { reason: '基层急需', approver: '县委组织部' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.nominateReserve.eligibilityException).toMatchObject({
      rules: ['FULL_TIME_BACHELOR', 'YEARS_IN_LOWER_RANK'],
      reason: '基层急需',
      approver: '县委组织部',
    });
    const again = await nominate({
      personId: 'E12',
      unitCode: 'A1',
      targetKind: 'DEPUTY',
      targetRank: 'SECTION_DEPUTY',
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('INELIGIBLE');
    expect(again.errors?.[0]?.message).toMatch(/^person "E12" already has an open entry, R\d+ \(Nominated\)$/);
  });

  it('does not name an open entry outside the nominator’s subtree', async () => {
    // E09 works in B1 and is an active reserve (R06) for county B, above B1: an administrator of
    // B1 sees E09 but not R06.
    const r = await nominate(
      { personId: 'E09', unitCode: 'B1', targetKind: 'DEPUTY', targetRank: 'SECTION_DEPUTY' },
      { role: 'ADMIN', viewerUnit: 'B1' },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('INELIGIBLE');
    expect(r.errors?.[0]?.message).toBe('person "E09" already has an open entry, in a unit outside your scope');
    expect(JSON.stringify(r)).not.toContain('R06');
    // An administrator of B sees it, and is told which.
    const b = await nominate(
      { personId: 'E09', unitCode: 'B1', targetKind: 'DEPUTY', targetRank: 'SECTION_DEPUTY' },
      { role: 'ADMIN', viewerUnit: 'B' },
    );
    expect(b.errors?.[0]?.message).toBe('person "E09" already has an open entry, R06 (Active)');
    // The check says so before the nomination is tried: the one-open-entry rule among the failed
    // rules, named as far as the viewer may know (R06 for B, "outside your scope" for B1).
    const check = (viewerUnit: string) =>
      gql<{ eligibility: { rule: string; message: string }[] }>(
        `query($input: NominationInput!) { eligibility(input: $input) { rule message } }`,
        { input: { ...base, personId: 'E09', unitCode: 'B1', targetKind: 'DEPUTY', targetRank: 'SECTION_DEPUTY' } },
        { role: 'ADMIN', viewerUnit },
      );
    const rB = await check('B');
    expect(rB.errors).toBeUndefined();
    const fromB = rB.data!.eligibility.find((f) => f.rule === 'ONE_OPEN_ENTRY');
    expect(fromB?.message).toContain('R06');
    const fromB1 = (await check('B1')).data!.eligibility.find((f) => f.rule === 'ONE_OPEN_ENTRY');
    expect(fromB1?.message).toBeTruthy();
    expect(fromB1?.message).not.toContain('R06');
  });

  it('keeps nominations to the roles that keep the pool, inside their subtree', async () => {
    const leader = await nominate(
      { personId: 'E01', unitCode: 'C01', targetKind: 'DEPUTY', targetRank: 'BUREAU_DEPUTY' },
      { role: 'LEADER' },
    );
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An officer of B: A's person and A's unit are outside.
    const outside = await nominate(
      { personId: 'E02', unitCode: 'A', targetKind: 'DEPUTY', targetRank: 'DIVISION_DEPUTY' },
      { role: 'ORG_OFFICER', viewerUnit: 'B' },
    );
    expect(outside.errors?.[0]?.message).toBe('person "E02" does not exist or is outside your scope');
  });
});
