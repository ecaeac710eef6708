/**
 * Links between notes resolve to real headings, every citation has a source entry, and no
 * note copies the seed post's Korean phrasing. Numbers from papers (AlexNet's "about 6×",
 * MNIST's 28×28) cannot be recomputed; they are only checked to be present and cited.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { activations } from '../../src/lib';
import { expectInNote, NOTE_SLUGS, noteBody, noteSource } from './note-text';

describe('노트의 링크와 출처', () => {
  const slugger = new GithubSlugger();
  const anchors: Record<string, Set<string>> = Object.fromEntries(
    NOTE_SLUGS.map((slug) => {
      slugger.reset();
      const ids = new Set<string>();
      for (const line of noteBody(slug).split('\n')) {
        const m = /^(#{2,4}) (.+)$/.exec(line);
        if (m) ids.add(slugger.slug(m[2]));
      }
      return [slug, ids];
    }),
  ) as Record<string, Set<string>>;

  /** Lab settings as the lab reads them from `?lab.<prop>=<value>` (src/components/charts/lab-params). */
  const validLabSetting: Record<string, (v: string) => boolean> = {
    activation: (v) => v in activations,
    init: (v) => ['small', 'standard', 'xavier', 'he'].includes(v),
    depth: (v) => Number.isInteger(+v) && +v >= 1 && +v <= 50,
    width: (v) => Number.isInteger(+v) && +v >= 8 && +v <= 128,
    seed: (v) => Number.isInteger(+v),
  };
  function expectValidLabQuery(query: string): void {
    for (const [key, value] of new URLSearchParams(query)) {
      const [id, prop] = key.split('.');
      expect(id).toBe('lab');
      expect(validLabSetting[prop]?.(value), `${key}=${value}`).toBe(true);
    }
  }

  it('노트 사이의 링크는 모두 있는 노트와 있는 제목을 가리킨다', () => {
    let count = 0;
    for (const slug of NOTE_SLUGS) {
      for (const m of noteBody(slug).matchAll(/\]\((\/notes\/[^)\s]*)\)/g)) {
        const link = /^\/notes\/([a-z0-9-]+)\/(\?[^#]+)?(?:#(.+))?$/.exec(m[1]);
        expect(link, `${slug}: ${m[1]} should look like /notes/<slug>/#<id>`).not.toBeNull();
        const [, target, query, hash] = link!;
        expect(NOTE_SLUGS, `${slug}: ${m[1]}`).toContain(target);
        if (hash) expect(anchors[target as string].has(hash), `${slug}: #${hash} in ${target}`).toBe(true);
        // A query presets a chart (`?<chart id>.<prop>=…`); the gradient lab's must be settings it accepts.
        if (query) {
          for (const key of new URLSearchParams(query).keys())
            expect(key, `${slug}: ${m[1]}`).toMatch(/^[a-z][a-z0-9-]*\.[a-zA-Z]+$/);
          if (target === 'gradient-lab') expectValidLabQuery(query);
        }
        count++;
      }
    }
    expect(count).toBeGreaterThan(80);
  });

  it('"직접 해 보기"의 링크는 유효한 실험 설정이다', () => {
    const links = [...noteBody('gradient-lab').matchAll(/\]\((\?[^)#]+)#직접-해-보기\)/g)];
    expect(links.length).toBeGreaterThanOrEqual(12);
    expect(anchors['gradient-lab'].has('직접-해-보기')).toBe(true);
    for (const [, query] of links) expectValidLabQuery(query);
  });

  it('각 노트는 용어집으로, 용어집의 각 용어는 노트로 연결된다', () => {
    for (const slug of NOTE_SLUGS.filter((s) => s !== 'glossary')) {
      expect(noteBody(slug)).toMatch(/\]\(\/notes\/glossary\/#/);
    }
    const terms = noteBody('glossary')
      .split(/\n(?=### )/)
      .slice(1);
    expect(terms.length).toBeGreaterThanOrEqual(40);
    for (const term of terms) {
      const heading = term.split('\n')[0];
      expect(heading, 'each term is "한국어 (English)"').toMatch(/^### .+ \([a-zA-Z][a-zA-Z ,-]*\)$/);
      expect(term, heading).toMatch(/쓰인 곳: \[/);
    }
    for (const term of [
      '역전파',
      '기울기',
      '활성화 함수',
      '포화',
      '가중치 초기화',
      '기울기 소실',
      '기울기 폭주',
      '연쇄 법칙',
      '순전파',
      '은닉층',
      '특징 추출',
      '배치 정규화',
      '잔차 연결',
      '죽은 ReLU',
      '손실 함수',
      '학습률',
      '과적합',
    ]) {
      expect(noteBody('glossary'), term).toContain(`### ${term} (`);
    }
  });

  it('sources: 시드의 참고 자료(호스트만)와 인용한 논문', () => {
    const urls = (slug: string) => [...noteSource(slug).matchAll(/^\s+url: (\S+)$/gm)].map((m) => m[1]);
    const all = NOTE_SLUGS.flatMap(urls);
    for (const host of [
      'https://wkdus0608.tistory.com/',
      'https://pro-jy.tistory.com/',
      'https://velog.io/',
      'https://heytech.tistory.com/',
    ]) {
      expect(all).toContain(host);
    }
    const papers: [string, string][] = [
      ['vanishing-gradient', 'https://proceedings.mlr.press/v9/glorot10a.html'],
      ['weight-initialization', 'https://proceedings.mlr.press/v9/glorot10a.html'],
      ['gradient-lab', 'https://proceedings.mlr.press/v9/glorot10a.html'],
      ['weight-initialization', 'https://arxiv.org/abs/1502.01852'],
      ['relu', 'https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf'],
      ['relu', 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf'],
      ['vanishing-gradient', 'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf'],
      [
        'vanishing-gradient-remedies',
        'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf',
      ],
      ['vanishing-gradient-remedies', 'https://doi.org/10.1162/neco.1997.9.8.1735'],
      ['vanishing-gradient-remedies', 'https://arxiv.org/abs/1502.03167'],
      ['vanishing-gradient-remedies', 'https://arxiv.org/abs/1512.03385'],
      ['beyond-relu', 'https://arxiv.org/abs/1606.08415'],
      ['beyond-relu', 'https://arxiv.org/abs/1511.07289'],
      ['vanishing-gradient-remedies', 'https://proceedings.mlr.press/v28/pascanu13.html'],
      ['ml-vs-dl', 'https://doi.org/10.1109/5.726791'],
    ];
    for (const [slug, url] of papers) expect(urls(slug), slug).toContain(url);
    // every URL is absolute https
    for (const url of all) expect(url).toMatch(/^https:\/\//);
  });

  it('본문의 모든 인용 "저자(연도)"·"저자, 연도"는 그 노트의 sources 제목에 저자와 연도로 있다', () => {
    // "Glorot & Bengio(2010)", "He 외(2015)", "(LeCun, Bottou, Orr & Müller, 1998"; an acronym ("SVM, …") is not an author.
    const citation = /\b([A-Z][a-z][a-zA-Z]*)(?:(?:, | & )[A-Z][a-zA-Zü]+)*(?: 외)?(?:\(|, )((?:19|20)\d\d)\b/g;
    let found = 0;
    for (const slug of NOTE_SLUGS) {
      const titles = [
        ...noteSource(slug)
          .split('\n---\n')[0]
          .matchAll(/^\s+- title: (.*)$/gm),
      ].map((m) => m[1]);
      for (const [text, author, year] of noteBody(slug).matchAll(citation)) {
        expect(
          titles.some((t) => t.includes(author) && t.includes(year)),
          `${slug}: "${text}" has no source titled with ${author} and ${year}`,
        ).toBe(true);
        found++;
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('본문에서 인용한 논문은 sources에 있다', () => {
    const cited: [string, string, string][] = [
      ['vanishing-gradient', 'Glorot & Bengio(2010)', 'glorot10a'],
      ['weight-initialization', 'Glorot & Bengio(2010)', 'glorot10a'],
      ['gradient-lab', 'Glorot & Bengio(2010)', 'glorot10a'],
      ['weight-initialization', 'He 외, 2015', '1502.01852'],
      ['vanishing-gradient', 'Hochreiter(1991)', 'SeppHochreiter1991'],
      ['vanishing-gradient-remedies', 'Hochreiter(1991)', 'SeppHochreiter1991'],
      ['vanishing-gradient-remedies', 'Hochreiter & Schmidhuber(1997)', 'neco.1997.9.8.1735'],
      ['vanishing-gradient-remedies', 'Ioffe & Szegedy, 2015', '1502.03167'],
      ['vanishing-gradient-remedies', 'He 외, 2016', '1512.03385'],
      ['vanishing-gradient-remedies', 'Pascanu, Mikolov & Bengio(2013)', 'pascanu13'],
      ['relu', 'Nair & Hinton(2010)', 'reluICML'],
      ['relu', 'Maas, Hannun & Ng(2013)', 'relu_hybrid_icml2013'],
      ['beyond-relu', 'Hendrycks & Gimpel, 2016', '1606.08415'],
      ['beyond-relu', 'Clevert, Unterthiner & Hochreiter(2015)', '1511.07289'],
      ['relu', 'Krizhevsky 외(2012)', 'c399862d3b9d6b76c8436e924a68c45b'],
      ['ml-vs-dl', 'LeCun 외, 1998', '10.1109/5.726791'],
    ];
    for (const [slug, citation, url] of cited) {
      expectInNote(slug, citation);
      expect(noteSource(slug).split('\n---\n')[0], `${slug}: ${url}`).toContain(url);
    }
  });
});

describe('시드 노트의 문장을 옮겨 쓰지 않았다', () => {
  const seedPath = fileURLToPath(new URL('../../../shared/seed/000_9c9467e26321ef18.txt', import.meta.url));
  it.skipIf(!existsSync(seedPath))('시드와 공백을 무시하고 12자 이상 겹치는 한국어 구절이 없다', () => {
    // Shared technical terms ("역전파(backpropagation)") are fine; shared Korean phrasing is not.
    // Naming the seed post when crediting it is attribution, not copying.
    const SEED_TITLE = '딥러닝과 머신러닝의 차이/ 활성화함수/ 기울기소실문제';
    const squash = (s: string) => s.split(SEED_TITLE).join('「」').replace(/\s+/g, '');
    const hangul = (s: string) => (s.match(/[\uac00-\ud7a3]/g) ?? []).length;
    const seed = squash(readFileSync(seedPath, 'utf8'));
    const n = 12;
    const grams = new Set<string>();
    for (let i = 0; i + n <= seed.length; i++) grams.add(seed.slice(i, i + n));
    for (const slug of NOTE_SLUGS) {
      const text = squash(noteBody(slug));
      const hits = new Set<string>();
      for (let i = 0; i + n <= text.length; i++) {
        const g = text.slice(i, i + n);
        if (hangul(g) >= 8 && grams.has(g)) hits.add(g);
      }
      expect([...hits], `${slug}.mdx shares these with the seed`).toEqual([]);
    }
  });
});
