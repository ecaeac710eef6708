#!/usr/bin/env node
/**
 * `npm run new:note -- <slug> [제목]`: scaffolds src/content/docs/notes/<slug>.mdx
 * from templates/note.mdx. Refuses a bad slug or an existing file (exit 1).
 * NOTES_DIR overrides the target folder (used by the tests).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const root = fileURLToPath(new URL('..', import.meta.url));
const notesDir = process.env.NOTES_DIR || join(root, 'src/content/docs/notes');

const [slug, ...titleWords] = process.argv.slice(2);
if (!slug) fail('사용법: npm run new:note -- <slug> [제목]\n예: npm run new:note -- batch-normalization 배치 정규화');
if (!SLUG.test(slug) || slug.length > 60) {
  fail(
    `잘못된 slug "${slug}": 영문 소문자, 숫자, 하이픈(-)만 쓸 수 있고 하이픈으로 시작하거나 끝날 수 없습니다 (60자 이하).\n` +
      '예: vanishing-gradient, batch-normalization',
  );
}
const file = join(notesDir, `${slug}.mdx`);
if (existsSync(file) || existsSync(join(notesDir, `${slug}.md`))) {
  fail(
    `이미 있는 노트입니다: ${relative(process.cwd(), file)}. 덮어쓰지 않습니다. 다른 slug를 고르거나 기존 파일을 고치세요.`,
  );
}
const title = titleWords.join(' ').trim() || slug.replace(/-/g, ' ');
const today = new Date().toISOString().slice(0, 10);
const text = readFileSync(join(root, 'templates/note.mdx'), 'utf8')
  .replace('__TITLE__', JSON.stringify(title))
  .replace('__DATE__', today);
mkdirSync(notesDir, { recursive: true });
writeFileSync(file, text, { flag: 'wx' });
console.log(
  `새 노트를 만들었습니다: ${relative(process.cwd(), file)}\n다음 단계: description과 sources를 채우고 \`npm run dev\`로 확인하세요.`,
);

function fail(message) {
  console.error(message);
  process.exit(1);
}
