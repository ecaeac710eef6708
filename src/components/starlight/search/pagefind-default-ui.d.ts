// @pagefind/default-ui ships no types; this is the part we use.
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
    /** Runs a search and shows the term in the UI's input. */
    triggerSearch(term: string): void;
  }
}

// Starlight's Pagefind options from astro.config.mjs (`pagefind: true` gives its ranking weights).
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
