/** WCAG contrast of the chart colours (charts.css) on Starlight's page backgrounds. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const css = readFileSync(new URL('../../../src/components/charts/shared/charts.css', import.meta.url), 'utf8');
/** Starlight's --sl-color-bg: hsl(224, 10%, 10%) in the dark theme, white in the light one. */
const BACKGROUNDS = { dark: hslToRgb(224, 0.1, 0.1), light: [255, 255, 255] };

function hslToRgb(h: number, s: number, l: number): number[] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  return [0, 8, 4].map((n) => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
}
function hex(h: string): number[] {
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
}
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--(dl-c-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

describe('chart colours', () => {
  const themes = { dark: block(":root:not([data-theme='light'])"), light: block(':root') };

  test('both themes define the same series colours', () => {
    // One colour per activation; every other series reuses one of them (charts.css).
    expect(Object.keys(themes.dark).length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(themes.light).sort()).toEqual(Object.keys(themes.dark).sort());
  });

  for (const theme of ['dark', 'light'] as const) {
    test(`${theme}: every series colour has ≥ 4.5:1 contrast (they colour direct labels too)`, () => {
      for (const [name, value] of Object.entries(themes[theme])) {
        expect(contrast(hex(value), BACKGROUNDS[theme]), `${name} ${value}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
