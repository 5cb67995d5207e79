// Searching names for a piece of text, literally: `%` and `_` are characters, not wildcards.
// Prisma's `contains` writes a LIKE pattern without escaping them. PostgreSQL's LIKE escapes with
// a backslash by default, so the text is escaped; SQLite's LIKE has no escape character unless
// the statement says so, so there the few names that hold such characters are found with instr().
import { refusal } from '../../domain/errors.ts';
import { type Db, dbConfig } from './client.ts';

const WILDCARDS = /[\\%_]/;
/**
 * On SQLite the names found become an `IN (…)` list inside a paged, ordered query, which Prisma
 * cannot split: at most this many (a search that finds more is refused, asking for more text).
 */
export const MAX_LITERAL_MATCHES = 500;

/** A Prisma filter on a model's `name` containing `text` literally (`{ id: { in } }` on SQLite). */
export async function nameContains(
  db: Db,
  model: 'Person' | 'Unit',
  text: string,
): Promise<{ name: { contains: string } } | { id: { in: number[] } }> {
  if (!WILDCARDS.test(text)) return { name: { contains: text } };
  if (dbConfig.provider === 'postgresql') return { name: { contains: text.replace(/[\\%_]/g, '\\$&') } };
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT "id" FROM "${model}" WHERE instr("name", ?) > 0 LIMIT ${MAX_LITERAL_MATCHES + 1}`,
    text,
  );
  if (rows.length > MAX_LITERAL_MATCHES)
    throw refusal(
      'BAD_USER_INPUT',
      'search.tooManyMatches',
      { max: MAX_LITERAL_MATCHES, text: text.slice(0, 40) },
      { field: 'search' },
    );
  return { id: { in: rows.map((r) => Number(r.id)) } };
}
