/**
 * A phone always has a Korean system font, so until the page's web font
 * arrives it shows Hangul in that font; a bare CI machine has none and shows
 * tofu, whose different metrics make the font swap shift the layout (a CLS
 * no visitor sees). When this machine has no Korean font, the audit's browsers
 * get the repository's own Noto Sans KR (fonts/*.source.woff2) as their system
 * fallback through a private fontconfig file — the same design as Android's
 * Noto Sans CJK KR — so every machine measures what an Android phone shows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCapture } from './static-checks.mjs';

/**
 * @param {string} fontsDir the repository's fonts/ folder
 * @param {string} tmp a temp dir for the fontconfig file and its cache
 * @returns {Promise<string | null>} a note for the report, or null when nothing was needed
 */
export async function ensureKoreanSystemFont(fontsDir, tmp) {
  const probe = await runCapture('fc-list', [':lang=ko', 'family'], { timeoutMs: 10_000 });
  if (probe.code !== 0) return `could not run fc-list (${probe.stderr.trim() || `exit ${probe.code}`}); the browsers use whatever fonts this machine has`;
  if (probe.stdout.trim() !== '') return null;
  const conf = join(tmp, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fontsDir}</dir>\n  <cachedir>${join(tmp, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  process.env.FONTCONFIG_FILE = conf;
  const check = await runCapture('fc-list', [':lang=ko', 'family'], { timeoutMs: 30_000 });
  if (check.stdout.trim() === '') {
    delete process.env.FONTCONFIG_FILE;
    return 'this machine has no Korean system font and fontconfig could not load fonts/*.woff2: Hangul renders as tofu before the web font arrives, so Lighthouse CLS is larger here than on a phone. `apt-get install fonts-noto-cjk` fixes the measurement.';
  }
  return `this machine has no Korean system font: the audit's browsers use fonts/ (Noto Sans KR, as on Android) as their system fallback (FONTCONFIG_FILE=${conf})`;
}
