// Every text and list handed in is checked before anything runs or is written: no control,
// bidirectional-control or half characters, texts and lists of bounded length — through GraphQL
// (literal or variable) and in dataset imports, with the field named and nothing changed. On
// PostgreSQL a NUL once reached the database and came back as INTERNAL_SERVER_ERROR.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../domain/text.ts';
import { importDataset } from '../../server/dataset/import.ts';
import { DatasetError } from '../../server/dataset/validate.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql } from '../helpers/graphql.ts';

const refusal = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  code: r.errors?.[0]?.extensions?.code,
  field: r.errors?.[0]?.extensions?.field,
  message: r.errors?.[0]?.message,
});

const remove = (reason: string) =>
  gql(
    'mutation ($r: String) { transitionReserve(input: { reserveId: "R01", to: REMOVED, on: "2026-11-01", reason: $r }) { status } }',
    {
      r: reason,
    },
  );

describe('text and lists handed in', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('refuses NUL, bidirectional controls and half characters in any text, naming the field', async () => {
    const nul = await remove('调离\u0000');
    expect(refusal(nul)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      message: 'input.reason holds a control character (U+0000) at position 3',
    });
    // Written in the operation's text, inside an input object.
    const literal = await gql(
      'mutation { transitionReserve(input: { reserveId: "R01", to: REMOVED, on: "2026-11-01", reason: "ab\\u202Ec" }) { status } }',
    );
    expect(refusal(literal)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      message: 'input.reason holds a bidirectional control character (U+202E) at position 3',
    });
    const search = await gql('query ($s: String) { units(search: $s) { edges { node { code } } } }', { s: 'x\ud800' });
    expect(refusal(search)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect(refusal(search).message).toMatch(/half a character \(a lone surrogate, U\+D800\)/);
    // Nothing was written: R01 is still in the pool.
    expect((await db.reserveEntry.findUniqueOrThrow({ where: { code: 'R01' } })).status).toBe('ACTIVE');
    // Ordinary text with line breaks and tabs passes.
    const ok = await gql('{ units(search: "甲\\t县\\n") { edges { node { code } } } }');
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a text longer than the bound and a list longer than the bound, before running', async () => {
    const long = await remove('长'.repeat(MAX_TEXT + 1));
    expect(refusal(long)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      message: `input.reason must be at most ${MAX_TEXT} characters, got ${MAX_TEXT + 1}`,
    });
    const note = await gql(
      'mutation ($n: String) { setPolicy(input: { effectiveFrom: "2030-01-01", overrides: {}, note: $n }) { id } }',
      { n: 'x'.repeat(20 * 1024 * 1024) },
    );
    expect(refusal(note)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(await db.policyVersion.count({ where: { note: { startsWith: 'xxx' } } })).toBe(0);
    const ids = await gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 100_000 }, (_, i) => `ReserveEntry:R${i}`),
    });
    expect(refusal(ids)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'ids',
      message: 'ids must hold at most 1000 values, got 100000',
    });
  });

  it('refuses an import holding such text, an impossible birth date or an overlong name, changing nothing', async () => {
    const before = await db.person.count();
    const attempt = async (change: (d: ReturnType<typeof smallDataset>) => void) => {
      const d = smallDataset();
      change(d);
      const error = await importDataset(db, dbConfig, { text: JSON.stringify(d) }, { replace: true }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatasetError);
      return (error as DatasetError).issues[0];
    };
    expect(
      await attempt((d) => {
        d.people[0]!.name = '王\u0000市长';
      }),
    ).toEqual({
      record: 'people[0] (id "E01")',
      field: 'name',
      message: 'holds a control character (U+0000) at position 2',
      // The problem by its message key too, to be read in any language.
      messageKey: 'text.control',
      params: { char: 'U+0000', position: 2 },
    });
    expect(
      await attempt((d) => {
        d.people[1]!.birthDate = '0001-01-01';
      }),
    ).toMatchObject({
      record: 'people[1] (id "E02")',
      field: 'birthDate',
      message: expect.stringMatching(/from 1900-01-01/),
    });
    expect(
      await attempt((d) => {
        d.people[1]!.birthDate = '9999-12-31';
      }),
    ).toMatchObject({ field: 'birthDate' });
    expect(
      await attempt((d) => {
        d.people[2]!.birthDate = '2099-01-01';
      }),
    ).toMatchObject({ field: 'birthDate', message: expect.stringMatching(/must not be after today/) });
    expect(
      await attempt((d) => {
        d.people[3]!.name = '名'.repeat(1024 * 1024);
      }),
    ).toMatchObject({ field: 'name', message: 'must be at most 200 characters, got 1048576' });
    expect(await db.person.count()).toBe(before);
  });
});
