// Helpers for the recruiter-insight tests (insight.spec.ts, keyboard.spec.ts,
// a11y-insight.spec.ts, i18n.spec.ts): the event trail, the summary and filters, the
// deliverability alert, day headings and relative times, the second language.
//
// Everything the API answers is staged with `mockApi` (support.ts); "now" is pinned
// with Playwright's clock so "Today", "Yesterday" and "2 hours ago" are deterministic.

import type { Locator, Page } from '@playwright/test';
import { API_BASE, apiPage, email, event, expect, settled, type ApiPage } from './support';

// ---------------------------------------------------------------------------------
// Time.

/** "Now" for every test that pins the clock: Tuesday 1 December 2026, 12:00 UTC
 * (13:00 in Berlin, 07:00 in New York: the same calendar day in both). */
export const NOW = '2026-12-01T12:00:00Z';
export const NOW_MS = Date.parse(NOW);

/** Pins `Date.now()` at `at` for the page (timers keep running normally). */
export async function pinNow(page: Page, at: number | string = NOW_MS) {
  await page.clock.setFixedTime(typeof at === 'string' ? Date.parse(at) : at);
}

/**
 * Installs the fake clock paused at `at` (before the page loads): no timer fires until
 * the test moves time with `page.clock.runFor`.
 */
export async function freezeAt(page: Page, at: number | string) {
  const ms = typeof at === 'string' ? Date.parse(at) : at;
  // Installed a minute early: pausing needs a time still ahead of the clock.
  await page.clock.install({ time: ms - 60_000 });
  await page.clock.pauseAt(ms);
}

// ---------------------------------------------------------------------------------
// The page.

export interface OpenOptions {
  candidate?: string;
  /** `?locale=` (the widget's locale; the browser's when absent). */
  locale?: string;
  /** `?tz=` (the widget's time zone; the browser's when absent). */
  tz?: string;
  /** Wait for the first load to settle (default true). */
  wait?: boolean;
}

export function insightUrl(options: OpenOptions = {}): string {
  const query = new URLSearchParams({ candidate: options.candidate ?? 'cand_test', api: API_BASE });
  if (options.locale) query.set('locale', options.locale);
  if (options.tz) query.set('tz', options.tz);
  return `/index.html?${query.toString()}`;
}

/** Opens the designer page on the mocked API with the given locale / time zone. */
export async function open(page: Page, options: OpenOptions = {}) {
  await page.goto(insightUrl(options));
  if (options.wait ?? true) await settled(page);
}

/** The parts of the widget the insight features added. */
export function insight(page: Page) {
  const root = page.locator('section.ch-root');
  const filters = root.locator('div.ch-filters[role="group"]');
  return {
    root,
    count: root.locator('.ch-count'),
    filters,
    summary: filters.locator('p.ch-summary'),
    chips: filters.locator('button.ch-chip'),
    chip: (status: string) => filters.locator(`button.ch-chip[data-filter-status="${status}"]`),
    kind: filters.locator('select.ch-select'),
    search: filters.locator('input.ch-search[type="search"]'),
    reset: filters.locator('button.ch-reset'),
    matchCount: filters.locator('p.ch-match-count[role="status"]'),
    noMatch: root.locator('p.ch-no-match'),
    alert: root.locator('div.ch-alert[role="region"]'),
    alertAction: root.locator('div.ch-alert button.ch-action[data-action="update-email"]'),
    entries: root.locator('li.ch-entry'),
    visibleEntries: root.locator('li.ch-entry:not([hidden])'),
    entry: (id: string) => root.locator(`li.ch-entry[data-email-id="${id}"]`),
    dayHeadings: root.locator('li.ch-entry:not([hidden]) h3.ch-day'),
    help: root.locator('details.ch-help'),
    helpSummary: root.locator('details.ch-help > summary.ch-help__summary'),
  };
}

/** The event trail inside one entry. */
export function trailIn(entry: Locator) {
  const trail = entry.locator('div.ch-trail');
  return {
    trail,
    toggle: trail.locator('button.ch-trail__toggle'),
    list: trail.locator('ol.ch-trail__list'),
    events: trail.locator('li.ch-trail__event'),
  };
}

/** The ids of the entries not hidden by a filter, top to bottom. */
export function visibleIds(page: Page): Promise<string[]> {
  return page
    .locator('li.ch-entry')
    .evaluateAll((items) =>
      items.filter((li) => !li.hasAttribute('hidden')).map((li) => li.getAttribute('data-email-id') ?? ''),
    );
}

