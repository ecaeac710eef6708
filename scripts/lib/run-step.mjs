import { spawn } from 'node:child_process';
import { formatMs } from './deadline.mjs';

/**
 * Runs one command with inherited stdio, like spawnSync, but with a time
 * limit: past `timeoutMs` its whole process group (the command and anything
 * it started, browsers included) gets SIGTERM, then SIGKILL 10 s later.
 * @param {string[]} cmd
 * @param {{ env?: Record<string, string>, timeoutMs?: number, stdio?: import('node:child_process').StdioOptions }} [o]
 * @returns {Promise<{ ok: boolean, code: number | null, signal: string | null, timedOut: boolean, seconds: number }>}
 */
export function runStep(cmd, { env = {}, timeoutMs = Infinity, stdio = 'inherit' } = {}) {
  const t0 = performance.now();
  return new Promise((done) => {
    // detached: its own process group, so one kill reaches its children too.
    const child = spawn(cmd[0], cmd.slice(1), { stdio, env: { ...process.env, ...env }, detached: true });
    let timedOut = false;
    let killTimer;
    const group = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {}
    };
    const limit = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          console.error(`\n✖ ${cmd.join(' ')} did not finish within ${formatMs(timeoutMs)}; stopping it and everything it started`);
          group('SIGTERM');
          killTimer = setTimeout(() => group('SIGKILL'), 10_000);
        }, timeoutMs)
      : null;
    // Ctrl-C on the runner stops the step too (it is no longer in our process group).
    const forward = (signal) => {
      group(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    let finished = false;
    const finish = (code, signal) => {
      if (finished) return;
      finished = true;
      clearTimeout(limit);
      clearTimeout(killTimer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // Whatever it left running (a browser it never closed) goes with it.
      group('SIGKILL');
      done({ ok: code === 0 && !timedOut, code, signal, timedOut, seconds: (performance.now() - t0) / 1000 });
    };
    child.on('error', (e) => {
      console.error(`✖ could not start ${cmd[0]}: ${e.message}`);
      finish(null, null);
    });
    child.on('exit', finish);
  });
}
