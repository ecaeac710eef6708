/**
 * A broken note must fail the build loudly, naming the file and the field (or line),
 * never disappear from the site. The messages themselves are unit-tested where they are
 * made (tests/content/note-schema.test.ts, tests/components/props-schema.test.ts); these
 * cases check, with the real Astro CLI, that the build reaches them and names the file.
 *
 * Each case copies the project into a scratch folder inside the repo (so node_modules
 * resolves) with the broken note as the only note, which keeps each run short.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NOTE = 'src/content/docs/notes/broken.mdx';
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The Astro CLI, run by this Node without npx in between. */
const ASTRO_BIN = 'node_modules/astro/bin/astro.mjs';

/** Runs `astro <cmd>` on a copy of the project whose only note is `note`. */
async function astro(cmd: 'sync' | 'build', note: string) {
  const dir = mkdtempSync('.fixture-');
  scratch.push(dir);
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'fonts', 'public']) {
    cpSync(f, join(dir, f), { recursive: true, filter: (src) => !/src\/content\/docs\/notes\/./.test(src) });
  }
  writeFileSync(join(dir, NOTE), note);
  const args = [ASTRO_BIN, cmd, '--root', dir, ...(cmd === 'build' ? ['--outDir', join(dir, 'dist')] : [])];
  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    BASE_PATH: '/',
    SITE_URL: '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Asynchronous, so the cases run side by side (describe.concurrent) on the two cores.
  return new Promise<{ status: number | null; out: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      { encoding: 'utf8', env, maxBuffer: 64 << 20 },
      (_err, stdout, stderr) => resolve({ status: child.exitCode, out: `${stdout}\n${stderr}` }),
    );
  });
}

describe.concurrent('a broken note fails the build', { timeout: 180_000 }, () => {
  it('bad frontmatter names the file and every bad field: the description and sources[].url', async () => {
    const r = await astro(
      'sync',
      '---\ntitle: 깨진 노트\nsources:\n  - title: 논문\n    url: not-a-url\n---\n\n본문\n',
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/notes\/broken\.mdx/);
    expect(r.out).toMatch(/description\**: 한 문장 요약/);
    expect(r.out).toMatch(/sources\.0\.url\**: http\(s\)로 시작하는 전체 URL/);
  });

  it('invalid MDX names the file and the line', async () => {
    const r = await astro(
      'build',
      '---\ntitle: 깨진 노트\ndescription: MDX 문법이 잘못된 노트입니다.\n---\n\n첫 줄\n\n<div>\n닫히지 않은 태그\n',
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/notes\/broken\.mdx/);
    expect(r.out).toMatch(/broken\.mdx:\d+:\d+/);
  });

  it('an unknown chart prop value names the page, the prop and the valid ids', async () => {
    const r = await astro(
      'build',
      "---\ntitle: 깨진 노트\ndescription: 차트 속성이 잘못된 노트입니다.\n---\n\nimport ActivationExplorer from '@components/ActivationExplorer.astro';\n\n<ActivationExplorer id=\"bad\" activations={['sigmoid', 'swish2']} />\n",
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/notes\/broken/);
    expect(r.out).toMatch(/activations\[1\]/);
    expect(r.out).toMatch(/swish2/);
    expect(r.out).toMatch(/sigmoid, tanh, relu, leaky-relu/);
  });
});
