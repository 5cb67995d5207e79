// The process's analytical copy, wired to the configured database: the server hands the
// analytics layer its connections (analytics/ never imports the data layer). Opened on first
// use; `npm start` opens it before saying ready.
import { AnalyticsCopy } from '../analytics/copy.ts';
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

let opening: Promise<AnalyticsCopy> | undefined;
let opened: AnalyticsCopy | undefined;

export function analytics(): Promise<AnalyticsCopy> {
  opening ??= AnalyticsCopy.open(copySource(dbConfig)).then((copy) => {
    opened = copy;
    return copy;
  });
  return opening;
}

/** The copy's data version (the last change applied), or null before it is loaded: for /health. */
export function dataVersion(): number | null {
  return opened ? opened.version : null;
}
