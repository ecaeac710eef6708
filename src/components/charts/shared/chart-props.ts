/**
 * The build-time half of every chart wrapper (.astro): validate the MDX props against the
 * chart's spec and claim the chart id on the page, failing the build with a Korean message.
 */
import { AstroError } from 'astro/errors';
import type { InputPropsOf, PropsOf, Spec } from './fields';
import { ChartPropsError, parseProps, type CrossCheck } from './props-schema';

/** What a wrapper passes from `Astro`: its props, URL and per-render locals. */
interface AstroLike {
  props: InputPropsOf<Spec> | Record<string, unknown>;
  url: URL;
  locals: object;
}

const KEY = '__dlChartIds';

/**
 * Chart ids must be unique on a page: they namespace the URL state and the SVG title/desc ids.
 * Each page render gets its own `Astro.locals`, so the ids seen so far live there. Returns the
 * Korean message when `id` is taken, else null.
 */
export function claimChartId(locals: object, id: string): string | null {
  const seen: unknown = Reflect.get(locals, KEY);
  const ids = seen instanceof Set ? seen : new Set<string>();
  Reflect.set(locals, KEY, ids);
  if (ids.has(id))
    return `**id**: "${id}"은(는) 이 페이지의 다른 차트가 이미 쓰고 있습니다. 차트마다 다른 id를 주세요.`;
  ids.add(id);
  return null;
}

/** Validated props of <component> on this page; throws AstroError (the build fails) naming the page, prop and valid values. */
export function chartProps<S extends Spec>(
  component: string,
  spec: S,
  fallbackId: string,
  astro: AstroLike,
  checks: readonly CrossCheck<S>[] = [],
): PropsOf<S> {
  const where = `페이지 ${astro.url.pathname}`;
  let props: PropsOf<S>;
  try {
    props = parseProps(component, spec, fallbackId, astro.props, where, checks);
  } catch (error) {
    if (error instanceof ChartPropsError) {
      throw new AstroError(
        error.message,
        `이 페이지의 .mdx 파일에서 <${component}> 속성을 고치세요. 속성 목록: docs/components.md`,
      );
    }
    throw error;
  }
  const duplicate = claimChartId(astro.locals, props.id);
  if (duplicate) {
    throw new AstroError(
      `<${component}> (${where})의 속성이 올바르지 않습니다.\n${duplicate}`,
      '차트 id는 URL 상태의 이름공간이라 페이지 안에서 겹치면 안 됩니다.',
    );
  }
  return props;
}
