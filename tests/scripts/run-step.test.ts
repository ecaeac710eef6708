import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStep } from '../../scripts/lib/run-step.mjs';

/** True while a process with this pid runs (a zombie waiting for its reaper has stopped). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

describe('runStep', () => {
  it('reports the exit code of a command that finishes', async () => {
    const ok = await runStep(['node', '-e', 'process.exit(0)'], { stdio: 'ignore' });
    const bad = await runStep(['node', '-e', 'process.exit(3)'], { stdio: 'ignore' });
    expect(ok).toMatchObject({ ok: true, code: 0, timedOut: false });
    expect(bad).toMatchObject({ ok: false, code: 3, timedOut: false });
  });

  it('passes the extra environment to the command', async () => {
    const r = await runStep(['node', '-e', 'process.exit(process.env.STEP_PROBE === "yes" ? 0 : 1)'], { env: { STEP_PROBE: 'yes' }, stdio: 'ignore' });
    expect(r.ok).toBe(true);
  });

  it.each([
    ['in the same process group', false],
    ['detached, as Playwright and chrome-launcher start browsers', true],
  ])('stops a command that outlives its limit, and the process it started %s', async (_, detached) => {
    // The command starts a grandchild (as a test runner starts a browser) and both hang.
    const script = `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: ${detached} });
      require('node:fs').writeFileSync(process.env.PID_FILE, String(g.pid));
      setInterval(() => {}, 1000);
    `;
    const pidFile = `${process.env.TMPDIR ?? '/tmp'}/run-step-${process.pid}-${Date.now()}-${detached}`;
    const r = await runStep(['node', '-e', script], { env: { PID_FILE: pidFile }, timeoutMs: 1500, stdio: 'ignore' });
    expect(r).toMatchObject({ ok: false, timedOut: true });
    expect(r.seconds).toBeLessThan(15);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    rmSync(pidFile, { force: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(grandchild)).toBe(false);
  }, 20_000);

  it('reports a command that cannot start as failed', async () => {
    const r = await runStep(['/nonexistent/command'], { stdio: 'ignore' });
    expect(r.ok).toBe(false);
  });
});
