/**
 * Tiny, dependency-free text extraction from built HTML, for font subsetting.
 * It over-collects on purpose (attribute values too): a glyph we ship but do
 * not need costs bytes, a glyph we need but do not ship renders as tofu.
 */

const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities a static build emits. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });
}

function stripNonText(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ');
}

/** Every character a reader could see on the page (text and attribute values). */
export function visibleText(html) {
  const body = stripNonText(html);
  const attrs = [...body.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]).join(' ');
  const text = body.replace(/<[^>]*>/g, ' ');
  return decodeEntities(text + ' ' + attrs);
}

/**
 * Unique code points of `text`, sorted, without control characters and line breaks.
 * Spaces stay in (U+0020, the no-break and thin spaces, every `\p{Zs}`): a subset without
 * them makes the browser draw every space in a system font, which splits each line into
 * font runs (slower to shape) and mixes two fonts' space widths.
 */
export function codePoints(text) {
  const set = new Set();
  for (const ch of new Set(text)) {
    if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(ch)) continue;
    set.add(ch.codePointAt(0));
  }
  return [...set].sort((a, b) => a - b);
}

/** CSS `unicode-range` value for sorted code points, merging consecutive runs. */
export function unicodeRange(cps) {
  const out = [];
  for (let i = 0; i < cps.length;) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    const hex = (n) => n.toString(16).toUpperCase();
    out.push(i === j ? `U+${hex(cps[i])}` : `U+${hex(cps[i])}-${hex(cps[j])}`);
    i = j + 1;
  }
  return out.join(', ');
}
