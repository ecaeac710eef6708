/**
 * Writing rules every note follows (CONTRIBUTING.md, 본문 작성 규칙): a bold term is followed
 * directly by its particle, and one concept has one Korean term across the notes, the chart UI
 * and the glossary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initLabels } from '../../src/components/charts/lab/compute';
import { labView, summarize } from '../../src/components/charts/lab/data';
import { computeLab } from '../../src/components/charts/lab/compute';
import { NOTE_SLUGS, noteBody } from './note-text';

/** Particles (and the copula) that attach to the word before them in Korean. */
const PARTICLES = [
  '입니다',
  '이다',
  '이라고',
  '라고',
  '이라는',
  '라는',
  '이며',
  '이고',
  '으로',
  '로',
  '에서',
  '에게',
  '에',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '와',
  '과',
  '도',
  '만',
  '처럼',
  '보다',
  '까지',
  '부터',
  '이나',
  '나',
];
/** `**…** 입니다`: a closing `**`, a space, then a particle standing alone as a word. */
const SPACED_PARTICLE = new RegExp(`\\*\\*[ \\t]+(${PARTICLES.join('|')})(?=[\\s.,;:!?)]|$)`, 'gmu');

function spacedParticles(text: string): string[] {
  return [...text.matchAll(SPACED_PARTICLE)].map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length));
}

describe('굵은 용어 뒤의 조사는 띄우지 않는다', () => {
  it('검사기는 리뷰가 찾은 옛 문장을 잡고, 고친 문장은 통과시킨다', () => {
    const old = [
      '이 $f$가 **활성화 함수(activation function)** 입니다.',
      '가장 오래 알려진 원인이 **기울기 소실(vanishing gradient)** 입니다.',
      '이를 **기울기 폭주(exploding gradient)** 라고 합니다.',
      'Hochreiter & Schmidhuber(1997)의 **LSTM(long short-term memory)** 은 기억을',
    ];
    for (const s of old) expect(spacedParticles(s), s).toHaveLength(1);
    const fixed = [
      '이 $f$가 **활성화 함수**(activation function)입니다.',
      '가장 오래 알려진 원인이 **기울기 소실**(vanishing gradient)입니다.',
      '이를 **기울기 폭주**(exploding gradient)라고 합니다.',
      '**LSTM**(long short-term memory)은 기억을',
      '곱의 각 항은 도함수와 **가중치**의 곱이므로',
      '1. **비선형일 것**(필수): 위에서 본 이유입니다.',
      '**출력 범위**: $(0, 1)$이고',
    ];
    for (const s of fixed) expect(spacedParticles(s), s).toEqual([]);
  });

  it.each(NOTE_SLUGS)('%s.mdx에 "** 조사"가 없다', (slug) => {
    expect(spacedParticles(noteBody(slug))).toEqual([]);
  });
});

/** Notes' prose: without link targets, inline code and chart tags (their props are ids, not words). */
function prose(slug: string): string {
  return noteBody(slug)
    .replace(/^<[A-Z][\s\S]*?\/>$/gm, '')
    .replace(/\]\([^)]*\)/g, ']()')
    .replace(/`[^`]*`/g, '``');
}

const CHART_UI_FILES = [
  'src/components/charts/lab/data.ts',
  'src/components/charts/lab/GradientLabIsland.tsx',
  'src/components/charts/lab/DistributionChart.tsx',
  'src/components/charts/shared/LogGradientChart.tsx',
  'src/components/charts/explorer/ActivationExplorerIsland.tsx',
  'src/components/charts/explorer/data.ts',
  'src/components/charts/lib-adapter.ts',
  'src/lib/network/init.ts',
];
/** The Korean string literals of a UI source file (what the chart shows). */
function koreanStrings(file: string): string {
  const src = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  return [...src.matchAll(/(['`])((?:(?!\1)[^\\\n]|\\.)*[\uac00-\ud7a3](?:(?!\1)[^\\\n]|\\.)*)\1/g)]
    .map((m) => m[2])
    .join('\n');
}

