// The domain's enumerations (domain/enums.ts) and the Prisma schema's enums must list the same
// values in the same order: the databases store them, every other layer reads the domain's.
import { describe, expect, it } from 'vitest';
import * as D from '../../domain/enums.ts';
import * as P from '../../server/db/generated/sqlite/enums.ts';

const PAIRS: [string, readonly string[], Record<string, string>][] = [
  ['UnitKind', D.UNIT_KINDS, P.UnitKind],
  ['UnitLevel', D.UNIT_LEVELS, P.UnitLevel],
  ['PositionKind', D.POSITION_KINDS, P.PositionKind],
  ['Rank', D.RANKS, P.Rank],
  ['Category', D.CATEGORIES, P.Category],
  ['Gender', D.GENDERS, P.Gender],
  ['PoliticalStatus', D.POLITICAL_STATUSES, P.PoliticalStatus],
  ['Education', D.EDUCATIONS, P.Education],
  ['Title', D.TITLES, P.Title],
  ['Tier', D.TIERS, P.Tier],
  ['Direction', D.DIRECTIONS, P.Direction],
  ['Source', D.SOURCES, P.Source],
  ['ReserveStatus', D.RESERVE_STATUSES, P.ReserveStatus],
  ['TrainingKind', D.TRAINING_KINDS, P.TrainingKind],
  ['Grade', D.GRADES, P.Grade],
  ['PracticeKind', D.PRACTICE_KINDS, P.PracticeKind],
  ['TalkKind', D.TALK_KINDS, P.TalkKind],
  ['Role', D.ROLES, P.Role],
];

describe('enumerations', () => {
  it.each(PAIRS)('%s lists the same values as the database schema', (_name, domain, prisma) => {
    expect([...domain]).toEqual(Object.values(prisma));
  });

  it('covers every enum of the database schema', () => {
    expect(PAIRS.map(([name]) => name).sort()).toEqual(
      Object.keys(P)
        .filter((k) => typeof (P as Record<string, unknown>)[k] === 'object')
        .sort(),
    );
  });
});
