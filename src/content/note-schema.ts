import { z } from 'astro/zod';

/**
 * Fields every page adds to Starlight's frontmatter.
 * Error messages say how to fix the field, because they are what a contributor
 * sees when `npm run build` stops on their note. Astro prefixes each message
 * with the field path (`**sources.0.url**: …`), so messages do not repeat it.
 */
export const noteFields = z.object({
  description: z
    .string({ error: '한 문장 요약(문자열)이 필요합니다. 예: description: 시그모이드에서 기울기가 사라지는 이유' })
    .trim()
    .min(10, { error: '10자 이상으로 써 주세요 (검색 결과와 홈 화면에 쓰입니다).' }),
  tags: z
    .array(z.string().trim().min(1), { error: '문자열 목록이어야 합니다. 예: tags: [활성화 함수, ReLU]' })
    .default([]),
  sources: z
    .array(
      z.object({
        title: z.string({ error: '참고 자료의 제목(문자열)이 필요합니다.' }).trim().min(1),
        url: z.url({ protocol: /^https?$/, error: 'http(s)로 시작하는 전체 URL이어야 합니다.' }),
      }),
      { error: '{ title, url } 항목의 목록이어야 합니다.' },
    )
    .default([]),
  updated: z.coerce.date({ error: 'YYYY-MM-DD 형식의 날짜여야 합니다. 예: updated: 2026-11-27' }).optional(),
});

export type NoteFields = z.infer<typeof noteFields>;