describe('한 개념에는 한 용어: 노트, 차트 화면, 용어집', () => {
  /** [what the concept is, the word not to use, the word to use] */
  const banned: [string, RegExp, string][] = [
    ['unit', /단위/, '유닛'],
    // 보폭 (a step's size) is another word than 폭 (width).
    ['width', /(?<!보)폭(?!주)/, '너비'],
    ['exploding gradient', /기울기 폭발/, '기울기 폭주'],
    ['zero-centered', /영 중심|zero-centred/, '0 중심(zero-centered)'],
    ['init names', /(?<![A-Za-z=.])(standard|small)(?![A-Za-z])/, '관행적 균등 초기화, 작은 정규분포 초기화'],
  ];

  it.each(NOTE_SLUGS.filter((s) => s !== 'glossary'))('%s.mdx는 정한 용어만 쓴다', (slug) => {
    const text = prose(slug);
    for (const [concept, word, use] of banned) {
      const hit = word.exec(text);
      expect(
        hit,
        `${slug}: ${concept} → "${use}" (found "${hit && text.slice(Math.max(0, hit.index - 20), hit.index + 20)}")`,
      ).toBeNull();
    }
  });

  it('용어집은 정한 용어를 표제어로 쓰고, 다른 말은 "…라고도 합니다"로만 적는다', () => {
    const glossary = prose('glossary');
    for (const heading of [
      '### 유닛 (unit)',
      '### 0 중심 (zero-centered)',
      '### 기울기 폭주 (exploding gradient)',
      '### 대칭성 깨기 (symmetry breaking)',
      '### 층 정규화 (layer normalization)',
    ]) {
      expect(glossary).toContain(heading);
    }
    expect(glossary).toContain('한 층의 유닛 수를 그 층의 너비(width)라고 합니다');
    // Variants only inside the sentence that lists them.
    const withoutVariants = glossary.replace(/[^.\n]*(?:라고도 합니다|이라고도 합니다)[^.\n]*\./g, '');
    for (const [concept, word, use] of banned.slice(0, 4)) {
      expect(word.exec(withoutVariants), `glossary: ${concept} → "${use}"`).toBeNull();
    }
    for (const variant of ['단위라고도', '그래디언트', '그라디언트(d2l-ko)', '초깃값', '기울기 폭발이라고도'])
      expect(glossary).toContain(variant);
    expect(glossary).toContain('『밑바닥부터 시작하는 딥러닝』 한국어판과 대체로 같습니다');
  });

  it('차트 화면의 한국어 문구도 같은 용어를 쓴다', () => {
    for (const file of CHART_UI_FILES) {
      const text = koreanStrings(file);
      for (const [concept, word, use] of banned) {
        expect(word.exec(text), `${file}: ${concept} → "${use}"`).toBeNull();
      }
    }
    // What the lab actually renders
    expect(summarize(3.4e5, 20, 1)).toContain('(기울기 폭주)');
    const relu = labView(computeLab({ activation: 'relu', init: 'he', depth: 3, width: 8, seed: 1 }));
    expect(relu.dist.fractionLabel).toBe('죽은 유닛 비율');
    const sigmoid = labView(computeLab({ activation: 'sigmoid', init: 'small', depth: 3, width: 8, seed: 1 }));
    expect(sigmoid.dist.fractionLabel).toBe('포화된 유닛 비율');
    expect(sigmoid.grad.title).toContain('너비 8');
  });

  it('초기화의 이름은 노트와 실험실 선택지가 같다', () => {
    const labels = initLabels();
    const names: Record<string, string> = {
      small: '작은 정규분포 초기화',
      standard: '관행적 균등 초기화',
      xavier: 'Xavier (Glorot) 초기화',
      he: 'He (Kaiming) 초기화',
    };
    for (const [id, name] of Object.entries(names))
      expect(labels[id].startsWith(name), `${id}: ${labels[id]}`).toBe(true);
    for (const name of ['작은 정규분포 초기화', '관행적 균등 초기화']) {
      for (const slug of ['weight-initialization', 'gradient-lab', 'glossary'])
        expect(noteBody(slug), `${slug}: ${name}`).toContain(name);
    }
  });
});
