// @pagefind/default-ui ships no types; this is the part we use.
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
