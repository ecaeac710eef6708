/**
 * A standalone SVG file of a chart: its plots (already serialised with their
 * colours inlined, see dom.ts), legends and subtitles stacked under a title,
 * with a source line (page URL with the chart's state) at the bottom and the
 * page's font subset embedded, so the file looks the same in Keynote or
 * PowerPoint as on the page. Pure string building, no DOM: unit-tested in Node.
 */
import { textWidth } from '../shared/format';

export type SvgPart =
  /** A plot: `markup` is a serialised <svg> element whose width/height are the CSS size. */
  | { kind: 'svg'; markup: string; width: number; height: number }
  | { kind: 'text'; text: string; size: number; weight: number; color: string }
  | { kind: 'legend'; items: readonly LegendItem[]; size: number; color: string };

export interface LegendItem {
  /** Serialised <svg> swatch (line, symbol or box), drawn at `swatchWidth` × `swatchHeight`. */
  swatch: string | null;
  label: string;
}

interface ComposeOptions {
  /** Width of the plots in CSS px, as drawn on the page; the file adds PAD on either side. */
  width: number;
  title: string;
  /** "출처: …" line(s): the note's URL with the chart's state. */
  source: string;
  parts: readonly SvgPart[];
  background: string;
  /** Colour of the title and of the source line. */
  strong: string;
  text: string;
  fontFamily: string;
  /** @font-face rules with data: URLs (may be empty: the file then uses system fonts). */
  fontCss: string;
}

export const PAD = 16;
const TITLE_SIZE = 17;
const SOURCE_SIZE = 11;
const SWATCH = { width: 40, height: 16, gap: 6, itemGap: 16 };
const LINE_HEIGHT = 1.45;

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Breaks text into lines no wider than `max` px: at spaces, and inside a word (a URL) only when it alone is too wide. */
export function wrapText(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size) <= max) {
      line = candidate;
      continue;
    }
    push();
    let rest = word;
    while (textWidth(rest, size) > max) {
      let n = 1;
      while (n < rest.length && textWidth(rest.slice(0, n + 1), size) <= max) n++;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  push();
  return lines;
}

function textLines(lines: readonly string[], y: number, size: number, weight: number, color: string): string {
  return lines
    .map(
      (l, i) =>
        `<text x="${PAD}" y="${y + size + i * size * LINE_HEIGHT}" font-size="${size}" font-weight="${weight}" fill="${escapeXml(color)}">${escapeXml(l)}</text>`,
    )
    .join('');
}

const blockHeight = (lines: number, size: number) => size + (lines - 1) * size * LINE_HEIGHT + size * (LINE_HEIGHT - 1);

/** The whole file as text, and its size in CSS px (integers). */
export function composeSvg(o: ComposeOptions): { svg: string; width: number; height: number } {
  const inner = Math.ceil(o.width);
  const width = inner + 2 * PAD;
  const body: string[] = [];
  let y = PAD;

  const titleLines = wrapText(o.title, TITLE_SIZE, inner);
  // Regular weight: the page's semibold font subset holds only the glyphs the page sets in bold.
  body.push(textLines(titleLines, y, TITLE_SIZE, 400, o.strong));
  y += blockHeight(titleLines.length, TITLE_SIZE) + 8;

  for (const part of o.parts) {
    if (part.kind === 'svg') {
      const scale = Math.min(1, inner / part.width);
      const x = PAD + (inner - part.width * scale) / 2;
      body.push(`<g transform="translate(${x} ${y}) scale(${scale})">${part.markup}</g>`);
      y += part.height * scale + 8;
    } else if (part.kind === 'text') {
      const lines = wrapText(part.text, part.size, inner);
      body.push(textLines(lines, y, part.size, part.weight, part.color));
      y += blockHeight(lines.length, part.size) + 4;
    } else {
      let x = PAD;
      const rowHeight = Math.max(SWATCH.height, part.size * LINE_HEIGHT);
      for (const item of part.items) {
        const w = (item.swatch ? SWATCH.width + SWATCH.gap : 0) + textWidth(item.label, part.size);
        if (x > PAD && x + w > width - PAD) {
          x = PAD;
          y += rowHeight;
        }
        const mid = y + rowHeight / 2;
        if (item.swatch) {
          body.push(`<g transform="translate(${x} ${mid - SWATCH.height / 2})">${item.swatch}</g>`);
          x += SWATCH.width + SWATCH.gap;
        }
        body.push(
          `<text x="${x}" y="${mid}" dy="0.35em" font-size="${part.size}" fill="${escapeXml(part.color)}">${escapeXml(item.label)}</text>`,
        );
        x += textWidth(item.label, part.size) + SWATCH.itemGap;
      }
      y += rowHeight + 8;
    }
  }

  const sourceLines = wrapText(o.source, SOURCE_SIZE, inner);
  body.push(textLines(sourceLines, y + 4, SOURCE_SIZE, 400, o.text));
  y += 4 + blockHeight(sourceLines.length, SOURCE_SIZE) + PAD;
  const height = Math.ceil(y);

  const style = `${o.fontCss}\ntext{font-family:${o.fontFamily}}`;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(o.fontFamily)}">` +
    `<title>${escapeXml(o.title)}</title>` +
    `<defs><style>${style.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</style></defs>` +
    `<rect width="100%" height="100%" fill="${escapeXml(o.background)}"/>` +
    body.join('') +
    `</svg>\n`;
  return { svg, width, height };
}
