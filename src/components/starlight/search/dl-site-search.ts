/**
 * The search dialog's behaviour (custom element `dl-site-search`, rendered
 * from Starlight's Search markup by Retag.astro): open with the button or
 * Ctrl/⌘ K, close with the close button, Escape, a click outside or a result
 * link. Unlike Starlight's, the Pagefind UI (27 KB of JS, and building its
 * DOM) is loaded when the reader shows intent to search (pointer over or
 * focus on the button, or opening it), not while every page loads. Until it
 * is ready, the dialog holds a plain search input, so what the reader types
 * right after Ctrl/⌘ K (Hangul composition included) is handed over, not lost.
 */
import type { PagefindUI } from '@pagefind/default-ui';
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';

type Result = { url: string; sub_results: { url: string }[] };

class DlSiteSearch extends HTMLElement {
  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]');
    const dialog = this.querySelector('dialog');
    const frame = this.querySelector('.dialog-frame');
    if (!openBtn || !closeBtn || !dialog || !frame) return;

    let translations: Record<string, string | undefined> = {};
    try {
      translations = JSON.parse(this.dataset.translations || '{}');
    } catch {
      // Starlight's strings are optional; Pagefind falls back to its own.
    }
    const strip = this.dataset.stripTrailingSlash !== undefined;
    const formatUrl = (path: string) => (strip ? path.replace(/(.)\/(#.*)?$/, '$1$2') : path);
    const base = import.meta.env.BASE_URL;

    const container = this.querySelector<HTMLElement>('#starlight__search');
    let early: HTMLInputElement | null = null;
    /** The stand-in input shown until the Pagefind UI is built. */
    const earlyInput = () => {
      if (import.meta.env.DEV) return null;
      if (!early && container) {
        early = document.createElement('input');
        early.type = 'search';
        early.className = 'pagefind-ui__search-input';
        early.placeholder = translations.placeholder ?? '';
        early.setAttribute('aria-label', translations.search_label ?? translations.placeholder ?? '');
        container.append(early);
      }
      return early;
    };

    let ui: Promise<PagefindUI | null> | undefined;
    const build = async (): Promise<PagefindUI | null> => {
      if (import.meta.env.DEV) return null; // Pagefind's index exists only in a production build.
      const { PagefindUI: UI } = await import('@pagefind/default-ui');
      const term = early?.value ?? '';
      const typing = early !== null && document.activeElement === early;
      early?.remove();
      early = null;
      const instance: PagefindUI = new UI({
        ...pagefindUserConfig,
        element: '#starlight__search',
        baseUrl: base,
        bundlePath: base.replace(/\/$/, '') + '/pagefind/',
        showImages: false,
        translations,
        showSubResults: true,
        processResult: (result: Result) => {
          result.url = formatUrl(result.url);
          result.sub_results = result.sub_results.map((sub) => ({ ...sub, url: formatUrl(sub.url) }));
        },
      });
      if (term) instance.triggerSearch(term);
      if (typing || (dialog.open && !dialog.contains(document.activeElement))) focusInput();
      return instance;
    };
    const load = () =>
      (ui ??= build().catch((error: unknown) => {
        // Typically a chunk gone after a redeploy: try again on the next open instead of never.
        ui = undefined;
        console.error('검색 UI를 불러오지 못했습니다.', error);
        return null;
      }));
    const focusInput = () =>
      (this.querySelector<HTMLInputElement>('.pagefind-ui__search-input') ?? earlyInput())?.focus();

    /** Close on a result link or a click outside the dialog's frame. */
    const onClick = (event: MouseEvent) => {
      const target = event.target as Node | null;
      const isLink = !!target && 'href' in target;
      if (isLink || (target && document.body.contains(target) && !frame.contains(target))) close();
    };
    const open = (event?: Event) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      focusInput();
      void load();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
    };
    const close = () => dialog.close();

    openBtn.addEventListener('click', open);
    openBtn.disabled = false;
    closeBtn.addEventListener('click', close);
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });
    for (const intent of ['pointerenter', 'focus', 'touchstart'])
      openBtn.addEventListener(intent, () => void load(), { once: true, passive: true });
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey || e.ctrlKey) && e.key === 'k') {
        if (dialog.open) close();
        else open();
        e.preventDefault();
      }
    });
  }
}

if (!customElements.get('dl-site-search')) customElements.define('dl-site-search', DlSiteSearch);
