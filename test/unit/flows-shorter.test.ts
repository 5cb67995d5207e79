// A shorter horizon's flow groups cut from a longer one (analytics/planning/flows.ts
// shorterHorizon), by hand on one group; test/db/flows-patch.test.ts checks it against the
// groups read from the copy.
import { describe, expect, it } from 'vitest';
import { type FlowGroupRow, shorterHorizon } from '../../analytics/planning/flows.ts';

const group: FlowGroupRow = {
  order: 7,
  unitCode: 'U7',
  unitName: '某局',
  kind: 'DEPUTY',
  posts: 3,
  target: 3,
  vacancies: [1, 0, 2],
  periodYears: 3,
  cultivationYears: 1,
  // In the read's order for three years: tier, years present, cultivated from.
  members: [
    { tier: 'NEAR_TERM', years: 1, cultivatedFrom: 3, count: 2 },
    { tier: 'NEAR_TERM', years: 2, cultivatedFrom: 1, count: 1 },
    { tier: 'NEAR_TERM', years: 3, cultivatedFrom: 1, count: 4 },
    { tier: 'MID_TERM', years: 0, cultivatedFrom: 4, count: 1 },
    { tier: 'MID_TERM', years: 3, cultivatedFrom: 2, count: 5 },
  ],
};
const three = { ends: ['2027-07-01', '2028-07-01', '2029-07-01'], groups: [group] };

describe('a shorter horizon cut from a longer one', () => {
  it('caps years and cultivation at the horizon, merges the classes then alike, in the read’s order', () => {
    const one = shorterHorizon(three, 1);
    expect(one.ends).toEqual(['2027-07-01']);
    // Year 1: present 1 year each (but the one present in none); cultivated from 1, or after (2).
    // (1, 3→2) and (2→1, 1) swap places; (2→1, 1) and (3→1, 1) merge: 1 + 4.
    expect(one.groups[0]!.members).toEqual([
      { tier: 'NEAR_TERM', years: 1, cultivatedFrom: 1, count: 5 },
      { tier: 'NEAR_TERM', years: 1, cultivatedFrom: 2, count: 2 },
      { tier: 'MID_TERM', years: 0, cultivatedFrom: 2, count: 1 },
      { tier: 'MID_TERM', years: 1, cultivatedFrom: 2, count: 5 },
    ]);
    expect(one.groups[0]!.vacancies).toEqual([1]);
    expect({ ...one.groups[0]!, members: [], vacancies: [] }).toEqual({ ...group, members: [], vacancies: [] });
    // The longer answer is left as it was (it stays kept).
    expect(three.groups[0]!.members[1]).toEqual({ tier: 'NEAR_TERM', years: 2, cultivatedFrom: 1, count: 1 });
    const two = shorterHorizon(three, 2);
    expect(two.groups[0]!.members.map((m) => [m.years, m.cultivatedFrom, m.count])).toEqual([
      [1, 3, 2],
      [2, 1, 5],
      [0, 3, 1],
      [2, 2, 5],
    ]);
    expect(two.groups[0]!.vacancies).toEqual([1, 0]);
  });
});
