// What one request may ask, and the attacks that worked before the limits existed: each is
// refused with a code and a message, quickly, and changes nothing.
import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/import.ts';
import { db, dbConfig } from '../../server/db/client.ts';
import { handle } from '../../server/yoga.ts';
import { smallDataset, writeDatasetFile } from '../fixtures/small.ts';
import { gql, gqlOk, tokenFor } from '../helpers/graphql.ts';

const raw = async (body: string, headers: Record<string, string>) =>
  handle(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('ADMIN', null)}`, ...headers },
      body,
    }),
  );

describe('limits', () => {
  beforeAll(async () => {
    await importDataset(db, dbConfig, { file: writeDatasetFile(smallDataset()) });
  });

  it('refuses queries that cycle through lists, at any shape', async () => {
    // The 315-byte query that ran the server out of memory: reserve → unit → positions → unit …
    let cycle = 'code';
    for (let i = 0; i < 8; i++) cycle = `positions { unit { ${cycle} } }`;
    const viaUnits = await gql(`{ reserves(first: 100) { edges { node { unit { ${cycle} } } } } }`);
    expect(viaUnits.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaUnits.errors?.[0]?.message).toMatch(/depth|too costly|too deep/);
    // Through people and their entries, shallower but wide.
    let people = 'code';
    for (let i = 0; i < 4; i++) people = `reserveEntries { person { ${people} } }`;
    const viaPeople = await gql(`{ people(first: 100) { edges { node { ${people} } } } }`);
    expect(viaPeople.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Children of children, 2,000 deep.
    const deep = `{ unit(code: "C01") { ${'children { '.repeat(2000)}code${' }'.repeat(2000)} } }`;
    expect((await gql(deep)).errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_PARSE_FAILED)$/);
    // What the dashboard asks is well inside the limits.
    const page = await gqlOk<{ reserves: { edges: unknown[] } }>(`{ reserves(first: 100) { edges { node {
      id code status tier person { name gender age education latestAssessment { year grade } }
      unit { name ancestors { name } } targetPositions { title incumbent { name } } history { from to on } } } } }`);
    expect(page.reserves.edges.length).toBeGreaterThan(0);
  });

  it('refuses a field repeated 10,000 times before validating it', async () => {
    const started = performance.now();
    const r = await gql(`{ ${'me { username } '.repeat(10_000)} }`);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
    expect(r.errors?.[0]?.extensions?.code).toBeDefined();
    // Not a timing target (machines are noisy): a sanity bound far above the refusal's cost.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a validation bomb before validating it, anonymous or signed in', async () => {
    // 2 900 × `username` under one `me`, 26 KB (under the token limit), a name of its own each time
    // (no parse cache): GraphQL's validation took 1.2–1.6 s of CPU for it.
    const bomb = `query Q${Math.random().toString(36).slice(2)} { me { ${'username '.repeat(2900)}} }`;
    let started = performance.now();
    const anonymous = await gql(bomb, {}, { anonymous: true });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(anonymous.errors?.[0]).toMatchObject({
      message: 'without credentials a request may have at most 4096 bytes; sign in first',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    started = performance.now();
    const signedIn = await gql(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(signedIn.errors?.[0]).toMatchObject({
      message: 'the operation asks for 2901 fields; at most 1000',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // Anything but the open fields, without credentials: refused before validation too.
    const closed = await gql('{ units { edges { node { code } } } }', {}, { anonymous: true });
    expect(closed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // One name 50 times in one selection (well under 1 000 fields): refused before validation.
    const repeated = await gql(`{ me { ${'username '.repeat(50)}} }`);
    expect(repeated.errors?.[0]?.message).toBe(
      'the operation asks for "username" 50 times in one selection; at most 20',
    );
  });

  it('keeps bodies above 1 MB for those who may import a dataset, refused before they are parsed', async () => {
    const big = JSON.stringify({
      query: 'query ($s: String) { units(search: $s) { edges { node { code } } } }',
      variables: { s: 'x'.repeat(2 * 1024 * 1024) },
    });
    const as = async (role: 'LEADER' | 'ADMIN') =>
      handle(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(big)),
            authorization: `Bearer ${await tokenFor(role, null)}`,
          },
          body: big,
        }),
      );
    const leader = await as('LEADER');
    expect(leader.status).toBe(413);
    // Without Accept-Language: in Chinese, with the message's key and parameters.
    expect((await leader.json()).errors[0]).toEqual({
      message: '超过 1048576 字节的请求体仅用于导入数据集（须由管辖全部单位的管理员操作）',
      extensions: { code: 'PAYLOAD_TOO_LARGE', messageKey: 'http.largeBodyForImport', params: { max: 1048576 } },
    });
    // An administrator of the whole tree may send it (imports are that large); its text is then
    // refused by its own bound.
    const admin = await as('ADMIN');
    expect((await admin.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it('gives callers without credentials a small budget per address', async () => {
    const anonymous = (address: string) =>
      handle(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ me { username } }"}',
        }),
        { address },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) statuses.push((await anonymous('10.9.9.9')).status);
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    const over = await anonymous('10.9.9.9');
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('10');
    expect((await over.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another address, and a signed-in caller from the same one, are not affected.
    expect((await anonymous('10.9.9.10')).status).toBe(200);
    const signed = await handle(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('ADMIN', null)}` },
        body: '{"query":"{ me { username } }"}',
      }),
      { address: '10.9.9.9' },
    );
    expect(signed.status).toBe(200);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: me { username }`).join(' ');
    expect((await gql(`{ ${aliases} }`)).errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses bodies that are not JSON, too large, or nested too deep', async () => {
    const form = await raw('query=mutation{importDataset(input:{dataset:"{}",replace:true}){units}}', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const multipart = await raw('--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' });
    expect(multipart.status).toBe(415);
    const deep = await raw(`{"query":"{ me { username } }","variables":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, {
      'content-type': 'application/json',
    });
    expect(deep.status).toBe(400);
    expect((await deep.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const big = await raw('{"query":"{ me { username } }"}', {
      'content-type': 'application/json',
      'content-length': String(800 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    // Malformed JSON is refused without being echoed back (anonymous callers too).
    const malformed = await handle(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: `{"query": "{ me { username } }", "x": ${'SECRET'.repeat(300)}}`,
      }),
    );
    expect(malformed.status).toBe(400);
    const answer = await malformed.text();
    expect(answer).not.toContain('SECRET');
    expect(JSON.parse(answer)).toEqual({
      errors: [
        {
          message: 'the body is not valid JSON',
          extensions: { code: 'BAD_USER_INPUT', messageKey: 'http.badJson', params: {} },
        },
      ],
    });
    expect(await db.unit.count()).toBe(5); // nothing was imported
  });

  it('refuses a page of another origin posting an operation, whatever it carries', async () => {
    const wipe = JSON.stringify({
      query: 'mutation { importDataset(input: { dataset: "{}", replace: true }) { units } }',
    });
    const foreign = await raw(wipe, { 'content-type': 'application/json', origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    const opaque = await raw(wipe, { 'content-type': 'application/json', origin: 'null' });
    expect(opaque.status).toBe(403);
    // A GET that a link or an image could send needs the CSRF header (and mutations never run by GET).
    const get = await handle(
      new Request(`http://test/graphql?query=${encodeURIComponent('{ me { username } }')}`, {
        headers: { authorization: `Bearer ${await tokenFor('ADMIN', null)}` },
      }),
    );
    expect(get.status).toBe(403);
    expect(await db.unit.count()).toBe(5);
  });

  it('refuses a page above 100 rows instead of cutting it', async () => {
    const r = await gql('{ reserves(first: 101) { totalCount } }');
    expect(r.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 100, got 101',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('bounds dates and numbers at the edge, with a code', async () => {
    const farDate = await gql(
      'mutation { transitionReserve(input: { reserveId: "R02", to: INSPECTING, on: "9999-12-31" }) { status } }',
    );
    expect(farDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await db.reserveEntry.findUniqueOrThrow({ where: { code: 'R02' } })).status).toBe('NOMINATED');
    const zero = await gql('{ poolStructure(unitCode: "C01", asOf: "0000-01-01") { total } }');
    expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ages = await gql('{ reserves(first: 1, filter: { ageMin: -5, ageMax: 1000000 }) { totalCount } }');
    expect(ages.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const horizon = await gqlOk<{ successionGaps: { horizonEnd: string } }>(
      '{ successionGaps(unitCode: "C01", asOf: "2100-12-31", horizonYears: 30) { horizonEnd } }',
    );
    expect(horizon.successionGaps.horizonEnd).toBe('2130-12-31'); // printable
  });

  it('does not echo a long input back', async () => {
    const long = 'X'.repeat(10_000);
    const r = await gql(`{ reserveRatio(unitCode: "${long}") { unitCode } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r).length).toBeLessThan(1000);
  });

  it('searches % and _ literally', async () => {
    const r = await gqlOk<{ a: { totalCount: number }; b: { totalCount: number }; c: { totalCount: number } }>(
      '{ a: people(first: 1, filter: { search: "%" }) { totalCount } b: reserves(first: 1, filter: { search: "_" }) { totalCount } c: units(first: 1, search: "%") { edges { node { code } } } }',
    );
    expect([r.a.totalCount, r.b.totalCount]).toEqual([0, 0]);
  });

  it('runs a mutation once for an Idempotency-Key; a retry gets the first answer', async () => {
    const step = JSON.stringify({
      query: 'mutation { transitionReserve(input: { reserveId: "R02", to: INSPECTING, on: "2026-10-01" }) { status } }',
    });
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'step-R02-1' };
    const first = await (await raw(step, headers)).json();
    const retry = await (await raw(step, headers)).json();
    expect(first).toEqual({ data: { transitionReserve: { status: 'INSPECTING' } } });
    expect(retry).toEqual(first);
    expect(await db.reserveStatusChange.count({ where: { reserveCode: 'R02', to: 'INSPECTING' } })).toBe(1);
    const other = JSON.stringify({
      query:
        'mutation { transitionReserve(input: { reserveId: "R02", to: PUBLICIZING, on: "2026-10-02" }) { status } }',
    });
    expect((await (await raw(other, headers)).json()).errors[0].extensions.code).toBe('CONFLICT');
  });

  it('never keeps a secret for a repeat: a token is shown once, the repeat says it was done', async () => {
    const mint = JSON.stringify({ query: 'mutation { createApiToken(days: 30) { token } }' });
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'mint-1' };
    const first = await (await raw(mint, headers)).json();
    const token = first.data.createApiToken.token as string;
    expect(token.length).toBeGreaterThan(20);
    const user = await db.user.findUniqueOrThrow({ where: { username: 'test-admin-all' } });
    const kept = await db.idempotentRequest.findUniqueOrThrow({
      where: { userId_key: { userId: user.id, key: 'mint-1' } },
    });
    expect(kept.response).not.toContain(token);
    const repeat = await (await raw(mint, headers)).json();
    expect(JSON.stringify(repeat)).not.toContain(token);
    expect(repeat.errors[0]).toMatchObject({
      extensions: { code: 'CONFLICT', alreadyDone: true, messageKey: 'idempotency.secretShown' },
    });
    // Asked without Accept-Language: in Chinese.
    expect(repeat.errors[0].message).toMatch(/已完成.*只显示一次/);
  });

  it('frees a key left pending by a request that died, once no request could still be running', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: 'test-admin-all' } });
    const query =
      'mutation { transitionReserve(input: { reserveId: "R02", to: PUBLICIZING, on: "2026-10-02" }) { status } }';
    const step = JSON.stringify({ query });
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'killed-1' };
    // What a request killed midway (kill -9) leaves: its key pending, with that request's hash.
    const requestHash = createHash('sha256')
      .update(JSON.stringify([print(parse(query)), null, {}]))
      .digest('hex');
    await db.idempotentRequest.create({ data: { userId: user.id, key: 'killed-1', requestHash, response: '' } });
    // Still within the time a request may run: refused as running.
    expect((await (await raw(step, headers)).json()).errors[0].extensions.messageKey).toBe('idempotency.running');
    // Three minutes later it can no longer be running: the retry runs.
    await db.idempotentRequest.update({
      where: { userId_key: { userId: user.id, key: 'killed-1' } },
      data: { createdAt: new Date(Date.now() - 3 * 60_000) },
    });
    const retried = await (await raw(step, headers)).json();
    expect(retried.errors?.[0]?.extensions?.messageKey ?? null).not.toBe('idempotency.running');
  });
});
