import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** All built HTML files below `dir`, sorted. */
export function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
