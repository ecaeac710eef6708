/**
 * The export actions behind the "내보내기" menu. Loaded with `import()` only
 * when a reader opens the menu, so a page that nobody exports from never
 * downloads this code (ExportMenu.tsx is all a chart carries at load).
 */
import { buildCsv, type CsvTable } from './csv';
import { backgroundOf, chartParts, embeddedFontCss } from './dom';
import { composeSvg } from './svg';

export type ExportKind = 'svg' | 'png' | 'csv';

interface ExportSource {
  /** Chart id: the file name and the URL hash. */
  id: string;
  root: HTMLElement;
  title: string;
  table: CsvTable;
  /** Absolute URL of the note with the chart's current state. */
  href: string;
}

/** The PNG has twice as many pixels per side as the chart has CSS px (sharp on slides and retina screens). */
const PNG_SCALE = 2;

/** `activation-functions-sig-tanh.svg`: the note's slug, then the chart id. */
function fileName(id: string, ext: string, pathname = location.pathname): string {
  const slug = pathname.split('/').filter(Boolean).pop() ?? 'note';
  return `${slug}-${id}.${ext}`;
}

/** The chart as a standalone SVG file (see svg.ts). */
async function chartSvg(src: ExportSource) {
  const { width, parts } = chartParts(src.root);
  const cs = getComputedStyle(src.root);
  const fontFamily = cs.fontFamily;
  return composeSvg({
    width,
    title: src.title,
    source: `출처: 딥러닝 노트 ${src.href}`,
    parts,
    background: backgroundOf(src.root),
    strong: cs.getPropertyValue('--dl-chart-strong').trim() || cs.color,
    text: cs.color,
    fontFamily,
    fontCss: await embeddedFontCss(fontFamily.split(',')),
  });
}

/** Draws the SVG onto a canvas at PNG_SCALE. The image is a data: URL, which the CSP's img-src allows. */
async function svgToPng(svg: string, width: number, height: number, scale = PNG_SCALE): Promise<Blob> {
  const img = new Image(width, height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('이 브라우저는 PNG를 만들 수 없습니다');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG를 만들지 못했습니다'))), 'image/png'),
  );
}

/** Saves a file through a temporary `<a download>` (a navigation, which img-src does not govern). */
function save(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking right after click() can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** Builds and saves one format. Errors reach the menu, which shows them in Korean. */
export async function exportChart(kind: ExportKind, src: ExportSource): Promise<void> {
  if (kind === 'csv') {
    save(new Blob([buildCsv(src.table)], { type: 'text/csv;charset=utf-8' }), fileName(src.id, 'csv'));
    return;
  }
  const { svg, width, height } = await chartSvg(src);
  if (kind === 'svg') save(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName(src.id, 'svg'));
  else save(await svgToPng(svg, width, height), fileName(src.id, 'png'));
}

/** Copies the link; false when the clipboard is not available (the menu then shows the URL to copy by hand). */
export async function copyLink(href: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(href);
    return true;
  } catch {
    return false;
  }
}
