// Mentors and talks recorded through the API: validated like the import, scoped and audited, in
// one transaction each — and the alerts for missing mentors and talks clear from the recorded
// dates on. (Defaults: two mentors at a time; a leadership talk and two HR talks in the last year.)
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { failing } from '../helpers/failing-audit.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

vi.mock('../../server/audit/log.ts', () => import('../helpers/failing-audit.ts'));

const alertsOf = async (code: string, asOf: string) => {
  const r = await gqlOk<{ reserveAlerts: { items: { reserveCode: string; alerts: string[] }[] } }>(
    `{ reserveAlerts(unitCode: "C01", asOf: "${asOf}", first: 100) { items { reserveCode alerts } } }`,
  );
  return r.reserveAlerts.items.find((i) => i.reserveCode === code)?.alerts ?? [];
};
const mentor = (input: Record<string, unknown>, as = {}) =>
  gql<{ assignMentor: { id: number; mentorName: string; since: string } }>(
    'mutation($input: AssignMentorInput!) { assignMentor(input: $input) { id mentorName since until } }',
    { input },
    as,
  );
const talk = (input: Record<string, unknown>, as = {}) =>
  gql<{ recordTalk: { id: number; kind: string; on: string } }>(
    'mutation($input: RecordTalkInput!) { recordTalk(input: $input) { id kind on notes } }',
    { input },
    as,
  );

