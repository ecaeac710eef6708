/**
 * Chart ids must be unique on a page: they namespace the URL state and the
 * SVG title/desc ids. Each page render gets its own `Astro.locals`, so the
 * set of ids seen so far lives there.
 */
const KEY = '__dlChartIds';

export function claimChartId(locals: object, id: string): string | null {
  const bag = locals as Record<string, unknown>;
  const seen = (bag[KEY] ??= new Map<string, string>()) as Map<string, string>;
  return seen.has(id) ? `**id**: "${id}"은(는) 이 페이지의 다른 차트가 이미 쓰고 있습니다. 차트마다 다른 id를 주세요.` : (seen.set(id, id), null);
}
