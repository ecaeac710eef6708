import { describe, expect, it } from 'vitest';
import { noteFields } from '../../src/content/note-schema';

const valid = {
  description: '시그모이드를 깊게 쌓으면 기울기가 사라지는 이유',
  tags: ['기울기 소실'],
  sources: [{ title: 'Glorot & Bengio (2010)', url: 'https://proceedings.mlr.press/v9/glorot10a.html' }],
  updated: '2026-11-27',
};

function messages(input: unknown) {
  const r = noteFields.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('note frontmatter schema', () => {
  it('accepts a complete note and coerces the date', () => {
    const r = noteFields.parse(valid);
    expect(r.updated).toEqual(new Date('2026-11-27'));
  });

  it('defaults tags and sources to empty lists', () => {
    const r = noteFields.parse({ description: valid.description });
    expect(r.tags).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('requires a description and says how to write one', () => {
    const [msg] = messages({ ...valid, description: undefined });
    expect(msg).toMatch(/^description: 한 문장 요약/);
  });

  it('rejects a source without a full URL, naming the field', () => {
    const msgs = messages({ ...valid, sources: [{ title: 'x', url: 'glorot10a' }] });
    expect(msgs.join('\n')).toContain('sources.0.url: http(s)로 시작하는 전체 URL');
  });

  it('rejects a javascript: URL in sources', () => {
    expect(messages({ ...valid, sources: [{ title: 'x', url: 'javascript:alert(1)' }] })).toHaveLength(1);
  });

  it('rejects an impossible date', () => {
    expect(messages({ ...valid, updated: 'yesterday' }).join('\n')).toContain('updated: YYYY-MM-DD');
  });

  it('rejects tags that are not a list', () => {
    expect(messages({ ...valid, tags: '활성화 함수' }).join('\n')).toContain('tags: 문자열 목록');
  });
});
