import { describe, expect, it } from 'vitest';
import { formatMs, TimeoutError, withTimeout } from '../../scripts/lib/deadline.mjs';

const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('withTimeout', () => {
  it('passes the value through when the promise settles in time', async () => {
    await expect(withTimeout(later(5, 42), 1000, 'fast step')).resolves.toBe(42);
  });

  it('passes a rejection through unchanged', async () => {
    const e = new Error('boom');
    await expect(withTimeout(Promise.reject(e), 1000, 'failing step')).rejects.toBe(e);
  });

  it('rejects with a TimeoutError naming the step when the promise never settles', async () => {
    const never = new Promise(() => {});
    const err = (await withTimeout(never, 20, '/notes/x/ (dark 390px)').catch((x: unknown) => x)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.what).toBe('/notes/x/ (dark 390px)');
    expect(err.message).toBe('/notes/x/ (dark 390px): no answer within 0 s');
  });

  it('does not turn a rejection after the limit into an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown) => unhandled.push(r);
    process.on('unhandledRejection', onUnhandled);
    try {
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 30));
      await expect(withTimeout(late, 5, 'slow step')).rejects.toBeInstanceOf(TimeoutError);
      await later(60, null);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('formatMs', () => {
  it('uses seconds under two minutes and minutes from there', () => {
    expect(formatMs(90_000)).toBe('90 s');
    expect(formatMs(119_000)).toBe('119 s');
    expect(formatMs(40 * 60_000)).toBe('40 min');
  });
});
