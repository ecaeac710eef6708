import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMPONENTS = fileURLToPath(new URL('../components/', import.meta.url));

/**
 * Every non-ASCII character in the island sources: labels and readouts that
 * the browser renders after hydration, which the built HTML may not contain yet.
 */
export async function islandText() {
  let text = '';
  for (const entry of await readdir(COMPONENTS, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(tsx?|astro)$/.test(entry.name)) {
      const src = await readFile(join(entry.parentPath, entry.name), 'utf8');
      text += src.replace(/[\x00-\x7f]/g, '');
    }
  }
  return text;
}
