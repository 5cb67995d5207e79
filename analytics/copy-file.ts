// Where a persisted analytical copy lives (docs/decisions/046): a folder holding one DuckDB file
// per full load and a `current` file naming the one that is whole. A load writes a new file and
// names it in `current` only once it is complete and checkpointed (the name is replaced by an
// atomic rename), so a load cut short leaves a file nobody names, which the next start deletes:
// a half-written copy is never served. Refreshes go into the named file in DuckDB transactions
// (its write-ahead log makes each one all or nothing across a crash), each moving the stamp
// with them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { duckdb } from './dialect.ts';
import { DERIVED, TABLES } from './tables.ts';

/** The stamp table of every copy: what it holds, of which database, at which change. */
export const STAMP_TABLE = '_copy_stamp';

export const STAMP_COLUMNS = '"version" INTEGER, "change_at" VARCHAR, "layout" VARCHAR, "rows" BIGINT';

/**
 * The copy's layout: its tables, columns and derivations. A file written by another release
 * whose layout differs is not read (the queries would not fit it); it is loaded again.
 */
export const LAYOUT: string = createHash('sha256')
  .update(
    JSON.stringify({
      tables: TABLES.map((t) => [t.name, t.columns.map(([n, type]) => [n, type]), t.key ?? null]),
      derived: DERIVED.map((d) => [d.name, d.sql(duckdb)]),
    }),
  )
  .digest('hex')
  .slice(0, 16);

const CURRENT = 'current';
/** The folder DuckDB spills into beyond its memory limit (kept by the sweep). */
export const SPILL = 'spill';

/** The folders a copy of this process holds (DuckDB's file lock keeps out other processes only). */
const held = new Set<string>();

/** The folder's files: the one `current` names, and the path a new load writes. */
export class CopyFolder {
  constructor(readonly dir: string) {}

  /** Takes the folder for one copy of this process; false when another copy of it has it. */
  claim(): boolean {
    const key = path.resolve(this.dir);
    if (held.has(key)) return false;
    held.add(key);
    return true;
  }

  release(): void {
    held.delete(path.resolve(this.dir));
  }

  /** The complete copy's file, or null when none is named (or the named one is gone). */
  current(): string | null {
    let name: string;
    try {
      name = fs.readFileSync(path.join(this.dir, CURRENT), 'utf8').trim();
    } catch {
      return null;
    }
    if (!/^copy-[\w-]+\.duckdb$/.test(name)) return null;
    const file = path.join(this.dir, name);
    return fs.existsSync(file) ? file : null;
  }

  /** A new file's path for a full load (unique: the process and the time). */
  next(): string {
    fs.mkdirSync(this.dir, { recursive: true });
    return path.join(this.dir, `copy-${Date.now().toString(36)}-${process.pid}.duckdb`);
  }

  /** Names `file` the complete copy: written aside, then renamed over `current` (atomic). */
  publish(file: string): void {
    const aside = path.join(this.dir, `${CURRENT}.${process.pid}.tmp`);
    fs.writeFileSync(aside, `${path.basename(file)}\n`);
    const fd = fs.openSync(aside, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(aside, path.join(this.dir, CURRENT));
  }

  /** Deletes a copy's file and its write-ahead log. */
  remove(file: string): void {
    for (const f of [file, `${file}.wal`]) fs.rmSync(f, { force: true });
  }

  /** Deletes every file but the named copy's (loads cut short, copies replaced). */
  sweep(keep: string | null): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    const kept = keep ? path.basename(keep) : null;
    for (const name of names) {
      if (name === CURRENT || name === kept || name === `${kept}.wal` || name === SPILL) continue;
      // Another live process's load (a second server on the database) is left to it.
      const pid = Number(/^(?:copy-\w+-|current\.)(\d+)/.exec(name)?.[1]);
      if (pid && pid !== process.pid && alive(pid)) continue;
      if (/^copy-|^current\..*\.tmp$/.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
