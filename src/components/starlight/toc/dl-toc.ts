/**
 * Custom elements for Starlight's table of contents (desktop `dl-toc`,
 * mobile `dl-mobile-toc`); see Retag.astro for why they replace
 * Starlight's. Same behaviour: the link of the section being read gets
 * `aria-current="true"`; the mobile one also shows that section's name in
 * its summary and closes on a link click, an outside click or Escape.
 */
import { currentHeading } from './current-heading';

/** The id a `#fragment` names; a malformed escape is taken literally rather than stopping the script. */
function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

class DlToc extends HTMLElement {
  private links: HTMLAnchorElement[] = [];
  private tops: (() => number)[] = [];
  private currentLink: HTMLAnchorElement | null = null;
  private frame = 0;

  connectedCallback() {
    this.currentLink = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');
    // Measuring waits until the page is idle: a layout forced while it loads is what this element avoids.
    const onIdle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
    onIdle(() => this.init());
  }

  private init() {
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const heading = document.getElementById(decodeHash(link.hash));
      if (!heading) continue;
      this.links.push(link);
      this.tops.push(() => {
        const box = heading.getBoundingClientRect();
        // A heading that is not rendered (display: none) has an empty box at the top.
        return box.width === 0 && box.height === 0 ? NaN : box.top;
      });
    }
    const update = (force = false) => {
      this.frame = 0;
      const i = currentHeading(this.tops, this.readingLine());
      if (this.links[i]) this.setCurrent(this.links[i], force);
    };
    const schedule = () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => update());
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    // Content above the reading line can also grow without a scroll (a chart hydrating, a late font).
    const content = document.querySelector('.sl-markdown-content');
    if (content && 'ResizeObserver' in window) new ResizeObserver(schedule).observe(content);
    // Forced once so the mobile summary names the section even when it is the first one.
    update(true);
  }

  /** Just under the sticky header (and the mobile summary bar), as Starlight draws it. */
  private readingLine(): number {
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    const summary = this.querySelector('summary')?.getBoundingClientRect().height ?? 0;
    return header + summary + 32;
  }

  protected setCurrent(link: HTMLAnchorElement, force = false) {
    if (link === this.currentLink && !force) return;
    this.currentLink?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.currentLink = link;
  }
}

class DlMobileToc extends DlToc {
  connectedCallback() {
    super.connectedCallback();
    const details = this.querySelector('details');
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    details.querySelectorAll('a').forEach((a) => a.addEventListener('click', close));
    window.addEventListener('click', (e) => {
      if (!details.contains(e.target as Node)) close();
    });
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      // Focus would otherwise fall back to <body> from inside the closed list.
      if (hadFocus) details.querySelector('summary')?.focus();
    });
  }

  protected setCurrent(link: HTMLAnchorElement, force = false) {
    super.setCurrent(link, force);
    const display = this.querySelector('.display-current');
    if (display) display.textContent = link.textContent;
  }
}

if (!customElements.get('dl-toc')) customElements.define('dl-toc', DlToc);
if (!customElements.get('dl-mobile-toc')) customElements.define('dl-mobile-toc', DlMobileToc);
