/**
 * Reading the notes for content tests: every .mdx in the notes folder, its body without
 * frontmatter, and `expectInNote`, which ties a recomputed number to the exact text the
 * reader sees (so a changed number in the text or in the library fails).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const NOTES_DIR = fileURLToPath(new URL('../../src/content/docs/notes/', import.meta.url));

/** Every note in the folder, so a note added later is checked like the rest. */
export const NOTE_SLUGS: readonly string[] = readdirSync(NOTES_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

const cache = new Map<string, string>();

/** The raw MDX source of a note. */
export function noteSource(slug: string): string {
  let s = cache.get(slug);
  if (s === undefined) {
    s = readFileSync(`${NOTES_DIR}${slug}.mdx`, 'utf8');
    cache.set(slug, s);
  }
  return s;
}

/** The note's body without its frontmatter. */
export function noteBody(slug: string): string {
  return noteSource(slug).replace(/^---\n[\s\S]*?\n---\n/, '');
}

export function expectInNote(slug: string, text: string): void {
  expect(noteBody(slug).includes(text), `${slug}.mdx should contain ${JSON.stringify(text)}`).toBe(true);
}

/** `9.536…e-7` → `9.5 \times 10^{-7}` (KaTeX source as written in the notes). */
export function sciTex(x: number, digits = 2): string {
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/** Rounds like the prose does: 0.10499 → "0.105" with 3 significant digits. */
export function sig(x: number, digits: number): string {
  return Number(x.toPrecision(digits)).toString();
}
