import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { formatMs } from './deadline.mjs';

/**
 * Runs one command with inherited stdio, like spawnSync, but with a time
 * limit: past `timeoutMs` the command and every process it started gets
 * SIGTERM, then SIGKILL 10 s later.
 *
 * The command stays in our process group, so Ctrl-C and a CI job's kill of
 * the group reach it as they did with spawnSync. Browsers start in process
 * groups of their own (Playwright and chrome-launcher detach them), so a
 * group kill would miss them; the time limit instead walks the process tree.
 * @param {string[]} cmd
 * @param {{ env?: Record<string, string>, timeoutMs?: number, stdio?: import('node:child_process').StdioOptions }} [o]
 * @returns {Promise<{ ok: boolean, code: number | null, signal: string | null, timedOut: boolean, seconds: number }>}
 */
export function runStep(cmd, { env = {}, timeoutMs = Infinity, stdio = 'inherit' } = {}) {
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio, env: { ...process.env, ...env } });
    let timedOut = false;
    let killTimer;
    const killAll = (pids, name) => {
      for (const pid of pids) {
        try {
          process.kill(pid, name);
        } catch {} // already gone
      }
    };
    const limit = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          console.error(`\n✖ ${cmd.join(' ')} did not finish within ${formatMs(timeoutMs)}; stopping it and everything it started`);
          // Listed now, while the tree is whole: once the command dies its children are reparented.
          const tree = [child.pid, ...descendants(child.pid)];
          killAll(tree, 'SIGTERM');
          // Those still running 10 s later, and any they started meanwhile.
          killTimer = setTimeout(() => killAll([...tree, ...descendants(child.pid)], 'SIGKILL'), 10_000);
        }, timeoutMs)
      : null;
    let finished = false;
    const finish = (code, signal) => {
      if (finished) return;
      finished = true;
      clearTimeout(limit);
      // The SIGKILL still follows a timed-out step whose command exited but left children.
      if (!timedOut) clearTimeout(killTimer);
      else killTimer?.unref?.();
      done({ ok: code === 0 && !timedOut, code, signal, timedOut, seconds: (performance.now() - t0) / 1000 });
    };
    child.on('error', (e) => {
      console.error(`✖ could not start ${cmd[0]}: ${e.message}`);
      finish(null, null);
    });
    child.on('exit', finish);
  });
}

/**
 * Every process below `pid` (children, their children, …), read from /proc.
 * Empty where there is no /proc; the command itself is then still signalled.
 * @param {number | undefined} pid
 * @returns {number[]}
 */
export function descendants(pid) {
  if (!pid) return [];
  const children = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it ended while we read
    }
    // "pid (comm) state ppid …"; comm may contain spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}
