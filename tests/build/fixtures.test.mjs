/**
 * A broken note must fail the build loudly, naming the file and the field
 * (or line), never disappear from the site. Each case copies the project into
 * a scratch folder inside the repo (so node_modules resolves), adds one broken
 * file, and runs the real Astro CLI on it.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const scratch = [];
after(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

function projectWith(files) {
  const dir = mkdtempSync('.fixture-');
  scratch.push(dir);
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'fonts', 'public']) {
    cpSync(f, join(dir, f), { recursive: true });
  }
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

function astro(cmd, dir) {
  const r = spawnSync('npx', ['astro', cmd, '--root', dir, ...(cmd === 'build' ? ['--outDir', join(dir, 'dist')] : [])], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const NOTE = 'src/content/docs/notes/broken.mdx';

describe('a broken note fails the build', () => {
  test('a missing description names the file and the field', () => {
    const dir = projectWith({ [NOTE]: '---\ntitle: 깨진 노트\n---\n\n본문\n' });
    const r = astro('sync', dir);
    assert.notEqual(r.status, 0);
    assert.match(r.out, /notes\/broken\.mdx/);
    assert.match(r.out, /description\**: 한 문장 요약/);
  });

  test('a source without a URL names sources[].url and how to fix it', () => {
    const dir = projectWith({
      [NOTE]: '---\ntitle: 깨진 노트\ndescription: 출처 URL이 잘못된 노트입니다.\nsources:\n  - title: 논문\n    url: not-a-url\n---\n\n본문\n',
    });
    const r = astro('sync', dir);
    assert.notEqual(r.status, 0);
    assert.match(r.out, /notes\/broken\.mdx/);
    assert.match(r.out, /sources\.0\.url\**: http\(s\)로 시작하는 전체 URL/);
  });

  test('invalid MDX names the file and the line', () => {
    const dir = projectWith({
      [NOTE]: '---\ntitle: 깨진 노트\ndescription: MDX 문법이 잘못된 노트입니다.\n---\n\n첫 줄\n\n<div>\n닫히지 않은 태그\n',
    });
    const r = astro('build', dir);
    assert.notEqual(r.status, 0);
    assert.match(r.out, /notes\/broken\.mdx/);
    assert.match(r.out, /broken\.mdx:\d+:\d+/);
  });

  test('an unknown chart prop value names the page, the prop and the valid ids', () => {
    const dir = projectWith({
      [NOTE]:
        "---\ntitle: 깨진 노트\ndescription: 차트 속성이 잘못된 노트입니다.\n---\n\nimport ActivationExplorer from '@components/ActivationExplorer.astro';\n\n<ActivationExplorer id=\"bad\" activations={['sigmoid', 'swish2']} />\n",
    });
    const r = astro('build', dir);
    assert.notEqual(r.status, 0);
    assert.match(r.out, /notes\/broken/);
    assert.match(r.out, /activations\[1\]/);
    assert.match(r.out, /swish2/);
    assert.match(r.out, /sigmoid, tanh, relu, leaky-relu/);
  });
});