/** For each visible entry: its id and its day heading's text (null when none). */
export function headingsByEntry(page: Page): Promise<Array<[string, string | null]>> {
  return page
    .locator('li.ch-entry')
    .evaluateAll((items) =>
      items
        .filter((li) => !li.hasAttribute('hidden'))
        .map((li) => [
          li.getAttribute('data-email-id') ?? '',
          li.querySelector('h3.ch-day')?.textContent?.trim() ?? null,
        ]),
    ) as Promise<Array<[string, string | null]>>;
}

// ---------------------------------------------------------------------------------
// Data.

/**
 * Eleven emails, newest first, covering every badge and several kinds (no alert: the
 * newest email was delivered).
 *
 *   e01 interview_invitation  Delivered  ada@example.com
 *   e02 email_blast           Opened     (click)
 *   e03 interview_reminder    Delivered
 *   e04 deadline_reminder     Bounced    old@example.org
 *   e05 email_blast           Delivered  "Newsletter December"
 *   e06 resume_reminder       Dropped
 *   e07 email_blast           Delivered  "Newsletter November"
 *   e08 interview_invitation  Opened
 *   e09 offer_letter (Email)  Unknown
 *   e10 interview_reminder    Delayed
 *   e11 interview_invitation  Sending
 */
export function filterHistory(): ApiPage {
  const at = (n: number) => NOW_MS / 1000 - n * 3600; // n hours before NOW
  const delivered = (n: number) => [event('delivered', { timestamp: at(n) + 5, id: `dl_${n}` })];
  return apiPage([
    email({ id: 'e01', kind: 'interview_invitation', subject: 'Interview with Acme', recipient: 'ada@example.com', sent_at: at(1), events: delivered(1) }),
    email({ id: 'e02', kind: 'email_blast', subject: 'Open roles in Berlin', recipient: 'ada@example.com', sent_at: at(2), events: [event('delivered', { timestamp: at(2) + 5 }), event('click', { timestamp: at(2) + 60, url: 'https://jobs.example.com/berlin' })] }),
    email({ id: 'e03', kind: 'interview_reminder', subject: 'Reminder: interview tomorrow', recipient: 'ada@example.com', sent_at: at(3), events: delivered(3) }),
    email({
      id: 'e04',
      kind: 'deadline_reminder',
      subject: 'Deadline on Friday',
      recipient: 'old@example.org',
      sent_at: at(4),
      events: [event('bounce', { timestamp: at(4) + 9, reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' })],
    }),
    email({ id: 'e05', kind: 'email_blast', subject: 'Newsletter December', recipient: 'ada@example.com', sent_at: at(5), events: delivered(5) }),
    email({ id: 'e06', kind: 'resume_reminder', subject: 'Please upload your resume', recipient: 'ada@example.com', sent_at: at(6), events: [event('dropped', { timestamp: at(6) + 1, reason: 'Bounced Address' })] }),
    email({ id: 'e07', kind: 'email_blast', subject: 'Newsletter November', recipient: 'ada@example.com', sent_at: at(7), events: delivered(7) }),
    email({ id: 'e08', kind: 'interview_invitation', subject: 'Second interview with Acme', recipient: 'ada@example.com', sent_at: at(8), status: 'opened' }),
    email({ id: 'e09', kind: 'offer_letter', subject: 'Your offer', recipient: 'ada@example.com', sent_at: at(9), status: 'archived' }),
    email({ id: 'e10', kind: 'interview_reminder', subject: 'Reminder: call on Monday', recipient: 'ada@example.com', sent_at: at(10), events: [event('deferred', { timestamp: at(10) + 30, reason: '421 4.7.0 try again later' })] }),
    email({ id: 'e11', kind: 'interview_invitation', subject: 'Third interview with Acme', recipient: 'ada@example.com', sent_at: at(11), status: 'queued' }),
  ]);
}

/**
 * The candidate's address bounced: an older email to it was delivered, the most recent
 * one (`b1`) bounced, and nothing was delivered since.
 */
export function bouncedHistory(): ApiPage {
  return apiPage([
    email({
      id: 'b1',
      kind: 'interview_invitation',
      subject: 'Interview on Thursday',
      recipient: 'ada@old.example',
      sent_at: '2026-12-01T09:00:00Z',
      events: [
        event('processed', { timestamp: '2026-12-01T09:00:01Z', id: 'b1-p' }),
        event('bounce', {
          timestamp: '2026-12-01T09:00:09Z',
          id: 'b1-b',
          reason: '550 5.1.1 user unknown',
          bounce_classification: 'Invalid Address',
        }),
      ],
    }),
    email({
      id: 'd0',
      kind: 'email_blast',
      subject: 'Open roles',
      recipient: 'ada@old.example',
      sent_at: '2026-11-20T09:00:00Z',
      events: [event('delivered', { timestamp: '2026-11-20T09:00:05Z', id: 'd0-d' })],
    }),
  ]);
}

/** `bouncedHistory` plus a newer email to a new address that was delivered. */
export function recoveredHistory(): ApiPage {
  const page = bouncedHistory();
  page.emails.unshift(
    email({
      id: 'n2',
      kind: 'interview_invitation',
      subject: 'Interview on Thursday (new address)',
      recipient: 'ada@new.example',
      sent_at: '2026-12-01T11:00:00Z',
      events: [event('delivered', { timestamp: '2026-12-01T11:00:04Z', id: 'n2-d' })],
    }),
  );
  return page;
}

// ---------------------------------------------------------------------------------
// Host events.

/** Starts recording `contact-history:action` events that reach the document. */
export async function recordActions(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __chActions: unknown[] };
    w.__chActions = [];
    document.addEventListener('contact-history:action', (e) => {
      const ev = e as CustomEvent;
      w.__chActions.push({
        detail: ev.detail,
        bubbles: ev.bubbles,
        // Dispatched on the mount element: the parent of the widget's root.
        fromMount: ev.target === document.querySelector('section.ch-root')?.parentElement,
      });
    });
  });
}

