// Import is all-or-nothing and export gives back what was imported, on SQLite and PostgreSQL.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../domain/policy/defaults.ts';
import { exportDataset } from '../../server/dataset/export.ts';
import type { Dataset } from '../../server/dataset/format.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { generateDataset, generateProcedure } from '../../server/dataset/synthetic.ts';
import { DatasetError } from '../../server/dataset/validate.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { latestRound, openNotice } from '../../server/reserves/gates.ts';
import { datasetText, smallDataset, tempFile, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk } from '../helpers/graphql.ts';

async function exportText(): Promise<string> {
  const file = tempFile('export.json');
  await exportDataset(db, file);
  return fs.readFileSync(file, 'utf8');
}

/** Imports `data` expecting rejection; returns the error. */
async function rejected(data: unknown, options: { replace?: boolean } = {}): Promise<DatasetError> {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const error = await importDataset(db, dbConfig, { text }, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

function mutate(change: (d: Dataset) => void): Dataset {
  const d = smallDataset();
  change(d);
  return d;
}

describe('dataset import and export', () => {
  let baseline: string;

  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
    baseline = await exportText();
  });

  it('exports exactly the file it imported', () => {
    expect(baseline).toBe(datasetText(smallDataset()));
  });

  it('keeps dates, nulls and fractional numbers through the round trip', async () => {
    const person = await db.person.findUniqueOrThrow({ where: { code: 'E12' } });
    expect(person.fullTimeEducation).toBeNull();
    expect(person.birthDate.toISOString()).toBe('1996-01-01T00:00:00.000Z');
    const training = await db.training.findFirstOrThrow({ where: { personCode: 'E06', kind: 'PARTY_SCHOOL' } });
    expect(training.days).toBe(2.5);
  });

  it('records the import in the audit log and gives each entry its first history step', async () => {
    const log = await db.auditLog.findFirstOrThrow({ where: { action: 'dataset.import' } });
    expect(JSON.parse(log.detail!).counts).toMatchObject({ units: 5, people: 12, reserves: 6 });
    const history = await db.reserveStatusChange.findMany({ where: { reserveCode: 'R04' } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ from: null, to: 'PROMOTED', reason: '数据导入' });
  });

  const badCases: [string, unknown, RegExp][] = [
    [
      'an unknown field',
      mutate((d) => Object.assign(d.people[3]!, { nickname: 'x' })),
      /people\[3\] \(id "E04"\), field "nickname": unknown field/,
    ],
    [
      'a bad enum value',
      mutate((d) => Object.assign(d.reserves[1]!, { tier: 'SOON' })),
      /reserves\[1\] \(id "R02"\), field "tier": must be one of NEAR_TERM, MID_TERM, LONG_TERM, got "SOON"/,
    ],
    [
      'a date that does not exist',
      mutate((d) => Object.assign(d.people[0]!, { birthDate: '1968-02-30' })),
      /people\[0\] \(id "E01"\), field "birthDate": must be a date YYYY-MM-DD, got "1968-02-30"/,
    ],
    [
      'a date in another format',
      mutate((d) => Object.assign(d.positions[0]!, { termEnds: '2028/06/30' })),
      /positions\[0\] \(code "C01-P1"\), field "termEnds": must be a date/,
    ],
    [
      'a duplicate code',
      mutate((d) => d.units.push({ ...d.units[1]! })),
      /units\[5\] \(code "A"\), field "code": duplicate: "A" is also units\[1\]/,
    ],
    [
      'a dangling reference',
      mutate((d) => Object.assign(d.reserves[0]!, { personId: 'E99' })),
      /reserves\[0\] \(id "R01"\), field "personId": refers to person "E99", which does not exist/,
    ],
    [
      'a missing required field',
      mutate((d) => delete d.units[2]!.name),
      /units\[2\] \(code "A1"\), field "name": is missing/,
    ],
    [
      'a null in a required field',
      mutate((d) => Object.assign(d.trainings[0]!, { completed: null })),
      /trainings\[0\], field "completed": must not be null/,
    ],
    [
      'a cycle in the unit tree',
      mutate((d) => Object.assign(d.units[0]!, { parentCode: 'A1' })),
      /field "parentCode": makes a cycle in the unit tree/,
    ],
    [
      'two open entries for one person',
      mutate((d) => d.reserves.push({ ...d.reserves[0]!, id: 'R99' })),
      /reserves\[6\] \(id "R99"\), field "personId": person "E06" already has an open entry, reserves\[0\]/,
    ],
    [
      'two assessments for one year',
      mutate((d) => d.assessments.push({ ...d.assessments[0]! })),
      /assessments\[3\], field "year": duplicate/,
    ],
    [
      'a mentor of an entry that does not exist',
      mutate((d) =>
        d.mentors.push({ reserveId: 'R77', mentorName: '王', mentorPersonId: null, since: '2025-02-01', until: null }),
      ),
      /mentors\[0\], field "reserveId": refers to reserve entry "R77", which does not exist/,
    ],
    [
      'a mentorship that ends before it starts',
      mutate((d) =>
        d.mentors.push({
          reserveId: 'R01',
          mentorName: '王',
          mentorPersonId: 'E01',
          since: '2025-02-01',
          until: '2025-01-01',
        }),
      ),
      /mentors\[0\], field "until": 2025-01-01 is before since 2025-02-01/,
    ],
    [
      'a reserve mentoring themself',
      mutate((d) =>
        d.mentors.push({ reserveId: 'R01', mentorName: '孙', mentorPersonId: 'E06', since: '2025-02-01', until: null }),
      ),
      /mentors\[0\], field "mentorPersonId": person "E06" is the reserve of entry "R01": nobody mentors themself/,
    ],
    [
      'a talk of an unknown kind',
      mutate((d) => d.talks.push({ reserveId: 'R01', kind: 'CHAT', on: '2025-02-01', notes: null })),
      /talks\[0\], field "kind": must be one of LEADERSHIP, HR, MENTOR, got "CHAT"/,
    ],
    [
      'a share out of its bounds',
      mutate((d) => Object.assign(d.assessments[0]!, { incompetentVoteShare: 1.5 })),
      /assessments\[0\], field "incompetentVoteShare": must be at most 1, got 1.5/,
    ],
    [
      'another format version',
      mutate((d) => Object.assign(d, { formatVersion: 3 })),
      /dataset, field "formatVersion": must be 1 or 2, got 3/,
    ],
    ['an unknown top-level array', { ...smallDataset(), votes: [] }, /dataset, field "votes": unknown field/],
    ['malformed JSON', '{"formatVersion": 1, "units": [{"code": "X",}]}', /invalid JSON in units\[0\]/],
    ['a truncated file', datasetText(smallDataset()).slice(0, 300), /file ends before the document is complete/],
    ['a document with no arrays', '{"formatVersion": 1}', /dataset: has none of the arrays units, positions/],
    [
      'a field named twice in a record',
      datasetText(smallDataset()).replace('"name":"甲县"', '"name":"甲县","name":"乙县"'),
      /units\[1\]: field "name" appears twice/,
    ],
    [
      'formatVersion twice',
      '{"formatVersion": 1, "formatVersion": 1, "units": []}',
      /field "formatVersion": appears twice/,
    ],
  ];

  // With --replace the file is checked on its own, so each case shows its own error; the
  // database must still be left exactly as it was.
  for (const [what, data, message] of badCases) {
    it(`rejects ${what} (even with --replace), names the record and field, and changes nothing`, async () => {
      const error = await rejected(data, { replace: true });
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^dataset rejected, nothing was written/);
      expect(await exportText()).toBe(baseline);
    });
  }

  it('rejects a bad record added to a database with data, and changes nothing', async () => {
    const extra = {
      formatVersion: 1,
      units: [{ code: 'A9', name: '甲九镇', parentCode: 'A', kind: 'TOWNSHIP', level: 'HAMLET' }],
    };
    const error = await rejected(extra);
    expect(error.message).toMatch(
      /units\[0\] \(code "A9"\), field "level": must be one of CITY, COUNTY, TOWNSHIP, VILLAGE, DEPARTMENT, got "HAMLET"/,
    );
    expect(await exportText()).toBe(baseline);
  });

  it('rejects records that collide with the database, and accepts new ones beside them', async () => {
    const again = await rejected(smallDataset());
    expect(again.message).toMatch(
      /units\[0\] \(code "C01"\), field "code": duplicate: "C01" is already in the database/,
    );
    const extra = {
      formatVersion: 1,
      units: [{ code: 'A2', name: '甲二镇', parentCode: 'A', kind: 'TOWNSHIP', level: 'TOWNSHIP' }],
      people: [{ ...smallDataset().people[11]!, id: 'E13', unitCode: 'A2' }],
      reserves: [{ ...smallDataset().reserves[0]!, id: 'R10', personId: 'E13', unitCode: 'A2' }],
    };
    const counts = await importDataset(db, dbConfig, { text: JSON.stringify(extra) });
    expect(counts).toMatchObject({ units: 1, people: 1, reserves: 1, positions: 0 });
    const unit = await db.unit.findUniqueOrThrow({ where: { code: 'A2' } });
    const parent = await db.unit.findUniqueOrThrow({ where: { code: 'A' } });
    expect(unit.path).toBe(`${parent.path}${unit.id}.`);
    // An open entry for a person who already has one in the database is refused.
    const twice = await rejected({ formatVersion: 1, reserves: [{ ...extra.reserves[0]!, id: 'R11' }] });
    expect(twice.message).toMatch(
      /reserves\[0\] \(id "R11"\), field "personId": person "E13" already has an open entry in the database/,
    );
  });

  it('replaces everything with --replace, in one step', async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) }, { replace: true });
    expect(await exportText()).toBe(baseline);
    // One audit record for the whole import: what it removed, what it wrote, the file's SHA-256.
    const log = await db.auditLog.findFirstOrThrow({ where: { action: 'dataset.import' }, orderBy: { id: 'desc' } });
    const detail = JSON.parse(log.detail!);
    expect(detail.removed).toMatchObject({ Unit: 6, Person: 13 });
    expect(detail).toMatchObject({ replace: true, counts: { units: 5, people: 12 } });
    expect(detail.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps mentors and talks through export and import, and a file without them still imports', async () => {
    const withRecords = mutate((d) => {
      d.mentors.push(
        { reserveId: 'R01', mentorName: '王市长', mentorPersonId: 'E01', since: '2025-02-01', until: null },
        { reserveId: 'R03', mentorName: '外聘导师', mentorPersonId: null, since: '2024-04-01', until: '2025-04-01' },
      );
      d.talks.push(
        { reserveId: 'R01', kind: 'LEADERSHIP', on: '2025-03-01', notes: '谈工作思路' },
        { reserveId: 'R01', kind: 'HR', on: '2025-06-01', notes: null },
      );
    });
    const file = writeDatasetFile(withRecords);
    await importDataset(db, dbConfig, { file }, { replace: true });
    const text = await exportText();
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
    expect(text).toContain(
      '{"reserveId":"R03","mentorName":"外聘导师","mentorPersonId":null,"since":"2024-04-01","until":"2025-04-01"}',
    );
    const { reserve } = await gqlOk<{
      reserve: { mentors: { mentorName: string }[]; talks: { notes: string | null }[] };
    }>('{ reserve(id: "R01") { mentors { mentorName } talks { notes } } }');
    expect(reserve).toEqual({ mentors: [{ mentorName: '王市长' }], talks: [{ notes: '谈工作思路' }, { notes: null }] });
    // A file written before mentors and talks were in the format (no such arrays) imports as it did.
    const old = JSON.parse(datasetText(smallDataset())) as Record<string, unknown>;
    delete old.mentors;
    delete old.talks;
    await importDataset(db, dbConfig, { text: JSON.stringify(old) }, { replace: true });
    expect(await exportText()).toBe(baseline);
    expect(await db.mentor.count()).toBe(0);
  });

  it('round-trips a generated county exactly: generate → import → export', async () => {
    const generated = generateDataset({ scale: 'county', seed: 11 });
    const file = writeDatasetFile(generated);
    await importDataset(db, dbConfig, { file }, { replace: true });
    expect(await exportText()).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('writes the procedure records handed beside a generated file (the demo), and exports the file as it was', async () => {
    const generated = generateDataset({ scale: 'county', seed: 11 });
    const procedure = generateProcedure(generated, { seed: 11 });
    const file = writeDatasetFile(generated);
    await importDataset(db, dbConfig, { file }, { replace: true, actor: '演示数据', procedure });
    expect(await exportText()).toBe(fs.readFileSync(file, 'utf8'));
    const publicizing = generated.reserves.filter((r) => r.status === 'PUBLICIZING');
    expect(publicizing.length).toBeGreaterThan(0);
    expect(await db.publicNotice.count()).toBe(publicizing.length);
    expect(await db.inspection.count()).toBe(procedure.inspections.length);
    expect(await db.recommendationTally.count()).toBe(procedure.rounds.reduce((n, r) => n + r.tallies.length, 0));
    // An entry in 公示: its history shows the steps, its notice is the recorded window.
    const entry = publicizing[0]!.id as string;
    const history = await db.reserveStatusChange.findMany({ where: { reserveCode: entry }, orderBy: { id: 'asc' } });
    expect(history.map((h) => [h.from, h.to, h.reason, h.actor])).toEqual([
      [null, 'NOMINATED', '数据导入', '演示数据'],
      ['NOMINATED', 'INSPECTING', null, '演示数据'],
      ['INSPECTING', 'PUBLICIZING', null, '演示数据'],
    ]);
    const notice = procedure.notices.find((n) => n.reserveId === entry)!;
    expect(await openNotice(db, entry, DEFAULT_POLICY)).toMatchObject({
      startsOn: notice.startsOn,
      endsOn: notice.endsOn,
    });
    // A round's tallies belong to it: the gate reads it as passed.
    const round = procedure.rounds.find(
      (r) => r.tallies.length > 0 && generated.reserves.find((x) => x.id === r.reserveId)!.status === 'INSPECTING',
    )!;
    expect((await latestRound(db, round.reserveId, '2026-07-01', DEFAULT_POLICY))?.tally.passed).toBe(true);
  });

  it('is reachable from GraphQL, with the same all-or-nothing errors', async () => {
    const bad = mutate((d) => Object.assign(d.reserves[0]!, { unitCode: 'Z9' }));
    const result = await gql(
      `mutation($d: String!) { importDataset(input: { dataset: $d, replace: true }) { units } }`,
      {
        d: JSON.stringify(bad),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.issues).toEqual([
      {
        record: 'reserves[0] (id "R01")',
        field: 'unitCode',
        message: 'refers to unit "Z9", which does not exist',
        messageKey: 'dataset.missingUnit',
        params: { key: 'Z9' },
      },
    ]);
    // In Chinese for a Chinese reader.
    const zh = await gql(
      `mutation($d: String!) { importDataset(input: { dataset: $d, replace: true }) { units } }`,
      { d: JSON.stringify(bad) },
      { headers: { 'accept-language': 'zh-CN' } },
    );
    const zhIssues = zh.errors?.[0]?.extensions?.issues as { message: string }[] | undefined;
    expect(zhIssues?.[0]?.message).toBe('所指单位“Z9”不存在');
    const ok = await gql(
      `mutation($d: String!) { importDataset(input: { dataset: $d, replace: true }) { units people reserves } }`,
      {
        d: datasetText(smallDataset()),
      },
    );
    expect(ok).toEqual({ data: { importDataset: { units: 5, people: 12, reserves: 6 } } });
    expect(await exportText()).toBe(baseline);
  });
});
