// The process's analytical copy: opened on first use, refreshed after every committed write.
import { dbConfig } from '../server/db/client.ts';
import { onWrite } from '../server/db/writes.ts';
import { AnalyticsCopy } from './copy.ts';

let opening: Promise<AnalyticsCopy> | undefined;

export function analytics(): Promise<AnalyticsCopy> {
  opening ??= AnalyticsCopy.open(dbConfig);
  return opening;
}

onWrite(async ({ entity, keys }) => {
  if (!opening) return; // not loaded yet: the first use loads what is committed now
  const copy = await opening;
  if (entity === 'Policy') return; // metrics read the policy from the operational database
  if (entity === 'ReserveEntry' && keys?.length) await copy.refresh('reserves', keys);
  else await copy.reload();
});
