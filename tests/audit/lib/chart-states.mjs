/**
 * Chart states for the glyphs check (glyphs.mjs): what a reader can make a chart show.
 */

/**
 * Drives every chart (`figure.dl-chart`) through its states: each option of every select,
 * each checkbox toggled, both ends of every slider; after each, waits for the chart to stop
 * being busy and calls `collect` (which returns what to keep from that state). Returns what
 * it collected and the problems met.
 * @param {import('@playwright/test').Page} page
 * @param {() => Promise<object[]>} collect
 */
export async function driveCharts(page, collect, { busyLimitMs = 30_000 } = {}) {
  const uses = [];
  const problems = [];
  const charts = await page.locator('figure.dl-chart').count();
  for (let c = 0; c < charts; c++) {
    const fig = page.locator('figure.dl-chart').nth(c);
    const name = `chart #${(await fig.getAttribute('id')) ?? c}`;
    const settled = async (what) => {
      const ok = await fig
        .evaluate(
          (el, ms) =>
            new Promise((resolve) => {
              const done = () => el.getAttribute('aria-busy') !== 'true';
              if (done()) return resolve(true);
              const obs = new MutationObserver(() => done() && (obs.disconnect(), resolve(true)));
              obs.observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
              setTimeout(() => (obs.disconnect(), resolve(done())), ms);
            }),
          busyLimitMs,
        )
        .catch(() => false);
      if (!ok) problems.push(`${name}: still aria-busy ${busyLimitMs / 1000} s after ${what}`);
      uses.push(...(await collect()));
    };
    for (const sel of await fig.locator('select').all()) {
      for (const value of await sel.evaluate((s) => [...s.options].map((o) => o.value))) {
        await sel.selectOption(value);
        await settled(`${(await sel.getAttribute('id')) ?? 'select'} = ${value}`);
      }
    }
    for (const box of await fig.locator('input[type=checkbox]').all()) {
      if (!(await box.isEnabled())) continue;
      await box.setChecked(!(await box.isChecked()), { force: true });
      await settled(`toggling ${(await box.getAttribute('id')) ?? 'a checkbox'}`);
    }
    for (const range of await fig.locator('input[type=range]').all()) {
      for (const end of ['min', 'max']) {
        const v = await range.getAttribute(end);
        if (v === null) continue;
        await range.fill(v);
        await settled(`${(await range.getAttribute('id')) ?? 'slider'} = ${v}`);
      }
    }
  }
  return { uses, problems };
}