describe('mentors and talks', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('clears the missing-mentor and missing-talk alerts from the recorded dates on', async () => {
    // R01 (unit A, active since 2025-01-10) has neither mentors nor talks.
    expect(await alertsOf('R01', '2026-06-30')).toEqual(expect.arrayContaining(['MISSING_MENTORS', 'MISSING_TALKS']));
    expect(
      (await mentor({ reserveId: 'R01', mentorName: '王市长', mentorPersonId: 'E01', since: '2026-03-01' })).errors,
    ).toBeUndefined();
    // One mentor of two: still missing.
    expect(await alertsOf('R01', '2026-06-30')).toContain('MISSING_MENTORS');
    expect((await mentor({ reserveId: 'R01', mentorName: '李老师', since: '2026-04-01' })).errors).toBeUndefined();
    expect(await alertsOf('R01', '2026-06-30')).not.toContain('MISSING_MENTORS');
    // Before the second mentor's date the alert still stands: a past-dated record counts from its date.
    expect(await alertsOf('R01', '2026-03-15')).toContain('MISSING_MENTORS');
    for (const [kind, on] of [
      ['LEADERSHIP', '2026-02-10'],
      ['HR', '2026-03-10'],
      ['HR', '2026-05-10'],
    ])
      expect((await talk({ reserveId: 'R01', kind, on })).errors).toBeUndefined();
    expect(await alertsOf('R01', '2026-06-30')).not.toContain('MISSING_TALKS');
    // A year after the first HR talk, one HR talk is left in the window: missing again.
    expect(await alertsOf('R01', '2027-03-11')).toContain('MISSING_TALKS');
    const entry = await gqlOk<{ reserve: { mentors: { mentorName: string }[]; talks: { kind: string }[] } }>(
      '{ reserve(id: "R01") { mentors { mentorName mentorPersonId since until } talks { kind on } } }',
    );
    expect(entry.reserve.mentors.map((m) => m.mentorName)).toEqual(['王市长', '李老师']);
    expect(entry.reserve.talks.map((t) => t.kind)).toEqual(['LEADERSHIP', 'HR', 'HR']);
  });

  it('ends a mentorship on a date, keeping the record, and the alert comes back from then', async () => {
    const { reserve } = await gqlOk<{ reserve: { mentors: { id: number; mentorName: string }[] } }>(
      '{ reserve(id: "R01") { mentors { id mentorName } } }',
    );
    const id = reserve.mentors.find((m) => m.mentorName === '李老师')!.id;
    const ended = await gqlOk<{ endMentorship: { until: string } }>(
      `mutation { endMentorship(input: { mentorId: ${id}, until: "2026-08-01" }) { until } }`,
    );
    expect(ended.endMentorship.until).toBe('2026-08-01');
    expect(await alertsOf('R01', '2026-07-31')).not.toContain('MISSING_MENTORS');
    expect(await alertsOf('R01', '2026-08-01')).toContain('MISSING_MENTORS');
    const again = await gql(`mutation { endMentorship(input: { mentorId: ${id}, until: "2026-09-01" }) { until } }`);
    expect(again.errors?.[0]?.message).toBe(`mentorship ${id} already ended on 2026-08-01`);
  });

  it('corrects a talk, the audit keeping what it said before', async () => {
    const { reserve } = await gqlOk<{ reserve: { talks: { id: number; on: string }[] } }>(
      '{ reserve(id: "R01") { talks { id on } } }',
    );
    const first = reserve.talks[0]!;
    const fixed = await gqlOk<{ correctTalk: { on: string; notes: string } }>(
      `mutation { correctTalk(input: { talkId: ${first.id}, on: "2026-02-12", notes: "谈工作思路" }) { on notes } }`,
    );
    expect(fixed.correctTalk).toEqual({ on: '2026-02-12', notes: '谈工作思路' });
    const audit = await db.auditLog.findFirst({ where: { action: 'talk.correct' }, orderBy: { seq: 'desc' } });
    expect(JSON.parse(audit!.detail!).before).toMatchObject({ on: '2026-02-10', notes: null });
  });

  it('refuses bad records, naming the field, and changes nothing', async () => {
    const before = await db.mentor.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ reserveId: 'R01', mentorName: '  ', since: '2026-03-01' }, 'mentorName must be 1 to 50 characters'],
      [
        { reserveId: 'R01', mentorName: '张', since: '2024-01-01' },
        'reserve entry "R01": since 2024-01-01 is before its nomination on 2024-11-20',
      ],
      [
        { reserveId: 'R01', mentorName: '张', since: '2099-01-01' },
        'reserve entry "R01": since 2099-01-01 is in the future',
      ],
      [
        { reserveId: 'R01', mentorName: '张', mentorPersonId: 'E06', since: '2026-03-01' },
        'reserve entry "R01": a reserve cannot mentor themself',
      ],
      [
        { reserveId: 'R01', mentorName: '张', mentorPersonId: 'NOPE', since: '2026-03-01' },
        'person "NOPE" does not exist or is outside your scope',
      ],
      [
        { reserveId: 'R04', mentorName: '张', since: '2024-03-01' },
        'reserve entry "R04" is Promoted: records are added only to open entries (Nominated, Inspecting, Public notice, Active)',
      ],
      [
        { reserveId: 'R99', mentorName: '张', since: '2026-03-01' },
        'reserve entry "R99" does not exist or is outside your scope',
      ],
    ];
    for (const [input, message] of cases) {
      const r = await mentor(input);
      expect(r.errors?.[0]?.message, JSON.stringify(input)).toBe(message);
    }
    expect(await db.mentor.count()).toBe(before);
  });

  it('keeps records inside the subtree and to the roles that keep the pool', async () => {
    // An officer of B cannot reach A's entry; a leader cannot write at all.
    const outside = await mentor(
      { reserveId: 'R01', mentorName: '张', since: '2026-03-01' },
      { role: 'ORG_OFFICER', viewerUnit: 'B' },
    );
    expect(outside.errors?.[0]?.message).toBe('reserve entry "R01" does not exist or is outside your scope');
    const leader = await talk({ reserveId: 'R01', kind: 'HR', on: '2026-03-01' }, { role: 'LEADER' });
    expect(leader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const inside = await talk(
      { reserveId: 'R03', kind: 'HR', on: '2026-03-01' },
      { role: 'ORG_OFFICER', viewerUnit: 'B' },
    );
    expect(inside.errors).toBeUndefined();
  });

  it('leaves nothing behind when a write fails midway', async () => {
    const [mentors, talks] = [await db.mentor.count(), await db.talk.count()];
    failing.audit = true;
    const m = await mentor({ reserveId: 'R03', mentorName: '赵', since: '2026-03-01' });
    const t = await talk({ reserveId: 'R03', kind: 'LEADERSHIP', on: '2026-03-01' });
    failing.audit = false;
    expect(m.errors?.length).toBeGreaterThan(0);
    expect(t.errors?.length).toBeGreaterThan(0);
    expect([await db.mentor.count(), await db.talk.count()]).toEqual([mentors, talks]);
  });
});
