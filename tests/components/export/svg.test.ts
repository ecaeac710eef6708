/** The standalone SVG file of a chart (composeSvg): well-formed, titled, sourced, with the plots inside. */
import { describe, expect, test } from 'vitest';
import { composeSvg, escapeXml, PAD, wrapText } from '../../../src/components/charts/export/svg';
import { textWidth } from '../../../src/components/charts/shared/format';

/** Checks that tags nest properly and returns the element names in order (a minimal XML well-formedness check). */
function elements(xml: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (close) expect(stack.pop(), `</${name}>`).toBe(name);
    else {
      names.push(name);
      if (!selfClose) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#39);)/);
  return names;
}

const plot =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400" width="700" height="437.5"><path d="M0,0L10,10" style="stroke:rgb(31, 95, 191)"/></svg>';

function compose(over: Partial<Parameters<typeof composeSvg>[0]> = {}) {
  return composeSvg({
    width: 700,
    title: '활성화 함수 그래프: 시그모이드, tanh <비교> & 도함수',
    source: '출처: 딥러닝 노트 http://localhost:4321/notes/activation-functions/?sig-tanh.domain=-4,4&x=1#sig-tanh',
    parts: [
      { kind: 'text', text: '층별 기울기 크기', size: 14, weight: 600, color: 'rgb(0, 0, 0)' },
      { kind: 'svg', markup: plot, width: 700, height: 437.5 },
      {
        kind: 'legend',
        items: [
          {
            swatch:
              '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 16" width="40" height="16"><line x1="2" x2="38" y1="8" y2="8"/></svg>',
            label: '시그모이드',
          },
        ],
        size: 14,
        color: 'rgb(1, 2, 3)',
      },
    ],
    background: 'rgb(255, 255, 255)',
    strong: 'rgb(23, 24, 28)',
    text: 'rgb(53, 56, 65)',
    fontFamily: "'DL Notes Sans KR', system-ui, sans-serif",
    fontCss: "@font-face{font-family:'DL Notes Sans KR';src:url(data:font/woff2;base64,d09GMgAB) format('woff2')}",
    ...over,
  });
}

describe('composeSvg', () => {
  test('is well-formed XML with the SVG namespace, a title and integer size', () => {
    const { svg, width, height } = compose();
    expect(width).toBe(700 + 2 * PAD);
    const names = elements(svg);
    expect(names[0]).toBe('svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`);
    expect(Number.isInteger(height)).toBe(true);
    expect(svg).toContain(`<title>${escapeXml('활성화 함수 그래프: 시그모이드, tanh <비교> & 도함수')}</title>`);
  });

  test('contains the plot as drawn, the legend, the source URL and the embedded font', () => {
    const { svg } = compose();
    expect(svg).toContain(plot);
    expect(svg).toContain('>시그모이드</text>');
    expect(svg).toContain(escapeXml('?sig-tanh.domain=-4,4&x=1#sig-tanh'));
    expect(svg).toMatch(
      /<style>@font-face\{font-family:'DL Notes Sans KR';src:url\(data:font\/woff2;base64,d09GMgAB\)/,
    );
    expect(svg).toContain('fill="rgb(255, 255, 255)"');
  });

  test('is as tall as its parts: a taller plot makes a taller file by the same amount', () => {
    const a = compose();
    const b = compose({ parts: [{ kind: 'svg', markup: plot, width: 700, height: 537.5 }] });
    const c = compose({ parts: [{ kind: 'svg', markup: plot, width: 700, height: 437.5 }] });
    expect(b.height - c.height).toBe(100);
    expect(a.height).toBeGreaterThan(c.height);
  });

  test('scales a plot wider than the file down to fit', () => {
    const { svg } = compose({ width: 350, parts: [{ kind: 'svg', markup: plot, width: 700, height: 437.5 }] });
    expect(svg).toContain('scale(0.5)');
  });
});

describe('wrapText', () => {
  test('no line is wider than the room, and the words come back in order', () => {
    const text = '층별 기울기 크기 (로그 눈금): 시그모이드, 표준 초기화 U[−1/√n, 1/√n], 깊이 20층, 너비 64, 시드 1';
    const lines = wrapText(text, 16, 300);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 16)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(text);
  });

  test('breaks a URL longer than a line inside it, losing no character', () => {
    const url = 'http://localhost:4321/notes/gradient-lab/?lab.activation=relu&lab.init=he&lab.depth=50#lab';
    const lines = wrapText(url, 11, 200 - 2 * PAD);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(url);
  });
});
