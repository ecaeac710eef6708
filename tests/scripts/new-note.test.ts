import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteFields } from '../../src/content/note-schema';

function newNote(args: string[], notesDir: string) {
  return spawnSync('node', ['scripts/new-note.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NOTES_DIR: notesDir },
  });
}

function frontmatter(text: string): Record<string, unknown> {
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const out: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const m = /^(\w+):\s*(.+)$/.exec(line);
    if (m) out[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  }
  return out;
}

describe('npm run new:note', () => {
  it('scaffolds a note whose frontmatter passes the note schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-'));
    const r = newNote(['batch-normalization', '배치', '정규화'], dir);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'batch-normalization.mdx'), 'utf8');
    const fm = frontmatter(text);
    expect(fm.title).toBe('배치 정규화');
    expect(fm.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(noteFields.safeParse({ description: fm.description, updated: fm.updated }).success).toBe(true);
  });

  it.each(['Bad_Slug', '-lead', 'trail-', 'a--b', '한글', '../escape'])(
    'refuses the bad slug %j with a clear message',
    (slug) => {
      const dir = mkdtempSync(join(tmpdir(), 'notes-'));
      const r = newNote([slug], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('잘못된 slug');
      expect(existsSync(join(dir, `${slug}.mdx`))).toBe(false);
    },
  );

  it('refuses to overwrite an existing note and leaves it untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-'));
    writeFileSync(join(dir, 'taken.mdx'), 'original');
    const r = newNote(['taken'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('이미 있는 노트');
    expect(readFileSync(join(dir, 'taken.mdx'), 'utf8')).toBe('original');
  });

  it('without a slug prints the usage and fails', () => {
    const r = newNote([], mkdtempSync(join(tmpdir(), 'notes-')));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('사용법');
  });
});
