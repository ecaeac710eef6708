import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { SOURCES, SUBSET_OPTIONS } from '../../src/integrations/page-fonts.mjs';
import { codePoints } from '../../src/integrations/html-text.mjs';

/** Prose of the activation-function and vanishing-gradient notes, markup stripped: Hangul, Latin, digits and punctuation as readers see them. */
const TEXT = [
  'vanishing-gradient',
  'weight-initialization',
  'vanishing-gradient-remedies',
  'gradient-lab',
  'activation-functions',
  'relu',
  'beyond-relu',
  'choosing-activations',
]
  .map((id) => readFileSync(`src/content/docs/notes/${id}.mdx`, 'utf8').split(/^---$/m)[2])
  .join('\n')
  .replace(/\$\$?[^$]*\$\$?|<[^>]*>|[`*_#[\]()]/g, ' ')
  .replace(/\s+/g, ' ');

/**
 * Glyph advances and offsets of `text` shaped as Korean with HarfBuzz's default features, plus
 * `extra` (for example the CJK punctuation spacing Chromium turns on for text-spacing-trim).
 */
function shapeRun(font: Buffer, text: string, extra: string[] = []): number[] {
  const face = new hb.Face(new hb.Blob(font));
  const hbFont = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  buffer.setLanguage('ko');
  hb.shape(
    hbFont,
    buffer,
    extra.map((tag) => new hb.Feature(tag, 1)),
  );
  return buffer.getGlyphPositions().flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]);
}

describe('per-page Korean subsets', () => {
  for (const weight of [400, 600] as const) {
    it(`weight ${weight}: with only the default features kept, note text shapes to the same glyph positions, from a smaller file`, async () => {
      const source = readFileSync(SOURCES[weight]);
      const chars = String.fromCodePoint(...codePoints(TEXT));
      const closed = await subsetFont(source, chars, { targetFormat: 'sfnt' });
      const open = await subsetFont(source, chars, { ...SUBSET_OPTIONS, targetFormat: 'sfnt' });
      expect(open.length).toBeLessThan(closed.length * 0.8);
      // Shaped in slices so that a mismatch points near its text.
      for (const extra of [[], ['chws'], ['halt']]) {
        for (let i = 0; i < TEXT.length; i += 400) {
          const slice = TEXT.slice(i, i + 400);
          expect(shapeRun(open, slice, extra), `${extra} ${slice}`).toEqual(shapeRun(closed, slice, extra));
        }
      }
    }, 60_000);
  }
});