export function recordedActions(page: Page): Promise<Array<{ detail: Record<string, unknown>; bubbles: boolean; fromMount: boolean }>> {
  return page.evaluate(() => (window as unknown as { __chActions: never[] }).__chActions);
}

// ---------------------------------------------------------------------------------
// A host page using the JavaScript API.

export const JS_HOST_PATH = '/insight-host.html';

export interface JsHostOptions {
  candidateId?: string;
  locale?: string;
  timeZone?: string;
  pollIntervalMs?: number;
}

/** Serves a host page that mounts the widget with `mount()` (handle in `window.widget`). */
export async function openJsHost(page: Page, options: JsHostOptions = {}) {
  const mountOptions = { candidateId: 'cand_test', apiBase: API_BASE, pollIntervalMs: 0, ...options };
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Insight host</title>
<link rel="stylesheet" href="/contact-history.css">
<script type="module">
import init, { mount } from '/contact-history.js';
await init();
window.widget = mount(document.getElementById('mount'), ${JSON.stringify(mountOptions)});
window.hostReady = true;
</script>
</head>
<body>
<main>
<h1>Candidate</h1>
<div id="mount"></div>
</main>
</body>
</html>`;
  await page.route(`**${JS_HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(JS_HOST_PATH);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { hostReady?: boolean }).hostReady === true))
    .toBe(true);
  await settled(page);
}

// ---------------------------------------------------------------------------------
// Accessibility.

// The axe check is shared with the other accessibility specs.
export { WCAG_TAGS, expectNoViolations } from './support';

/** The focused element's outline, as computed. */
export function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      className: el.className,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  });
}

/** The focused element shows a visible outline (a non-`none` style, at least 2 px). */
export async function expectVisibleFocusRing(page: Page, what: string) {
  const ring = await focusRing(page);
  expect(ring, `${what}: something has focus`).not.toBeNull();
  expect(ring!.outlineStyle, `${what}: outline style of <${ring!.tag} class="${ring!.className}">`).not.toBe('none');
  expect(ring!.outlineWidth, `${what}: outline width of <${ring!.tag} class="${ring!.className}">`).toBeGreaterThanOrEqual(2);
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
    const root = document.querySelector('section.ch-root');
    if (!root) return null;
    const box = root.getBoundingClientRect();
    const outside: string[] = [];
    let checked = 0;
    if (box.left < -1 || box.right > document.documentElement.clientWidth + 1) {
      outside.push(`section.ch-root spans x=${box.left.toFixed(1)}..${box.right.toFixed(1)}`);
    }
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.getClientRects().length === 0) continue; // not rendered
      if (el.closest('.ch-visually-hidden')) continue; // clipped to nothing on purpose
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      checked += 1;
      if (r.left < box.left - 1 || r.right > box.right + 1) {
        const li = el.closest('li.ch-entry');
        const where = li ? ` in entry ${li.getAttribute('data-email-id')}` : '';
        outside.push(
          `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${where} spans x=${r.left.toFixed(1)}..${r.right.toFixed(1)}, root x=${box.left.toFixed(1)}..${box.right.toFixed(1)}`,
        );
        if (outside.length > 20) break;
      }
    }
    return {
      checked,
      outside,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });
  expect(report, `${label}: the widget is on the page`).not.toBeNull();
  expect(report!.checked, `${label}: elements checked`).toBeGreaterThan(20);
  expect(report!.outside, `${label}: elements outside the widget's box`).toEqual([]);
  expect(report!.scrollWidth, `${label}: document scroll width (no horizontal scroll)`).toBeLessThanOrEqual(report!.clientWidth);
}
