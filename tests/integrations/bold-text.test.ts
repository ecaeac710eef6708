import { describe, expect, it } from 'vitest';
import { boldMatchers, boldTextOf } from '../../src/integrations/bold-text.mjs';

describe('boldTextOf with the matchers of a stylesheet', () => {
  it('counts text made semibold by a class rule (the home page note cards), not its unstyled neighbours', () => {
    const css =
      '.note-list:where(.astro-x) a:where(.astro-x){font-weight:600;font-size:1.1rem}.note-list p{color:gray}';
    const html =
      '<ul class="note-list astro-x"><li><a class="astro-x" href="/a/">머신러닝과 딥러닝</a><p class="astro-x">설명 문장</p></li></ul>';
    const text = boldTextOf(html, boldMatchers(css));
    expect(text).toContain('머신러닝과 딥러닝');
    expect(text).not.toContain('설명');
  });

  it('follows :is() lists, attribute selectors, custom properties and the font shorthand; ignores weights under 500', () => {
    const css =
      ':root{--strong-weight:700}.x :is(h2,dt):not(.n){font-weight:var(--strong-weight)}' +
      '[aria-current=page]:hover{font:600 1rem sans-serif}.thin{font-weight:400}@media (min-width:50em){.wide b{font-weight:bolder}}';
    const html =
      '<h2>제목</h2><dl><dt>용어</dt><dd>풀이</dd></dl><a aria-current="page" href="/">현재</a><span class="thin">얇게</span>';
    const text = boldTextOf(html, boldMatchers(css));
    for (const w of ['제목', '용어', '현재']) expect(text).toContain(w);
    for (const w of ['풀이', '얇게']) expect(text).not.toContain(w);
  });

  it("includes the browser's own bold elements and nested text, and skips scripts and void elements", () => {
    const html =
      '<p>보통 <strong>굵게 <em>기울여</em></strong> 다시 보통<br><b>b</b></p><th>머리</th><script>"숨김"</script>';
    const text = boldTextOf(html, boldMatchers(''));
    for (const w of ['굵게', '기울여', 'b', '머리']) expect(text).toContain(w);
    for (const w of ['보통', '다시', '숨김']) expect(text).not.toContain(w);
  });
});
