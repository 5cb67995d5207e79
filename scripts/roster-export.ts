// npm run roster:export -- OUT.xlsx [--unit CODE] [--status STATUS[,STATUS…]|ALL]
// Writes the 后备干部名册 (docs/interchange.md): one row per entry of the unit's subtree (default
// the whole tree) with the status (default ACTIVE: in the pool), in the standard columns, with a
// title row, frozen header, filters and A4 landscape print setup. Streams: a national roster
// keeps memory bounded.
import { RESERVE_STATUSES } from '../domain/enums.ts';
import { enumLabel } from '../domain/messages.ts';
import { databaseConfig } from '../server/db/config.ts';
import { migrate } from '../server/db/migrations.ts';
import { flag, peakMemory, positional, runCli } from './args.ts';

await runCli(async () => {
  const argv = process.argv.slice(2);
  const [out] = positional(argv, ['unit', 'status']);
  if (!out) throw new Error('usage: npm run roster:export -- OUT.xlsx [--unit CODE] [--status STATUS[,STATUS…]|ALL]');
  const statusFlag = flag(argv, 'status') ?? 'ACTIVE';
  const statuses = statusFlag === 'ALL' ? [...RESERVE_STATUSES] : statusFlag.split(',');
  for (const s of statuses)
    if (!(RESERVE_STATUSES as readonly string[]).includes(s))
      throw new Error(`--status must be one of ${RESERVE_STATUSES.join(', ')} or ALL, got "${s}"`);
  await migrate(databaseConfig());
  const { db } = await import('../server/db/client.ts');
  const { writeRoster, unitPlaces } = await import('../server/interchange/roster.ts');
  const { under } = await import('../server/auth/viewer.ts');
  const code = flag(argv, 'unit');
  const unit = code ? await db.unit.findUnique({ where: { code } }) : null;
  if (code && !unit) throw new Error(`unit "${code}" does not exist`);
  const started = performance.now();
  const today = new Date().toISOString().slice(0, 10);
  const n = await writeRoster(
    db,
    {
      where: { status: { in: statuses as never[] }, ...(unit ? { unit: { path: under(unit.path) } } : {}) },
      title: [
        `${unit?.name ?? '全部单位'}后备干部名册`,
        `统计日期 ${today} · 状态：${statusFlag === 'ALL' ? '全部' : statuses.map((s) => enumLabel('ReserveStatus', s, 'zh-CN')).join('、')} · 导出：cli:${process.env.USER ?? 'unknown'}`,
      ],
      places: await unitPlaces(db, unit?.path ?? ''),
    },
    out,
  );
  await db.$disconnect();
  console.log(
    `wrote ${out}: ${n} entries (${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${peakMemory()})`,
  );
});
