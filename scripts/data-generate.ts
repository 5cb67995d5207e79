// npm run data:generate -- --scale county|city|province|national --seed N --out FILE [--ref-date YYYY-MM-DD]

import { isIsoDate } from '../domain/dates.ts';
import { ARRAYS } from '../server/dataset/format.ts';
import { DEFAULT_REF_DATE, generateDataset, SCALES, type Scale } from '../server/dataset/synthetic.ts';
import { writeDataset } from '../server/dataset/write.ts';
import { flag, peakMemory, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  const scale = flag(argv, 'scale') ?? 'city';
  const seed = Number(flag(argv, 'seed') ?? '1');
  const out = flag(argv, 'out');
  const refDate = flag(argv, 'ref-date') ?? DEFAULT_REF_DATE;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}, got "${scale}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${flag(argv, 'seed')}"`);
  if (!out) throw new Error('--out FILE is required');
  if (!isIsoDate(refDate)) throw new Error(`--ref-date must be YYYY-MM-DD, got "${refDate}"`);
  const started = performance.now();
  const data = generateDataset({ scale: scale as Scale, seed, refDate });
  writeDataset(out, data);
  const counts = ARRAYS.map((a) => `${a} ${data[a].length}`).join(', ');
  console.log(
    `wrote ${out}: ${counts} (${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${peakMemory()})`,
  );
});
