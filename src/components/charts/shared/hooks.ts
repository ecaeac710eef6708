/** Browser-side hooks shared by the islands (URL state, frame size). */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { COMPACT_BELOW, type FrameSize } from './frame';
import type { Spec, StateOf } from './fields';
import { hrefWithState, parseState } from './url-state';

/** How long the URL waits after the last change (browsers rate-limit replaceState). */
const URL_WRITE_DELAY = 300;

/**
 * Chart state mirrored in the URL query (`?<id>.<key>=…`). Server render and
 * hydration use `defaults` (the MDX props), so markup matches; the URL is read
 * right after hydration. `update` writes back with `history.replaceState`,
 * keeping every other parameter and the hash. The third value, `href()`, is
 * the absolute URL of the note opened at this chart (`#<id>`) in its current
 * state, without `embed=1`: what the export menu copies and the SVG cites
 * (the address bar lags it by URL_WRITE_DELAY).
 */
export function useUrlState<S extends Spec>(id: string, spec: S, defaults: StateOf<S>) {
  const [state, setState] = useState<StateOf<S>>(defaults);
  const latest = useRef(state);
  latest.current = state;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const parsed = parseState(window.location.search, id, spec, defaults);
    if (Object.keys(spec).some((k) => String(parsed[k]) !== String(defaults[k]))) setState(parsed);
    return () => clearTimeout(timer.current);
  }, []);

  const update = useCallback(
    (patch: Partial<StateOf<S>>) => {
      setState((prev) => {
        const next = { ...prev, ...patch };
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          const href = hrefWithState(window.location.href, id, spec, next, defaults);
          const { pathname, search, hash } = window.location;
          if (href !== pathname + search + hash) window.history.replaceState(window.history.state, '', href);
        }, URL_WRITE_DELAY);
        return next;
      });
    },
    [id],
  );

  const href = useCallback(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete('embed');
    url.hash = id;
    return new URL(hrefWithState(url.href, id, spec, latest.current, defaults), url).href;
  }, [id]);

  return [state, update, href] as const;
}

/** 'compact' when the element is narrower than COMPACT_BELOW px; 'wide' on the server. */
export function useFrameSize(ref: RefObject<HTMLElement>): FrameSize {
  const [size, setSize] = useState<FrameSize>('wide');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = (width: number) => setSize(width < COMPACT_BELOW ? 'compact' : 'wide');
    measure(el.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
