/**
 * Custom elements for Starlight's table of contents (desktop `dl-toc`,
 * mobile `dl-mobile-toc`); see Retag.astro for why they replace
 * Starlight's. Same behaviour: the link of the section being read gets
 * `aria-current="true"`; the mobile one also shows that section's name in
 * its summary and closes on a link click, an outside click or Escape.
 */
import { currentHeading } from './current-heading';

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
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!heading) continue;
      this.links.push(link);
      this.tops.push(() => heading.getBoundingClientRect().top);
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
