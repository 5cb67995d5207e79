// Promotions on a generated county, checked against the independent plain implementation: the
// reference replays the promotions up to each date on the dataset's own records (the post's
// incumbent and term end change, a post the person held falls vacant, the entry exits), and the
// succession gaps and reserve ratios through the API must equal its answers before, on and
// after the promotions' dates.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../domain/dates.ts';
import type { Dataset, DatasetRecord } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset } from '../../server/dataset/synthetic.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { writeDatasetFile } from '../fixtures/small.ts';
import { gqlOk } from '../helpers/graphql.ts';
import { referenceGaps, referenceRatio } from '../reference/metrics.ts';

interface Promotion {
  reserve: string;
  person: string;
  post: string;
  on: string;
  termEnds: string | null;
}

/** The dataset as it stood at `asOf`, with the promotions up to that day replayed in order. */
function replay(data: Dataset, promotions: Promotion[], asOf: string): Dataset {
  const positions = data.positions.map((p) => ({ ...p }));
  const reserves = data.reserves.map((r) => ({ ...r }));
  for (const p of promotions.filter((x) => x.on <= asOf)) {
    for (const held of positions.filter((x) => x.incumbentId === p.person)) {
      held.incumbentId = null;
      held.termEnds = null;
    }
    const post = positions.find((x) => x.code === p.post)!;
    post.incumbentId = p.person;
    post.termEnds = p.termEnds;
    const r = reserves.find((x) => x.id === p.reserve)!;
    Object.assign(r, { status: 'PROMOTED', exitedOn: p.on });
  }
  return { ...data, positions, reserves };
}

describe('promotions cross-checked on a generated county', () => {
  let data: Dataset;
  const promotions: Promotion[] = [];
  const days = ['2026-01-15', '2026-03-01', '2026-05-20', '2026-08-08', '2026-10-30'];

  beforeAll(async () => {
    data = generateDataset({ scale: 'county', seed: 29 });
    // Up to 40 active entries past their cultivation year, each into a post of its kind in its
    // own unit not yet taken by another promotion; dates spread over the year, in order.
    const used = new Set<string>();
    const candidates = data.reserves.filter(
      (r) => r.status === 'ACTIVE' && r.enteredOn !== null && addYears(r.enteredOn as string, 1) <= days[0]!,
    );
    for (const r of candidates) {
      if (promotions.length >= 40) break;
      const post = data.positions.find(
        (p: DatasetRecord) =>
          p.unitCode === r.unitCode &&
          p.kind === r.targetKind &&
          !used.has(p.code as string) &&
          p.incumbentId !== r.personId,
      );
      if (!post) continue;
      used.add(post.code as string);
      const n = promotions.length;
      promotions.push({
        reserve: r.id as string,
        person: r.personId as string,
        post: post.code as string,
        on: days[n % days.length]!,
        termEnds: n % 3 === 0 ? '2027-04-30' : null,
      });
    }
    // Every fourth promoted person holds another post before (a post no promotion fills).
    const spare = data.positions.filter((p) => !used.has(p.code as string) && p.incumbentId !== null);
    const moved = new Set<string>();
    promotions.forEach((p, i) => {
      if (i % 4 === 0 && spare[i]) {
        spare[i]!.incumbentId = p.person;
        moved.add(spare[i]!.code as string);
      }
    });
    // Those posts' generated appointments named the holder they had.
    data.appointments = data.appointments.filter((a) => !moved.has(a.positionCode as string));
    promotions.sort((a, b) => a.on.localeCompare(b.on));
    await importDataset(db, dbConfig, { file: writeDatasetFile(data) });
    for (const p of promotions) {
      // 任前公示 a month before (5 working days end well within it, holidays included).
      await gqlOk(`mutation($input: AnnounceAppointmentInput!) { announceAppointment(input: $input) { id } }`, {
        input: { reserveId: p.reserve, positionCode: p.post, startsOn: addDays(p.on, -30) },
      });
      await gqlOk(`mutation($input: PromoteReserveInput!) { promoteReserve(input: $input) { status } }`, {
        input: { reserveId: p.reserve, positionCode: p.post, on: p.on, termEnds: p.termEnds },
      });
    }
  }, 300_000);

  it('promoted enough to matter, some of them out of a post they held', () => {
    expect(promotions.length).toBe(40);
    const holders = new Set(data.positions.map((p) => p.incumbentId));
    expect(promotions.some((p) => holders.has(p.person))).toBe(true);
  });

  it.each(['2025-12-31', '2026-03-01', '2026-06-30', '2026-10-29', '2026-11-30'])(
    'succession gaps and reserve ratios at %s equal the replayed reference',
    async (asOf) => {
      const root = data.units[0]!.code as string;
      const got = await gqlOk<{
        successionGaps: {
          totalExpectedVacancies: number;
          totalReady: number;
          totalGap: number;
          rows: { unitCode: string; kind: string }[];
        };
        reserveRatio: unknown[];
      }>(
        `query($u: String!, $a: Date) {
          successionGaps(unitCode: $u, asOf: $a, horizonYears: 1) { totalExpectedVacancies totalReady totalGap rows { unitCode kind expectedVacancies ready gap } }
          reserveRatio(unitCode: $u, asOf: $a) { unitCode kind positions reserves target gap compliant } }`,
        { u: root, a: asOf },
      );
      const then = replay(data, promotions, asOf);
      const want = referenceGaps(then, root, asOf, 1);
      const key = (r: { unitCode: string; kind: string }) => `${r.unitCode}|${r.kind}`;
      const sorted = <T extends { unitCode: string; kind: string }>(rows: T[]) =>
        [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      expect({ ...got.successionGaps, rows: sorted(got.successionGaps.rows) }).toEqual({
        ...want,
        rows: sorted(want.rows),
      });
      expect(got.reserveRatio).toEqual(referenceRatio(then, root, asOf));
    },
  );
});
