/**
 * Every claim of the note "학습이 멈추는 순간" (src/content/docs/notes/training-lab.mdx), checked
 * by training with the lab's own code: the preset links are parsed out of the MDX, read with the
 * lab's URL parser (defaults from the lab's spec, nothing retyped here), turned into a trainer
 * spec by the lab's `trainerSpec` and trained by src/lib's `createTrainer` for the link's
 * `train.steps`. Each threshold below is written once, with the words the note uses for it, and
 * `expectInNote` ties those words to the text, so a changed number in the note or a changed
 * behaviour of the trainer fails here.
 *
 * The note says its results hold for the link's seed and for seeds 2 and 3; claims the note
 * limits to seed 1 say so (`seeds: [1]`).
 */
import { validNumber } from '../../src/components/charts/shared/fields';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { decodeValue } from '../../src/components/charts/shared/url-state';
import { trainSpec, type TrainKey } from '../../src/components/charts/training/spec';
import { LAB_ID, SEEDS, body, expectInNote, presets } from '../helpers/training-lab-note';

import { claimed } from './training-lab-claims';

describe('노트의 실험 링크', () => {
  it('링크는 실험실이 받아들이는 키와 값만 쓰고, 단계 수를 밝히며, 실험실이 있는 절을 가리킨다', () => {
    expect(presets.length).toBeGreaterThanOrEqual(12);
    const slugger = new GithubSlugger();
    const headings = [...body.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slugger.slug(m[1]));
    // the lab sits under its heading, with no props: the links' defaults are the spec's defaults
    const labHeading = /^## (.+)\n\n<TrainingLab id="train" \/>$/m.exec(body);
    expect(labHeading, '<TrainingLab id="train" /> right under a heading, without other props').not.toBeNull();
    const labSlug = new GithubSlugger().slug(labHeading![1]);
    expect(headings).toContain(labSlug);
    for (const p of presets) {
      expect(p.hash, p.label).toBe(labSlug);
      const params = new URLSearchParams(p.query);
      expect(params.has(`${LAB_ID}.steps`), `${p.label}: states its steps`).toBe(true);
      for (const [key, value] of params) {
        const [id, field] = key.split('.');
        expect(id, `${p.label}: ${key}`).toBe(LAB_ID);
        expect(Object.keys(trainSpec), `${p.label}: ${key}`).toContain(field);
        const decoded = decodeValue(trainSpec[field as TrainKey], value);
        expect(decoded, `${p.label}: ${key}=${value} is a value the lab accepts`).not.toBeUndefined();
        expect(p.state[field as TrainKey], `${p.label}: ${key}`).toEqual(decoded);
      }
      expect(validNumber(trainSpec.clip, p.state.clip), p.label).toBe(true);
      // "원 안과 밖의 점을 가르는 작은 분류 문제", "폭 16"
      expect(p.state.dataset, p.label).toBe('circle');
      expect(p.state.width, p.label).toBe(16);
    }
    // every preset link has its claims below
    expect(presets.map((p) => p.label).sort()).toEqual(Object.keys(claimed).sort());
  });

  it('본문은 시드 1과 함께 시드 2, 3도 확인한다고 말한다', () => {
    for (const p of presets) expect(p.state.seed, p.label).toBe(SEEDS[0]);
    expectInNote('링크의 설정 그대로(난수 시드 1), 그리고 시드 2와 3으로도');
  });
});

describe('링크마다 실험실의 코드로 학습시킨 결과가 본문과 같다', () => {
  // Generous limits: a few hundred steps take well under a second each, but CI machines are shared.
  for (const [label, check] of Object.entries(claimed)) it(`[${label}]`, check, 120_000);
});
