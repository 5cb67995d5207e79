// The one fallback of figures kept beside the copy (analytics/kept.ts keptOrComputed): the kept
// answer when there is one, the computed one when the figure is not kept or its kept read fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptOrComputed } from '../../analytics/kept.ts';

describe('a kept figure, or the figure computed from the copy', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the kept figure when it is kept, and computes nothing', async () => {
    const computed = vi.fn(async () => 2);
    expect(await keptOrComputed('alerts', async () => 1, computed)).toBe(1);
    expect(computed).not.toHaveBeenCalled();
  });

  it('computes the figure when it is not kept', async () => {
    expect(await keptOrComputed('alerts', null, async () => 2)).toBe(2);
  });

  it('computes the figure when the kept read fails, and says so in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = async (): Promise<number> => {
      throw new Error('out of memory');
    };
    expect(await keptOrComputed('alerts', failing, async () => 2)).toBe(2);
    expect(log).toHaveBeenCalledWith('alerts: the kept figures failed; computing from the copy', expect.any(Error));
  });

  it('lets a failure of the computed figure through', async () => {
    const broken = async (): Promise<number> => {
      throw new Error('no copy');
    };
    await expect(keptOrComputed('alerts', null, broken)).rejects.toThrow('no copy');
  });
});
