// Pages of a list: `first` (or `last`) is bounded with an error, never cut silently.
import { domainError } from '../../domain/errors.ts';
import { LIMITS } from '../limits-config.ts';

export function checkPage(args: { first?: number | null; last?: number | null }): void {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > LIMITS.maxPage))
      throw domainError('BAD_USER_INPUT', `${name} must be between 0 and ${LIMITS.maxPage}, got ${n}`, { field: name });
  }
}
