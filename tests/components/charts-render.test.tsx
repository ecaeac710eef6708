/** Render tests of the presentational chart components (preact-render-to-string, no DOM). */
import { describe, expect, test } from 'vitest';
import { render } from 'preact-render-to-string';
import { BottomAxis, SideAxis } from '../../src/components/charts/shared/Axis';
import { DistributionChart } from '../../src/components/charts/lab/DistributionChart';
import { EXPLORER_FRAMES, LAB_FRAMES, spreadLabels, type Frame } from '../../src/components/charts/shared/frame';
import { LinePlot, linePath, linePlotScales } from '../../src/components/charts/shared/LinePlot';
import {
  decadeTicks,
  layerScale,
  layerTicks,
  LogGradientChart,
} from '../../src/components/charts/shared/LogGradientChart';

/** A frame whose plot area maps x ∈ [0, 10] to [10, 110] and y ∈ [0, 1] to [110, 10]. */
const FRAME: Frame = {
  width: 130,
  height: 130,
  margin: { top: 10, right: 20, bottom: 20, left: 10 },
  font: 10,
  xTicks: 5,
  yTicks: 5,
  endLabels: true,
};

describe('Axis', () => {
  const ticks = [
    { pos: 10, label: '0' },
    { pos: 60, label: '5' },
    { pos: 110, label: '10' },
  ];

  test('draws the grid and the ticks as one path each, with one bare label per tick', () => {
    const html = render(<svg>{BottomAxis({ frame: FRAME, ticks, title: 'x' })}</svg>);
    // Plot area: x 10…110, y 10…110 (FRAME); the axis sits at y = 110.
    expect(html).toContain('<path class="grid" d="M10,110V10M60,110V10M110,110V10"');
    expect(html).toContain('<path d="M10,110H110M10,110v5M60,110v5M110,110v5"');
    expect(html.match(/<text /g)).toHaveLength(ticks.length + 1); // + the axis title
    expect(html).not.toMatch(/<line|<g transform/);
    expect(html).toContain('<text x="60" y="127" text-anchor="middle">5</text>');
  });

  test('a right-hand axis puts its tick marks and labels outside the plot', () => {
    const html = render(<svg>{SideAxis({ frame: FRAME, ticks, side: 'right', grid: false })}</svg>);
    expect(html).not.toContain('class="grid"');
    expect(html).toContain('<path d="M110,110V10M110,10h5M110,60h5M110,110h5"');
    expect(html).toContain('<text x="118" y="60" dy="0.35em" text-anchor="start">5</text>');
  });
});

