/**
 * zod schema of the MDX props of <LossExplorer>, built from the same limits and defaults as its
 * URL state (spec.ts). Build time only; messages in Korean like the other charts' (../props-schema.ts).
 */
import { z } from 'astro/zod';
import { boundedNumber, caption, chartId, list, parseWith, shown } from '../props-schema';
import { LOSS_IDS } from './loss-adapter';
import { LOSS_DEFAULTS, LOSS_LIMITS, type LossProps } from './spec';

const { domainAbsMax: D, domainMinSpan } = LOSS_LIMITS;

const lossId = z.enum(LOSS_IDS as [string, ...string[]], {
  error: (iss) => `${shown(iss.input)}은(는) 알 수 없는 손실 함수입니다. 가능한 값: ${list(LOSS_IDS)}`,
});

const domainEnd = boundedNumber(-D, D);

export const lossPropsSchema = z
  .object({
    id: chartId('loss'),
    losses: z
      .array(lossId, {
        error: (iss) => `손실 함수 id의 배열이어야 합니다 (받은 값: ${shown(iss.input)}). 예: losses={['bce', 'mse']}. 가능한 값: ${list(LOSS_IDS)}`,
      })
      .min(1, { error: `하나 이상 골라야 합니다. 가능한 값: ${list(LOSS_IDS)}` })
      .refine((ids) => new Set(ids).size === ids.length, { error: '같은 손실 함수가 두 번 들어 있습니다.' })
      .default(LOSS_DEFAULTS.losses),
    y: z
      .union([z.literal(0), z.literal(1)], { error: (iss) => `정답 y는 0 또는 1이어야 합니다 (받은 값: ${shown(iss.input)}). 예: y={1}` })
      .default(LOSS_DEFAULTS.y as 0 | 1),
    domain: z
      .tuple([domainEnd, domainEnd], {
        error: (iss) => `[최솟값, 최댓값] 형태의 숫자 두 개여야 합니다 (받은 값: ${shown(iss.input)}). 예: domain={[-8, 8]}`,
      })
      .refine(([a, b]) => b - a >= domainMinSpan, {
        error: (iss) => `최댓값이 최솟값보다 ${domainMinSpan} 이상 커야 합니다 (받은 값: ${shown(iss.input)}).`,
      })
      .default(LOSS_DEFAULTS.domain),
    z: boundedNumber(-D, D).default(LOSS_DEFAULTS.z),
    caption,
  })
  .strict()
  .refine((p) => p.z >= p.domain[0] && p.z <= p.domain[1], {
    path: ['z'],
    error: (iss) => {
      const p = iss.input as { z: number; domain: [number, number] };
      return `domain 안의 값이어야 합니다 (받은 값: ${p.z}, domain: [${p.domain.join(', ')}]).`;
    },
  });

/** Validates the MDX props of <LossExplorer>; throws ChartPropsError listing every problem. */
export function parseLossProps(input: unknown, where?: string): LossProps {
  return parseWith(lossPropsSchema, 'LossExplorer', input, Object.keys(lossPropsSchema.shape), where);
}
