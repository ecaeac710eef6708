/**
 * The search dialog's behaviour (custom element `dl-site-search`, rendered
 * from Starlight's Search markup by Retag.astro): open with the button or
 * Ctrl/⌘ K, close with the close button, Escape, a click outside or a result
 * link. Unlike Starlight's, the Pagefind UI (27 KB of JS, and building its
 * DOM) is loaded when the reader shows intent to search (pointer over or
 * focus on the button, or opening it), not while every page loads.
 */
import type { PagefindUI } from '@pagefind/default-ui';

type Result = { url: string; sub_results: { url: string }[] };

class DlSiteSearch extends HTMLElement {
  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]');
    const dialog = this.querySelector('dialog');
    const frame = this.querySelector('.dialog-frame');
    if (!openBtn || !closeBtn || !dialog || !frame) return;

    let translations = {};
    try {
      translations = JSON.parse(this.dataset.translations || '{}');
    } catch {
      // Starlight's strings are optional; Pagefind falls back to its own.
    }
    const strip = this.dataset.stripTrailingSlash !== undefined;
    const formatUrl = (path: string) => (strip ? path.replace(/(.)\/(#.*)?$/, '$1$2') : path);
    const base = import.meta.env.BASE_URL;

    let ui: Promise<void> | undefined;
    const load = () =>
      (ui ??= import.meta.env.DEV
        ? Promise.resolve() // Pagefind's index exists only in a production build.
        : import('@pagefind/default-ui').then(({ PagefindUI: UI }: { PagefindUI: typeof PagefindUI }) => {
            new UI({
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
          }));
    const focusInput = () => this.querySelector('input')?.focus();

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
      // The input exists only once the UI is built; move focus there if the reader has not moved it.
      void load().then(() => {
        if (dialog.open && !dialog.querySelector('input:focus')) focusInput();
      });
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
    for (const intent of ['pointerenter', 'focus', 'touchstart']) openBtn.addEventListener(intent, () => void load(), { once: true, passive: true });
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
