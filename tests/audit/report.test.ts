import { describe, expect, test } from 'vitest';
import { budgetFailure, countByCheck, formatBytes, formatFailures, formatTable, pageLine, summaryTable, width } from '../../scripts/audit/report.mjs';

describe('formatBytes', () => {
  test('bytes below 1 KB stay bytes; above, KB with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(153600)).toBe('150.0 KB');
    expect(formatBytes(-2048)).toBe('-2.0 KB');
    expect(formatBytes(null)).toBe('–');
  });
});

describe('formatTable', () => {
  test('aligns columns, numbers to the right', () => {
    const t = formatTable(['page', 'perf'], [['/', '100'], ['/notes/a/', '97']]);
    expect(t.split('\n')).toEqual(['page       perf', '─────────  ────', '/           100', '/notes/a/    97']);
  });
  test('Hangul counts two columns wide', () => {
    expect(width('기울기')).toBe(6);
    expect(width('a기')).toBe(3);
  });
});

describe('summaryTable', () => {
  test('one row per page with scores, bytes and what failed', () => {
    const t = summaryTable([
      {
        path: '/notes/a/',
        lighthouse: { scores: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } },
        bytes: { jsGzip: 32000, cssGzip: 16000, fontBytes: 120000, htmlGzip: 15000 },
        extraJsGzip: 0,
        domElements: 987,
        failed: [],
      },
      { path: '/404.html', bytes: { jsGzip: 30000, cssGzip: 16000, fontBytes: 30000, htmlGzip: 4000 }, extraJsGzip: 0, failed: ['a11y', 'bytes'] },
    ]);
    const [header, , a, b] = t.split('\n');
    expect(header).toMatch(/^page\s+perf\s+a11y\s+bp\s+seo\s+JS gz\s+own JS\s+CSS gz\s+fonts\s+HTML gz\s+DOM\s+failed$/);
    expect(a).toMatch(/^\/notes\/a\/\s+98\s+100\s+100\s+100\s+31\.3 KB\s+0 B\s+15\.6 KB\s+117\.2 KB\s+14\.6 KB\s+987\s+ok$/);
    expect(b).toMatch(/^\/404\.html\s+–\s+–\s+–\s+–\s.*a11y,bytes$/);
  });
});

describe('failures', () => {
  const failures = [
    { page: '/a/', check: 'a11y', detail: 'color-contrast' },
    { page: '/b/', check: 'bytes', detail: 'fonts 151 KB > 150 KB' },
    { page: '/a/', check: 'errors', detail: 'console: boom' },
  ];
  test('are grouped by page, each line naming its check', () => {
    expect(formatFailures(failures).split('\n')).toEqual([
      '  /a/',
      '    ✖ [a11y] color-contrast',
      '    ✖ [errors] console: boom',
      '  /b/',
      '    ✖ [bytes] fonts 151 KB > 150 KB',
    ]);
  });
  test('are counted per check', () => {
    expect(countByCheck(failures)).toBe('a11y 1, bytes 1, errors 1');
  });
  test('no failures, no text', () => {
    expect(formatFailures([])).toBe('');
  });
});

describe('budgetFailure', () => {
  test('too many elements is a dom failure that says to split the note', () => {
    const f = budgetFailure({ name: 'domElements', value: 1450, max: 1200, over: 250 });
    expect(f.check).toBe('dom');
    expect(f.detail).toBe('1450 elements > budget 1200 (over by 250): split the note into shorter notes (CONTRIBUTING.md, "길이")');
  });
  test('a JS budget is a bytes failure that lists the page’s own files', () => {
    const f = budgetFailure({ name: 'jsIslands', value: 31744, max: 30720, over: 1024 }, [{ path: '/_astro/Island.js', gzip: 20480 }]);
    expect(f).toEqual({ check: 'bytes', detail: 'jsIslands 31.0 KB > budget 30.0 KB (over by 1.0 KB) (own JS: /_astro/Island.js 20.0 KB)' });
  });
  test('other byte budgets name no files', () => {
    expect(budgetFailure({ name: 'fonts', value: 2048, max: 1024, over: 1024 }, [{ path: '/x.js', gzip: 1 }]).detail).toBe('fonts 2.0 KB > budget 1.0 KB (over by 1.0 KB)');
  });
});

describe('pageLine', () => {
  test('marks a failing page and lists its failed checks', () => {
    const line = pageLine({ path: '/c/', isChartPage: true, islands: 2, bytes: { jsGzip: 70000, cssGzip: 18000, fontBytes: 100000, htmlGzip: 40000 }, domElements: 1234, failed: ['no-js'] });
    expect(line).toBe('✖ /c/ (chart page, 2 island(s)) JS 68.4 KB, CSS 17.6 KB, fonts 97.7 KB, HTML 39.1 KB, 1234 elements · failed: no-js');
  });
});
