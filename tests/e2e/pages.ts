import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The root build, as served at http://127.0.0.1:ROOT_PORT/. */
export const DIST = 'dist';

/** Site paths of every built page except the 404 page, e.g. `/notes/glossary/`. */
export function pagePaths(): string[] {
  if (!existsSync(`${DIST}/index.html`))
    throw new Error(`No build in ${DIST}/. Run \`npm run build:all\` first (npm test does it for you).`);
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => '/' + f.replace(/\\/g, '/').replace(/index\.html$/, ''))
    .sort();
}

/** The built HTML of a site path. */
export const builtHtml = (path: string) => readFileSync(`${DIST}${path}index.html`, 'utf8');
