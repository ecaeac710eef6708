/** Server render of the <LossExplorer> island (what readers get with JavaScript off). */
import { describe, expect, test } from 'vitest';
import { render } from 'preact-render-to-string';
import LossExplorerIsland from '../../../src/components/charts/loss/LossExplorerIsland';
import { LOSS_DEFAULTS, LOSS_FRAMES } from '../../../src/components/charts/loss/spec';

const html = render(<LossExplorerIsland id="loss" {...LOSS_DEFAULTS} caption="설명" />);

describe('<LossExplorer> server render', () => {
  test('two accessible SVG plots (loss, ∂L/∂z) with a crosshair at the default z', () => {
    expect(html.match(/<svg class="dl-svg" [^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('aria-labelledby="loss-loss-title loss-loss-desc"');
    expect(html).toContain('aria-labelledby="loss-grad-title loss-grad-desc"');
    expect(html.match(/class="crosshair"/g)).toHaveLength(2);
    expect(html).toMatch(/class="series c-bce deriv" d="M[\d.]+,[\d.]+L/);
    expect(html).toContain('class="shade"');
    expect(html).toContain('최대 |∂L/∂z| = 0.148');
  });

  test('controls: loss checkboxes, a y toggle, a labelled z slider; readout and table', () => {
    expect(html).toMatch(/<input type="radio" name="loss-y" value="1" checked/);
    expect(html).toContain('id="loss-z" type="range" min="-8" max="8" step="0.1" value="-6"');
    expect(html).toContain('aria-valuetext="로짓 z = −6, 출력 ŷ = 0.00247"');
    expect(html).toContain('∂L/∂z의 비: 교차 엔트로피가 평균 제곱 오차의 405배');
    expect(html).toContain('<caption>로짓 z별 손실과 기울기 (y = 1)</caption>');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  test('frames keep one aspect ratio, so the compact switch never moves the page', () => {
    expect(LOSS_FRAMES.wide.height / LOSS_FRAMES.wide.width).toBeCloseTo(
      LOSS_FRAMES.compact.height / LOSS_FRAMES.compact.width,
      9,
    );
  });
});
