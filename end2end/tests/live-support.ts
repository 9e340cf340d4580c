// Helpers for the live-update, fault and hostile-data tests (live.spec.ts,
// faults.spec.ts, hostile.spec.ts): a frozen page clock that only moves when a test
// moves it, a record of the API requests the page starts (with the fake time of each),
// page visibility, a host page that configures polling and timeouts, scripted API
// answers, and layout checks.

import { expect, type Locator, type Page } from '@playwright/test';
import { API_BASE, settled, type ApiAnswer, type ApiCall, type ApiPage } from './support';

// ---------------------------------------------------------------------------------
// Time.

/** The fake "now" every test with a frozen clock starts at. */
export const T0 = Date.parse('2026-12-01T09:00:00Z');

/**
 * Installs Playwright's fake clock, paused at T0, before the page loads: no timer of
 * the page fires until the test moves time with `page.clock.runFor`, so poll and retry
 * delays can be checked to the millisecond.
 */
export async function freezeClock(page: Page) {
  // Installed a minute early: the clock runs until paused, and pausing needs a time
  // still ahead of it.
  await page.clock.install({ time: T0 - 60_000 });
  await page.clock.pauseAt(T0);
}

/** The page's (fake) `Date.now()`. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => Date.now());
}

// ---------------------------------------------------------------------------------
// The API requests the page starts, recorded in the page as they start.

export interface StartedRequest {
  url: string;
  /** The page's `Date.now()` (fake time when the clock is installed) at `fetch()`. */
  at: number;
  done: boolean;
  /** The HTTP status, or the name of the error the fetch failed with (`AbortError`, `TypeError`). */
  outcome?: string;
}

declare global {
  interface Window {
    __chRequests: StartedRequest[];
    __pwned?: unknown;
  }
}

/**
 * Wraps `window.fetch` (before any page script runs) to record every request to the
 * API the moment the widget starts it. Unlike `page.route`, which hears of a request
 * only after it has crossed into Playwright, this record is complete as soon as the
 * page's timers have run, so "no request was made" can be checked exactly.
 */
export async function recordRequests(page: Page) {
  await page.addInitScript((apiBase: string) => {
    const log: StartedRequest[] = [];
    window.__chRequests = log;
    const realFetch = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const promise = realFetch.call(window, input, init);
      if (url.includes(`${apiBase}/`)) {
        const entry: StartedRequest = { url, at: Date.now(), done: false };
        log.push(entry);
        promise.then(
          (response) => {
            entry.done = true;
            entry.outcome = String(response.status);
          },
          (error: unknown) => {
            entry.done = true;
            entry.outcome = (error as Error | null)?.name ?? 'error';
          },
        );
      }
      return promise;
    } as typeof window.fetch;
  }, API_BASE);
}

export function startedRequests(page: Page): Promise<StartedRequest[]> {
  return page.evaluate(() => window.__chRequests.map((r) => ({ ...r })));
}

export async function requestCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__chRequests.length);
}

/** Waits until every request started has been answered or has failed. */
export async function requestsDone(page: Page) {
  await expect
    .poll(() => page.evaluate(() => window.__chRequests.every((r) => r.done)), { message: 'requests still in flight' })
    .toBe(true);
}

/**
 * Moves the frozen clock forward in steps of at most `step` ms until the widget starts
 * one more request, or `maxMs` have passed. Returns how long after the call it started
 * (exact: the fake time of its `fetch()`), or `null` when none started. The steps keep
 * a request that starts in one from running into its own timeout before it is answered.
 */
export async function timeToNextRequest(page: Page, maxMs: number, step = 2_000): Promise<number | null> {
  const from = await pageNow(page);
  const before = await requestCount(page);
  let elapsed = 0;
  while (elapsed < maxMs) {
    const move = Math.min(step, maxMs - elapsed);
    await page.clock.runFor(move);
    elapsed += move;
    const requests = await startedRequests(page);
    if (requests.length > before) {
      expect(requests.length, 'requests started in one step').toBe(before + 1);
      return requests[before].at - from;
    }
  }
  return null;
}

/** Moves the frozen clock by `ms` and checks that the widget started no request meanwhile. */
export async function expectNoRequestFor(page: Page, ms: number, why: string) {
  const before = await requestCount(page);
  await page.clock.runFor(ms);
  expect(await requestCount(page), why).toBe(before);
}

/** The first-page requests (no `cursor`) among those started. */
export function isFirstPage(request: StartedRequest): boolean {
  return !new URL(request.url, 'http://x').searchParams.has('cursor');
}

// ---------------------------------------------------------------------------------
// Page visibility, as the Page Visibility API reports it.

/**
 * Makes the page report itself hidden (or visible again) and fires `visibilitychange`
 * as browsers do: at the document, bubbling (so listeners on `window` hear it too).
 */
