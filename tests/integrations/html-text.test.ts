import { describe, expect, it } from 'vitest';
import { codePoints, decodeEntities, unicodeRange, visibleText } from '../../src/integrations/html-text.mjs';

describe('visibleText', () => {
  it('keeps text and attribute values but drops scripts, styles and comments', () => {
    const html = '<p title="툴팁">본문 &amp; 수식</p><script>const 숨김 = 1</script><style>.가{}</style><!-- 주석 -->';
    const text = visibleText(html);
    expect(text).toContain('본문 & 수식');
    expect(text).toContain('툴팁');
    expect(text).not.toContain('숨김');
    expect(text).not.toContain('주석');
    expect(text).not.toContain('.가');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities', () => {
    expect(decodeEntities('&lt;a&gt; &#44032; &#xAC01; &quot;')).toBe('<a> 가 각 "');
  });
});

describe('codePoints and unicodeRange', () => {
  it('lists unique code points in order, without line breaks and control characters', () => {
    expect(codePoints('나 가 가\n다\t\r\u2028')).toEqual([0x20, 0xac00, 0xb098, 0xb2e4]);
  });

  it('keeps every space character (U+0020, no-break, thin) for the subset to draw when the font has it', () => {
    expect(codePoints('1\u00a0KB, 10\u2009ms')).toEqual([0x20, 0x2c, 0x30, 0x31, 0x42, 0x4b, 0x6d, 0x73, 0xa0, 0x2009]);
  });

  it('merges consecutive code points into ranges', () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0x45, 0xac00])).toBe('U+41-43, U+45, U+AC00');
  });
});
