/**
 * Time limits for the test and audit scripts. A browser that stops
 * answering must end the run with a message naming what it was doing,
 * never hold CI until its own time runs out.
 */

/** Thrown when a limited step does not settle in time; `what` names the step. */
export class TimeoutError extends Error {
  constructor(what, ms) {
    super(`${what}: no answer within ${formatMs(ms)}`);
    this.name = 'TimeoutError';
    this.what = what;
    this.ms = ms;
  }
}

/**
 * Resolves or rejects as `promise` does, or rejects with a TimeoutError after
 * `ms`. The timer never keeps the process alive. `promise` itself goes on
 * (a promise cannot be cancelled); a late rejection of it is swallowed.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, limit]).finally(() => {
    clearTimeout(timer);
    promise.catch?.(() => {});
  });
}

/**
 * Waits for `promise` (a browser, tab or server closing) at most `ms`, and never
 * rejects: for cleanup of something that may have stopped answering.
 * @param {Promise<unknown>} promise
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function waitAtMost(promise, ms) {
  return withTimeout(promise, ms, 'cleanup').then(
    () => {},
    () => {},
  );
}

/** `90 s`, `2 min`. */
export function formatMs(ms) {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}
