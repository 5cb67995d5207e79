// Pages of a list: `first` (or `last`) is bounded with an error, never cut silently.
import { refusal } from '../../domain/errors.ts';
import { fieldParam } from '../../domain/messages.ts';
import { LIMITS } from '../limits-config.ts';

export function checkPage(args: { first?: number | null; last?: number | null }): void {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > LIMITS.maxPage))
      throw refusal(
        'BAD_USER_INPUT',
        'input.pageRange',
        { name: fieldParam(name), max: LIMITS.maxPage, value: n },
        { field: name },
      );
  }
}
