// The dashboard as the server serves it (web/dist, built by `npm install`): the application page
// at / and at any client route, hashed assets cached for good, nothing outside web/dist/assets.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { handle } from '../../server/yoga.ts';

const get = (p: string) => handle(new Request(`http://test${p}`));
const assets = path.resolve(import.meta.dirname, '../../web/dist/assets');

describe('the dashboard', () => {
  it('serves the application page at / and at client routes, never cached stale', async () => {
    for (const p of ['/', '/overview?unit=A&asOf=2026-01-01']) {
      const r = await get(p);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(r.headers.get('cache-control')).toBe('no-cache');
      const html = await r.text();
      expect(html).toMatch(/后备干部/);
      expect(html).toMatch(/<div id="root">/);
    }
  });

  it('serves a built asset with its type, cached for good', async () => {
    const script = fs.readdirSync(assets).find((f) => f.endsWith('.js'))!;
    const r = await get(`/assets/${script}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/javascript/);
    expect(r.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('sends scripts gzip-compressed to a browser that accepts it, and plain otherwise', async () => {
    const script = fs.readdirSync(assets).find((f) => f.endsWith('.js'))!;
    const original = fs.readFileSync(path.join(assets, script));
    const zipped = await handle(
      new Request(`http://test/assets/${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }),
    );
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('accept-encoding');
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(original.length);
    expect(gunzipSync(body).equals(original)).toBe(true);
    const plain = await get(`/assets/${script}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
  });

  it('serves nothing outside the assets folder', async () => {
    for (const p of [
      '/assets/%2e%2e%2fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/missing.js',
      '/assets/x.ts',
    ])
      expect((await get(p)).status, p).toBe(404);
    // A path that climbs out is normalised by the URL first: it is a client route, the page.
    const climbed = await get('/assets/../../package.json');
    expect(climbed.headers.get('content-type')).toMatch(/text\/html/);
    expect(await climbed.text()).not.toMatch(/reserve-cadre-planner/);
    expect((await handle(new Request('http://test/', { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});
