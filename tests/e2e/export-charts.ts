/**
 * One chart of each kind on the site, opened in a state that differs from its MDX props
 * (set through the URL), for the export, embed and print specs.
 */
import type { Page } from '@playwright/test';
import { expect, hydrated } from './fixtures';

export type Chart = {
  kind: string;
  page: string;
  id: string;
  query: string;
  /** The theme the chart is exported in: its tests run in the project of that theme. */
  theme: 'light' | 'dark';
  /** What the chart shows, read in the page: equal on the page and on the page its link opens. */
  state: (id: string) => string | undefined;
  /** True in the page once the state from `query` is shown. */
  applied: (id: string) => boolean;
  /** The part of the exported title that names the state, when the plot titles do not. */
  titlePart?: () => string;
  prepare?: (page: Page, id: string) => Promise<void>;
};

export const CHARTS: Chart[] = [
  {
    kind: 'activation-explorer',
    page: 'notes/activation-functions/',
    id: 'sig-tanh',
    query: '?sig-tanh.activations=sigmoid,tanh,relu&sig-tanh.domain=-4,4',
    theme: 'dark',
    state: (id) => {
      const fig = document.getElementById(id)!;
      const checked = [...fig.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map(
        (c) => `${c.value || c.name}:${c.checked}`,
      );
      const domain = [...fig.querySelectorAll<HTMLInputElement>('input[type="number"]')].map((i) => i.value);
      return JSON.stringify({ checked, domain });
    },
    applied: (id) =>
      document.querySelector<HTMLInputElement>(`#${id} input[value="relu"]`)?.checked === true &&
      document.querySelector<HTMLInputElement>(`#${id} input[type="number"]`)?.value === '-4',
  },
  {
    kind: 'gradient-lab',
    page: 'notes/gradient-lab/',
    id: 'lab',
    query: '?lab.activation=relu&lab.init=he&lab.depth=12',
    theme: 'light',
    state: (id) => document.getElementById(id)!.dataset.shown,
    applied: (id) =>
      document.getElementById(id)?.dataset.shown === 'relu|he|12|64|1' &&
      document.getElementById(id)!.getAttribute('aria-busy') === null,
  },
  {
    kind: 'loss-explorer',
    page: 'notes/output-layer/',
    id: 'loss',
    query: '?loss.y=0&loss.z=2.5',
    theme: 'dark',
    state: (id) => document.getElementById(id)!.dataset.shown,
    applied: (id) => document.getElementById(id)?.dataset.shown === 'bce,mse|0|2.5',
  },
  {
    kind: 'training-lab',
    page: 'notes/training-lab/',
    id: 'train',
    query: '?train.depth=4&train.width=8',
    theme: 'light',
    state: (id) =>
      JSON.stringify(
        [...document.querySelectorAll<HTMLInputElement>(`#${id} .dl-train-settings :is(select, input)`)].map(
          (e) => `${e.id}=${e.type === 'checkbox' ? e.checked : e.value}`,
        ),
      ),
    applied: (id) =>
      document.querySelector<HTMLInputElement>(`#${id}-depth`)?.value === '4' &&
      document.querySelector<HTMLInputElement>(`#${id}-width`)?.value === '8',
    /** Its plots have no setting in their titles; the exported title names the step it shows. */
    titlePart: () => '3단계',
    /** A URL setting starts untrained: three steps give the charts something to plot. */
    prepare: async (page, id) => {
      const lab = page.locator(`#${id}`);
      for (let k = 1; k <= 3; k++) {
        await lab.locator('[data-action="step"]').click();
        await expect(lab).toHaveAttribute('data-step', String(k));
        await expect(lab).not.toHaveAttribute('aria-busy');
      }
    },
  },
];

/** Tags that put a chart's tests in the project of its theme (playwright.config.ts). */
export const themeTag = (chart: Chart) => (chart.theme === 'dark' ? ['@dark'] : []);

/** Opens the chart in its test state; returns every JS file the page requested. */
export async function openChart(page: Page, chart: Chart) {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`/${chart.page}${chart.query}#${chart.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', chart.theme);
  await hydrated(page, chart.id);
  await expect.poll(() => page.evaluate(chart.applied, chart.id), 'the state from the URL is shown').toBe(true);
  await chart.prepare?.(page, chart.id);
  return scripts;
}
