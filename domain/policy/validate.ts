// Checks a policy override against the shape of the defaults: known keys only, numbers where
// numbers are, shares within [0, 1]. Errors name the path ("ageLimit.PRINCIPAL").
import { DEFAULT_POLICY } from './defaults.ts';

const SHARE_KEYS = /(Share|share|Coverage|Tolerance|cadreTrainingRate|coverage)$/;

export function policyOverrideProblems(overrides: unknown): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const walk = (value: unknown, shape: unknown, path: string) => {
    if (Array.isArray(shape)) {
      if (!Array.isArray(value)) problems.push({ path, message: 'must be a list' });
      return;
    }
    if (shape !== null && typeof shape === 'object') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ path: path || '(overrides)', message: 'must be an object' });
        return;
      }
      for (const [key, v] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (!(key in (shape as object))) problems.push({ path: child, message: 'is not a policy setting' });
        else walk(v, (shape as Record<string, unknown>)[key], child);
      }
      return;
    }
    if (typeof shape === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        problems.push({ path, message: `must be a number ≥ 0, got ${JSON.stringify(value)}` });
      else if (SHARE_KEYS.test(path) && value > 1)
        problems.push({ path, message: `is a share and must be at most 1, got ${value}` });
      return;
    }
    if (typeof shape === 'string' && typeof value !== 'string')
      problems.push({ path, message: `must be text, got ${JSON.stringify(value)}` });
  };
  walk(overrides, DEFAULT_POLICY, '');
  return problems;
}
