import { createServer } from 'node:http';
import { argv } from 'node:process';
import { pathToFileURL } from 'node:url';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a static build the way a plain static host does: `base` is the
 * sub-path the site lives under, `dir/` serves `dir/index.html`, and unknown
 * paths get `404.html` with status 404. Listens on 127.0.0.1 only.
 *
 * `hostLike: true` also behaves like a production static host: text responses
 * are gzipped when the client accepts it, and Astro's content-hashed files
 * (`_astro/`, `_fonts/`) are cached for a year. The audit uses it so that
 * Lighthouse measures what visitors get; other callers keep plain responses.
 *
 * @param {{ root: string, base?: string, port?: number, hostLike?: boolean }} options
 * @returns {Promise<{ url: string, origin: string, close: () => Promise<void>, requests: string[] }>}
 */
export async function startStaticServer({ root, base = '/', port = 0, hostLike = false }) {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : base + '/';
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(prefix)) return send404(res);
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      // A malformed %-escape is the client's error; it must not crash the run.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('bad request');
    }
    let file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send404(res);
    try {
      const s = await stat(file).catch(() => null);
      if (s?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type };
      if (hostLike) {
        headers['cache-control'] = /\/_(astro|fonts)\//.test(url.pathname)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate';
        if (
          /^(text\/|application\/(json|xml|javascript)|image\/svg)/.test(type) &&
          /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
        ) {
          body = gzipSync(body, { level: 9 });
          headers['content-encoding'] = 'gzip';
          headers['vary'] = 'accept-encoding';
        }
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send404(res);
    }
  });

  async function send404(res) {
    const body = await readFile(join(rootDir, '404.html')).catch(() => Buffer.from('404'));
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  }

  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

// `node scripts/lib/static-server.mjs DIR PORT [BASE]`: the audit's server (Playwright's webServer, lhci, linkinator).
if (argv[1] && import.meta.url === pathToFileURL(argv[1]).href) {
  const s = await startStaticServer({ root: argv[2], port: Number(argv[3]), base: argv[4] ?? '/', hostLike: true });
  console.log(`serving ${argv[2]} at ${s.url}`);
}
