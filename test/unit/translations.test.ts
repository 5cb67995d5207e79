// The dashboard speaks Chinese by default and English on request: both translation files carry the
// same keys, and every literal key the pages ask for exists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const web = path.resolve(import.meta.dirname, '../../web/src');
const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(web, 'i18n', `${lang}.json`), 'utf8'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('translations', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    const zh = read('zh-CN');
    const en = read('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v, k).not.toBe('');
  });

  it('cover every literal key the dashboard uses', () => {
    const zh = read('zh-CN');
    const used = new Set<string>();
    for (const file of sources(web))
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in zh))).toEqual([]);
  });
});