export async function setPageHidden(page: Page, hidden: boolean) {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

// ---------------------------------------------------------------------------------
// A host page that configures the widget.

export const HOST_PATH = '/live-host.html';

export interface HostOptions {
  /** One widget per candidate id (auto-mount only). Defaults to `['cand_test']`. */
  candidates?: string[];
  pollIntervalMs?: number;
  requestTimeoutMs?: number;
  /**
   * `attributes`: `<div data-contact-history data-poll-interval-ms …>` mounted by
   * `init()`. `mount`: the JavaScript `mount(element, options)`, the handle in
   * `window.widget` and any error it threw in `window.mountError`.
   */
  via?: 'attributes' | 'mount';
}

function hostHtml(options: HostOptions): string {
  const candidates = options.candidates ?? ['cand_test'];
  const via = options.via ?? 'attributes';
  const attr = (name: string, value: number | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);
  const mounts =
    via === 'attributes'
      ? candidates
          .map(
            (candidate) =>
              `<div class="mount" data-contact-history data-candidate-id="${candidate}" data-api-base="${API_BASE}"` +
              `${attr('data-poll-interval-ms', options.pollIntervalMs)}${attr('data-request-timeout-ms', options.requestTimeoutMs)}></div>`,
          )
          .join('\n')
      : `<div class="mount" id="mount"></div>`;
  const mountOptions: Record<string, unknown> = { candidateId: candidates[0], apiBase: API_BASE };
  if (options.pollIntervalMs !== undefined) mountOptions.pollIntervalMs = options.pollIntervalMs;
  if (options.requestTimeoutMs !== undefined) mountOptions.requestTimeoutMs = options.requestTimeoutMs;
  const script =
    via === 'attributes'
      ? `import init from '/contact-history.js';\nawait init();\nwindow.hostReady = true;`
      : `import init, { mount } from '/contact-history.js';
await init();
try {
  window.widget = mount(document.getElementById('mount'), ${JSON.stringify(mountOptions)});
} catch (error) {
  window.mountError = String(error && error.message || error);
}
window.hostReady = true;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live host</title>
<link rel="stylesheet" href="/contact-history.css">
<style>body { margin: 0; font-family: sans-serif; } main { max-width: 48rem; margin: 1rem auto; padding: 0 1rem; }</style>
<script type="module">
${script}
</script>
</head>
<body>
<main>
<h1>Candidate</h1>
${mounts}
</main>
</body>
</html>`;
}

/** Serves a host page configured by `options` and opens it (waiting for the first load to settle when `wait`). */
export async function openHost(page: Page, options: HostOptions = {}, wait = true) {
  await page.route(`**${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml(options) }),
  );
  await page.goto(HOST_PATH);
  await expect.poll(() => page.evaluate(() => (window as unknown as { hostReady?: boolean }).hostReady === true)).toBe(true);
  if (wait && (options.candidates ?? ['cand_test']).length === 1) await settled(page);
}

/** The error `mount()` threw on the host page, if any. */
export function mountError(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { mountError?: string }).mountError);
}

// ---------------------------------------------------------------------------------
// Scripted API answers.

/**
 * An API whose first-page requests (no cursor) get the answers of `first` in turn (the
 * last one repeats), and whose older pages are looked up by cursor.
 */
export function scripted(first: ApiAnswer[], older: Record<string, ApiPage> = {}) {
  let firstPageRequests = 0;
  return (call: ApiCall): ApiAnswer => {
    if (call.cursor !== null) {
      const found = older[call.cursor];
      return found ? { json: found } : { status: 404, json: { error: { code: 'no_page' } } };
    }
    const answer = first[Math.min(firstPageRequests, first.length - 1)];
    firstPageRequests += 1;
    return answer;
  };
}

// ---------------------------------------------------------------------------------
// DOM identity: a mark set on a node survives only if the node does.

/** Marks the element `locator` finds with `mark` (a JS property, not an attribute). */
export async function markNode(locator: Locator, mark: string) {
  await locator.evaluate((el, mark) => {
    (el as unknown as { __chMark?: string }).__chMark = mark;
  }, mark);
}

/** The mark on the element `locator` finds now (undefined for a new node). */
export function nodeMark(locator: Locator): Promise<string | undefined> {
  return locator.evaluate((el) => (el as unknown as { __chMark?: string }).__chMark);
}

// ---------------------------------------------------------------------------------
// Layout.

/**
 * Every rendered element inside `section.ch-root` lies horizontally within the root's
 * box (1 px tolerance), the root lies within the viewport, and the document does not
 * scroll sideways.
 */
export async function expectInsideWidget(page: Page, label: string) {
  const report = await page.evaluate(() => {
    const roots = Array.from(document.querySelectorAll('section.ch-root'));
    const outside: string[] = [];
    let checked = 0;
    for (const root of roots) {
      const box = root.getBoundingClientRect();
      if (box.left < -1 || box.right > document.documentElement.clientWidth + 1) {
        outside.push(`section.ch-root spans x=${box.left.toFixed(1)}..${box.right.toFixed(1)}`);
      }
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.getClientRects().length === 0) continue; // not rendered (display: none, closed <details>)
        const r = el.getBoundingClientRect();
        checked += 1;
        if (r.left < box.left - 1 || r.right > box.right + 1) {
          const li = el.closest('li.ch-entry');
          const where = li ? ` in entry ${JSON.stringify(li.getAttribute('data-email-id')).slice(0, 60)}` : '';
          outside.push(
            `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${where} spans x=${r.left.toFixed(1)}..${r.right.toFixed(1)}, root x=${box.left.toFixed(1)}..${box.right.toFixed(1)}`,
          );
          if (outside.length > 20) break;
        }
      }
    }
    return {
      roots: roots.length,
      checked,
      outside,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });
  expect(report.roots, `${label}: widgets on the page`).toBeGreaterThan(0);
  expect(report.checked, `${label}: elements checked`).toBeGreaterThan(0);
  expect(report.outside, `${label}: elements outside the widget's box`).toEqual([]);
  expect(report.scrollWidth, `${label}: document scroll width (no horizontal scroll)`).toBeLessThanOrEqual(report.clientWidth);
}

/** Runs `expectInsideWidget` at 1280 px and at 320 px wide. */
export async function expectInsideWidgetAtBothWidths(page: Page) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await expectInsideWidget(page, `${width} px`);
  }
}