describe('LinePlot', () => {
  test('a line through known points has the expected path', () => {
    const { x, y } = linePlotScales(FRAME, [0, 10], [0, 1]);
    expect(
      linePath(
        [
          [0, 0],
          [5, 0.8],
          [10, 1],
        ],
        x,
        y,
      ),
    ).toBe('M10,110L60,30L110,10');
    // Samples on a straight stretch are not drawn one by one (see simplify.ts).
    expect(
      linePath(
        [
          [0, 0],
          [5, 0.5],
          [10, 1],
        ],
        x,
        y,
      ),
    ).toBe('M10,110L110,10');
    // Non-finite points leave a gap instead of corrupting the path.
    expect(
      linePath(
        [
          [0, 0],
          [5, NaN],
          [10, 1],
        ],
        x,
        y,
      ),
    ).toBe('M10,110ZM110,10Z');
  });

  test('renders an accessible SVG with axes, lines, end labels, shades, peaks and crosshair', () => {
    const html = render(
      <LinePlot
        idPrefix="t"
        title="제목"
        desc="설명"
        frame={FRAME}
        xDomain={[0, 10]}
        yDomain={[0, 1]}
        xLabel="x"
        yLabel="f(x)"
        lines={[
          {
            key: 'a',
            colorClass: 'c-sigmoid',
            deriv: false,
            points: [
              [0, 0],
              [10, 1],
            ],
            symbol: 0,
            endLabel: '시그모이드',
          },
          {
            key: 'b',
            colorClass: 'c-sigmoid',
            deriv: true,
            points: [
              [0, 1],
              [10, 0],
            ],
            symbol: 0,
          },
        ]}
        shades={[{ key: 's', colorClass: 'c-sigmoid', x0: 0, x1: 2, label: '포화', row: 0 }]}
        peaks={[{ key: 'p', colorClass: 'c-sigmoid', x: 5, y: 0.25, label: '최대 f′ = 0.25' }]}
        crosshair={{ x: 5, dots: [{ key: 'a', colorClass: 'c-sigmoid', y: 0.5 }] }}
        plotLabel="그래프 읽기"
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="t-title t-desc"');
    expect(html).toContain('<title id="t-title">제목</title>');
    expect(html).toContain('d="M10,110L110,10"');
    expect(html).toMatch(/class="series c-sigmoid deriv" d="M10,10L110,110"/);
    expect(html).toContain('>시그모이드</text>');
    expect(html).toContain('<rect class="shade" x="10" y="10" width="20" height="100"');
    expect(html).toContain('<circle class="peak" cx="60" cy="85"');
    expect(html).toContain('<line class="crosshair" x1="60" x2="60"');
    expect(html).toContain('tabindex="0"');
    // Tick labels from d3's tickFormat (0, 2, 4, …, 10 and 0, 0.2, …, 1).
    expect(html).toContain('>10</text>');
    expect(html).toContain('>0.2</text>');
  });

  test('the real frames keep one aspect ratio, so the compact switch never moves the page', () => {
    for (const frames of [EXPLORER_FRAMES, LAB_FRAMES]) {
      expect(frames.wide.height / frames.wide.width).toBeCloseTo(frames.compact.height / frames.compact.width, 6);
    }
  });
});

describe('LogGradientChart', () => {
  const base = {
    idPrefix: 'g',
    title: '기울기',
    desc: '설명',
    frame: LAB_FRAMES.wide,
    yDomain: [1e-20, 1] as [number, number],
    xLabel: '층',
    yLabel: '노름',
  };

  test('an underflowed (0) value is an explicit marker with a label, not a hole', () => {
    const html = render(
      <LogGradientChart
        {...base}
        depth={4}
        series={[
          {
            key: 'h',
            colorClass: 'c-grad-h',
            style: 'solid',
            symbol: 0,
            endLabel: '∂L/∂h',
            values: [0, 1e-10, 1e-5, 1],
          },
        ]}
      />,
    );
    expect(html).toContain('data-underflow="1"');
    expect(html).not.toContain('data-underflow="2"');
    expect(html).toContain('▼ 10⁻³⁰⁰ 미만');
    expect(html).not.toMatch(/NaN|Infinity/);
    // The line covers the three plottable layers.
    const d = /class="series" d="([^"]*)"/.exec(html)![1];
    expect(d.match(/L/g)).toHaveLength(2);
  });

  test('non-finite values: NaN at the bottom, +∞ at the top; an all-zero chart still renders', () => {
    const html = render(
      <LogGradientChart
        {...base}
        depth={3}
        series={[
          { key: 'h', colorClass: 'c-grad-h', style: 'solid', symbol: 0, endLabel: 'h', values: [NaN, Infinity, 1e-3] },
        ]}
      />,
    );
    expect(html).toContain('data-underflow="1"');
    expect(html).toContain('data-overflow="2"');
    expect(html).not.toMatch(/NaN|Infinity/);

    const zero = render(
      <LogGradientChart
        {...base}
        depth={2}
        series={[{ key: 'h', colorClass: 'c-grad-h', style: 'solid', symbol: 0, endLabel: 'h', values: [0, 0] }]}
      />,
    );
    expect(zero).toContain('data-underflow="2"');
    expect(zero).toContain('role="img"');
  });

  test('decade ticks are superscript powers of ten; layer ticks include 1 and the depth', () => {
    const y = (v: number) => Math.log10(v);
    expect(decadeTicks(y, [1e-20, 1], 5).map((t) => t.label)).toEqual(['1', '10⁻⁵', '10⁻¹⁰', '10⁻¹⁵', '10⁻²⁰']);
    const x = layerScale(LAB_FRAMES.wide, 50);
    const labels = layerTicks(x, 50, 10).map((t) => t.label);
    expect(labels[0]).toBe('1');
    expect(labels).toContain('50');
    expect(layerTicks(layerScale(LAB_FRAMES.wide, 1), 1, 10).map((t) => t.label)).toEqual(['1']);
  });
});

describe('DistributionChart', () => {
  test('draws the mean ± std band and one bar per layer with a nonzero fraction', () => {
    const html = render(
      <DistributionChart
        idPrefix="d"
        title="분포"
        desc="설명"
        frame={LAB_FRAMES.wide}
        depth={3}
        mean={[0.5, 0.6, 0.7]}
        std={[0.2, 0.1, 0.05]}
        fraction={[0, 0.5, 1]}
        yDomain={[0, 1]}
        xLabel="층"
        yLabel="활성값"
        fractionLabel="포화된 유닛 비율"
      />,
    );
    expect(html.match(/class="bar"/g)).toHaveLength(2);
    expect(html).toContain('class="band" d="M');
    expect(html).toContain('>100%</text>');
    expect(html).toContain('aria-labelledby="d-title d-desc"');
  });
});

describe('spreadLabels', () => {
  test('keeps labels apart and inside bounds', () => {
    const out = spreadLabels([50, 50, 51], 10, 0, 100);
    const sorted = [...out].sort((a, b) => a - b);
    expect(sorted[1] - sorted[0]).toBeGreaterThanOrEqual(10);
    expect(sorted[2] - sorted[1]).toBeGreaterThanOrEqual(10);
    expect(spreadLabels([95, 99], 10, 0, 100)).toEqual([90, 100]);
  });
});
