// Imports point one way (docs/decisions/010-layers-and-data-version.md): the domain at the
// bottom; the data layer and the services on it; the analytical layer on the domain alone (the
// server hands it its database connections); the GraphQL schema above all of them; the server
// entry on top. This test reads every import of every source file and fails on one that points
// the wrong way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

type Layer =
  | 'domain'
  | 'data'
  | 'services'
  | 'analytics-infra'
  | 'analytics-features'
  | 'wiring'
  | 'documents'
  | 'graphql'
  | 'entry'
  | 'web';

/** The layer of a file (relative to the repository root); null: not layered (tests, scripts). */
function layerOf(file: string): Layer | null {
  if (file.startsWith('domain/')) return 'domain';
  if (file.startsWith('server/db/')) return 'data';
  if (/^server\/(dataset|policy|reserves|auth|audit|planning|interchange)\//.test(file)) return 'services';
  if (/^analytics\/(metrics|compliance|planning)\//.test(file) || file === 'analytics/operational.ts')
    return 'analytics-features';
  if (file.startsWith('analytics/')) return 'analytics-infra';
  if (file === 'server/analytics.ts') return 'wiring';
  if (file.startsWith('server/documents/')) return 'documents';
  if (file.startsWith('server/schema/') || /^server\/(builder|context|errors|lang|limits-config)\.ts$/.test(file))
    return 'graphql';
  if (file.startsWith('server/')) return 'entry';
  if (file.startsWith('web/')) return 'web';
  return null;
}

const ALLOWED: Record<Layer, Layer[]> = {
  domain: ['domain'],
  data: ['domain', 'data'],
  services: ['domain', 'data', 'services'],
  // The analytical layer never imports the data layer or the server: it is handed a reader.
  'analytics-infra': ['domain', 'analytics-infra'],
  // Infrastructure (the copy, tables, dialect, segments) never imports a feature (a metric).
  'analytics-features': ['domain', 'analytics-infra', 'analytics-features'],
  wiring: ['domain', 'data', 'analytics-infra'],
  // Documents (forms, cards, reports) lay out what the services and the analytics give them.
  documents: ['domain', 'data', 'services', 'analytics-infra', 'analytics-features', 'documents'],
  graphql: ['domain', 'data', 'services', 'analytics-infra', 'analytics-features', 'wiring', 'documents', 'graphql'],
  entry: [
    'domain',
    'data',
    'services',
    'analytics-infra',
    'analytics-features',
    'wiring',
    'documents',
    'graphql',
    'entry',
  ],
  web: ['domain', 'web'],
};

/** The relative imports of a source text (static, re-exports and dynamic). */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of source.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

/** Every import of `file` (repository-relative) that its layer may not make. */
function wrongWay(file: string, source: string): string[] {
  const from = layerOf(file);
  if (!from) return [];
  return importsOf(source)
    .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)))
    .filter((target) => {
      const to = layerOf(target);
      return to !== null && !ALLOWED[from].includes(to);
    })
    .map((target) => `${file} (${from}) imports ${target} (${layerOf(target)})`);
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.parentPath.includes('generated'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.includes('node_modules') && !f.startsWith('web/dist'));
}

describe('layers', () => {
  it('every import points down or sideways', () => {
    const files = ['domain', 'server', 'analytics', 'web'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => wrongWay(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('names the import that points the wrong way', () => {
    // The checker itself: the kinds of mistake the review found, each caught.
    expect(wrongWay('analytics/scope.ts', "import { scopedUnit } from '../server/schema/unit.ts';")).toEqual([
      'analytics/scope.ts (analytics-infra) imports server/schema/unit.ts (graphql)',
    ]);
    expect(wrongWay('analytics/copy.ts', "import type { Engine } from './compliance/report.ts';")).toHaveLength(1);
    expect(
      wrongWay('analytics/metrics/x.ts', "const { db } = await import('../../server/db/client.ts');"),
    ).toHaveLength(1);
    expect(wrongWay('domain/rules.ts', "export { x } from '../server/db/raw.ts';")).toHaveLength(1);
    expect(wrongWay('server/schema/x.ts', "import { x } from '../../analytics/copy.ts';")).toEqual([]);
  });
});
