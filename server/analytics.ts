// The process's analytical copy, wired to the configured database: the server hands the
// analytics layer its connections (analytics/ never imports the data layer). Opened on first
// use; `npm start` opens it before saying ready.
import path from 'node:path';
import { AnalyticsCopy, type CopyOptions } from '../analytics/copy.ts';
import type { CopySource } from '../analytics/source.ts';
import { dbConfig } from './db/client.ts';
import type { DatabaseConfig } from './db/config.ts';
import { listen, openRaw } from './db/raw.ts';

/** The change log's notification channel (the PostgreSQL trigger of migration change_log). */
export const CHANGES_CHANNEL = 'reserve_changes';

export function copySource(config: DatabaseConfig): CopySource {
  return {
    open: () => openRaw(config, { readonly: config.provider === 'sqlite' }),
    subscribe: config.provider === 'postgresql' ? (onChange) => listen(config, CHANGES_CHANNEL, onChange) : undefined,
  };
}

/**
 * Where the copy is persisted (docs/decisions/046): `ANALYTICS_COPY_DIR`, or `memory` for none;
 * by default, for SQLite, a folder beside the database file (`data/reserve.db-analytics/`), and
 * for PostgreSQL none (a deployment names a local folder per replica).
 */
export function copyFolder(config: DatabaseConfig, setting = process.env.ANALYTICS_COPY_DIR): string | null {
  if (setting === 'memory') return null;
  if (setting) return path.resolve(setting);
  return config.provider === 'sqlite' && config.file ? `${config.file}-analytics` : null;
}

/**
 * Settings an operator may change (docs/decisions/024, 046): the wait before retrying a failed
 * reload, the persisted copy's folder and its memory limit.
 */
function copyOptions(): Partial<CopyOptions> {
  const retry = Number(process.env.ANALYTICS_RETRY_MS);
  return {
    ...(retry > 0 ? { retryMs: retry, retryMaxMs: Math.max(retry, 10 * 60_000) } : {}),
    folder: copyFolder(dbConfig),
    ...(process.env.ANALYTICS_MEMORY_LIMIT ? { memoryLimit: process.env.ANALYTICS_MEMORY_LIMIT } : {}),
  };
}

let opening: Promise<AnalyticsCopy> | undefined;
let opened: AnalyticsCopy | undefined;

export function analytics(): Promise<AnalyticsCopy> {
  opening ??= AnalyticsCopy.open(copySource(dbConfig), copyOptions()).then(
    (copy) => {
      opened = copy;
      return copy;
    },
    (error) => {
      // A first load that failed is tried again by the next request, not remembered.
      opening = undefined;
      throw error;
    },
  );
  return opening;
}

/** The copy, caught up with the last committed change: what a request reads. */
export async function caughtUpAnalytics(): Promise<AnalyticsCopy> {
  const copy = await analytics();
  await copy.catchUp();
  return copy;
}

/** The copy's data version (the last change applied), or null before it is loaded: for /health. */
export function dataVersion(): number | null {
  return opened ? opened.version : null;
}

/** What the copy is doing, in one line (`ready`, `catching up`, `stale since …`, `failed: …`): for /health. */
export function analyticsHealth(): { state: string; ok: boolean } {
  if (!opened) return { state: opening ? 'loading' : 'not loaded', ok: true };
  return { state: opened.health(), ok: opened.state.status !== 'failed' };
}
