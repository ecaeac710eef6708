/**
 * The browser pass over all pages: two workers, two pages at a time (the
 * machine has two cores; Lighthouse runs later, alone). Each worker has its
 * own Chromium, so one that stops answering can be replaced without
 * disturbing the other worker's page.
 */
import { launchChromium } from '../lib/chromium.mjs';
import { TimeoutError, waitAtMost } from '../lib/deadline.mjs';
import { auditPage } from './pages.mjs';
import { pageLine } from './report.mjs';

/**
 * @param {{ origin: string, config: object, skip: Set<string>, warn: Function,
 *   setPhase: (phase: string) => void, isStopping: () => boolean }} o
 */
export function createPagePass({ origin, config, skip, warn, setPhase, isStopping }) {
  const browsers = new Set();

  async function launch() {
    const b = await launchChromium();
    browsers.add(b);
    return b;
  }

  /** Closes a browser that may have stopped answering; Playwright kills it at exit if this times out. */
  async function closeBrowser(b) {
    if (!b) return;
    browsers.delete(b);
    await waitAtMost(b.close(), 15_000);
  }

  /** @returns {Promise<{ results: object[], failures: object[] }>} in the order of `pages` */
  async function run(pages) {
    const results = new Array(pages.length);
    const failures = [];
    let next = 0;
    const worker = async () => {
      let browser = null;
      try {
        while (next < pages.length) {
          const i = next++;
          const page = pages[i];
          setPhase(`auditing ${page.path}`);
          let audited;
          for (let attempt = 1; !audited; attempt++) {
            browser ??= await launch();
            try {
              audited = await auditPage(browser, page, { origin, config, skip });
            } catch (e) {
              // The audit is ending and closed this browser: not a page to retry.
              if (isStopping()) throw e;
              // A hung tab or a crashed browser: once may be the machine; twice is the page.
              await closeBrowser(browser);
              browser = null;
              const what = e instanceof TimeoutError ? e.message : `${e.name}: ${e.message}`;
              if (attempt === 2) throw new Error(`${page.path} could not be audited, twice: ${what}`);
              warn(page.path, 'harness', `first attempt did not finish (${what}); retried in a new browser`);
              console.log(`  ! ${page.path}: ${what}; retrying in a new browser`);
            }
          }
          failures.push(...audited.failures);
          results[i] = { ...audited.result, failed: [...new Set(audited.failures.map((x) => x.check))] };
          console.log(`  ${pageLine({ ...results[i], extraJsGzip: null })}`);
        }
      } finally {
        await closeBrowser(browser);
      }
    };
    await Promise.all([worker(), worker()]);
    return { results, failures };
  }

  async function close() {
    for (const b of [...browsers]) await closeBrowser(b);
  }

  return { run, close };
}
