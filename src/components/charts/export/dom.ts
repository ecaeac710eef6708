/**
 * Reads a chart as it is drawn on the page, for svg.ts: every plot and legend
 * swatch cloned with its computed colours and strokes written inline (the page's
 * CSS variables and theme classes do not travel with the file), the legends'
 * and subtitles' text, the page's colours and its font subset as data: URLs.
 */
import type { LegendItem, SvgPart } from './svg';

/** Presentation properties the chart CSS sets; each is copied from the computed style. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
];
const FONT = ['font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'];
const SHAPES = new Set(['path', 'line', 'rect', 'circle', 'ellipse', 'polyline', 'polygon', 'text', 'tspan']);
/** Attributes that only make sense on the page (focus, ARIA, CSS hooks). */
const PAGE_ONLY = [
  'class',
  'tabindex',
  'focusable',
  'aria-labelledby',
  'aria-describedby',
  'aria-hidden',
  'aria-label',
  'role',
  'style',
];

/** A deep copy of `svg` whose shapes and texts carry their computed style inline; hidden elements are left out. */
function inlineSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  from.forEach((src, i) => {
    const dst = to[i];
    const cs = getComputedStyle(src);
    for (const a of PAGE_ONLY) dst.removeAttribute(a);
    if (cs.display === 'none' || cs.visibility === 'hidden') {
      drop.push(dst);
      return;
    }
    const tag = src.tagName.toLowerCase();
    if (!SHAPES.has(tag)) return;
    const props = tag === 'text' || tag === 'tspan' ? [...PAINT, ...FONT] : PAINT;
    dst.setAttribute('style', props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
  });
  for (const d of drop) d.remove();
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // As on the page (charts.css): axis titles and end labels may sit just outside the viewBox.
  clone.setAttribute('overflow', 'visible');
  return new XMLSerializer().serializeToString(clone);
}

const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const px = (el: Element, prop: string) => parseFloat(getComputedStyle(el).getPropertyValue(prop)) || 14;

/**
 * The parts of a chart in page order: plots (`svg[role="img"]`), legends
 * (`.dl-legend`) and subtitles (`.dl-subtitle`), or any element marked
 * `data-export="svg|legend|text"`. Parts that are not shown are skipped.
 */
export function chartParts(root: HTMLElement): { width: number; parts: SvgPart[] } {
  const parts: SvgPart[] = [];
  let width = 0;
  const found = root.querySelectorAll<HTMLElement | SVGSVGElement>(
    'svg[role="img"], .dl-legend, .dl-subtitle, [data-export]',
  );
  for (const el of found) {
    if (!visible(el) || el.closest('.dl-export')) continue;
    const kind =
      el.getAttribute('data-export') ?? (el.matches('svg') ? 'svg' : el.matches('.dl-legend') ? 'legend' : 'text');
    const color = getComputedStyle(el).color;
    if (kind === 'svg' && el instanceof SVGSVGElement) {
      const r = el.getBoundingClientRect();
      width = Math.max(width, r.width);
      parts.push({ kind: 'svg', markup: inlineSvg(el, r.width, r.height), width: r.width, height: r.height });
    } else if (kind === 'legend') {
      const items: LegendItem[] = [...el.querySelectorAll('li')].map((li) => {
        const swatch = li.querySelector('svg');
        return { swatch: swatch ? inlineSvg(swatch, 40, 16) : null, label: li.textContent?.trim() ?? '' };
      });
      parts.push({ kind: 'legend', items, size: px(el, 'font-size'), color });
    } else {
      parts.push({
        kind: 'text',
        text: el.textContent?.trim() ?? '',
        size: px(el, 'font-size'),
        weight: Number(getComputedStyle(el).fontWeight) || 400,
        color,
      });
    }
  }
  return { width: Math.round(width || root.getBoundingClientRect().width), parts };
}

/** The first non-transparent background behind `el` (the page's, for a chart without its own). */
export function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

function base64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The page's @font-face rules for `families` (the fonts the chart's text uses),
 * with each font file fetched from the site and written as a data: URL. The
 * files are the page's own subsets, already in the browser cache.
 */
export async function embeddedFontCss(families: readonly string[]): Promise<string> {
  const wanted = new Set(families.map((f) => f.trim().replace(/^['"]|['"]$/g, '')));
  const rules: string[] = [];
  const files = new Map<string, Promise<string>>();
  const fileData = async (href: string) => {
    const res = await fetch(href);
    if (!res.ok) throw new Error(`글꼴 파일을 읽지 못했습니다 (${res.status})`);
    return base64(await res.arrayBuffer());
  };
  for (const sheet of document.styleSheets) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // a sheet from another origin (there are none; CSP allows 'self' only)
    }
    for (const rule of list) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style
        .getPropertyValue('font-family')
        .trim()
        .replace(/^['"]|['"]$/g, '');
      if (!wanted.has(family)) continue;
      const src = rule.style.getPropertyValue('src');
      const url = /url\(["']?([^"')]+)["']?\)/.exec(src)?.[1];
      if (!url) continue;
      const href = new URL(url, sheet.href ?? location.href).href;
      if (!files.has(href)) files.set(href, fileData(href));
      const data = `url(data:font/woff2;base64,${await files.get(href)}) format('woff2')`;
      const range = rule.style.getPropertyValue('unicode-range');
      rules.push(
        `@font-face{font-family:'${family}';font-style:${rule.style.getPropertyValue('font-style') || 'normal'};` +
          `font-weight:${rule.style.getPropertyValue('font-weight') || '400'};src:${data}${range ? `;unicode-range:${range}` : ''}}`,
      );
    }
  }
  return rules.join('\n');
}
