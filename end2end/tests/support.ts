// Shared helpers for the end-to-end tests: API JSON builders, an API answered by
// `page.route`, page navigation, and a `test` that fails on any uncaught page error
// or any dialog (alert/confirm/prompt) the page opens.

import { test as base, expect, type Locator, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** The release build (../dist), as playwright.config.ts serves it (the default baseURL). */
export const DIST_URL = 'http://127.0.0.1:4173';
/** The release build with the designer gallery (../dist-gallery, `--features gallery`). */
export const GALLERY_URL = 'http://127.0.0.1:4174';

/** The API base the tests hand the widget with `?api=`. */
export const API_BASE = '/api/v1';

// ---------------------------------------------------------------------------------
// API JSON, as the contract (shared/api/CONTRACT.md) describes it.

export type Timestamp = string | number;

export interface ApiEvent {
  type?: string;
  event?: string;
  timestamp?: Timestamp;
  id?: string;
  sg_event_id?: string;
  reason?: string;
  response?: string;
  bounce_type?: 'bounce' | 'blocked' | string;
  bounce_classification?: string;
  machine_open?: boolean;
  sg_machine_open?: boolean;
  url?: string;
  [extra: string]: unknown;
}

export interface ApiEmail {
  id: string;
  kind: string;
  recipient: string;
  subject?: string | null;
  sent_at: Timestamp;
  status?: string | null;
  events?: ApiEvent[];
  [extra: string]: unknown;
}

export interface ApiPage {
  candidate_id: string;
  emails: unknown[];
  next_cursor?: string | null;
}

/** Integer Unix seconds of an RFC 3339 instant. */
export function unixSeconds(rfc3339: string): number {
  const millis = Date.parse(rfc3339);
  if (Number.isNaN(millis)) throw new Error(`not a date: ${rfc3339}`);
  return Math.floor(millis / 1000);
}

/** The RFC 3339 UTC form the widget writes into `<time datetime>` (whole seconds). */
export function utc(at: Timestamp): string {
  const millis = typeof at === 'number' ? at * 1000 : Date.parse(at);
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

let sequence = 0;

/** One email with plausible defaults; `fields` override them. */
export function email(fields: Partial<ApiEmail> = {}): ApiEmail {
  sequence += 1;
  return {
    id: `em_${sequence}`,
    kind: 'interview_invitation',
    recipient: 'ada.lovelace@example.com',
    subject: `Subject ${sequence}`,
    sent_at: '2026-11-30T12:00:00Z',
    ...fields,
  };
}

/** One provider event of `type`, with `fields` added. */
export function event(type: string, fields: Partial<ApiEvent> = {}): ApiEvent {
  return { type, ...fields };
}

/** One page of the API's 200 response. */
export function apiPage(
  emails: unknown[],
  nextCursor: string | null = null,
  candidateId = 'cand_test',
): ApiPage {
  return { candidate_id: candidateId, emails, next_cursor: nextCursor };
}

// ---------------------------------------------------------------------------------
// The API, answered in the browser by `page.route`.

export interface ApiCall {
  /** 1 for the first request the widget made, 2 for the second, … */
  n: number;
  url: URL;
  /** The URL exactly as the widget requested it (percent-encoding intact). */
  rawUrl: string;
  /** The `cursor` query value, decoded; `null` for a first page. */
  cursor: string | null;
  request: Request;
}

export type ApiAnswer =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; body: string; contentType?: string; headers?: Record<string, string> }
  | { abort: true }
  | { hang: true };

export interface ApiMock {
  /** Every request the widget made to the API, in order. */
  calls: ApiCall[];
}

/**
 * Answers every request under `/api/v1/` with `answer(call)`. Returns the list of the
 * requests made, which grows as the page makes more.
 */
export async function mockApi(
  page: Page,
  answer: (call: ApiCall) => ApiAnswer | Promise<ApiAnswer>,
): Promise<ApiMock> {
  const mock: ApiMock = { calls: [] };
  await page.route(`**${API_BASE}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const call: ApiCall = {
      n: mock.calls.length + 1,
      url,
      rawUrl: request.url(),
      cursor: url.searchParams.get('cursor'),
      request,
    };
    mock.calls.push(call);
    const reply = await answer(call);
    if ('hang' in reply) return; // never answered
    if ('abort' in reply) return route.abort('failed');
    const headers = reply.headers ?? {};
    if ('json' in reply) {
      return route.fulfill({
        status: reply.status ?? 200,
        contentType: 'application/json',
        headers,
        body: JSON.stringify(reply.json),
      });
    }
    return route.fulfill({
      status: reply.status ?? 200,
      contentType: reply.contentType ?? 'application/json',
      headers,
      body: reply.body,
    });
  });
  return mock;
}

/** An API whose pages are looked up by cursor (`null` is the first page). */
export function pagesByCursor(pages: Record<string, ApiPage>, first: ApiPage) {
  return (call: ApiCall): ApiAnswer => {
    if (call.cursor === null) return { json: first };
    const found = pages[call.cursor];
    return found ? { json: found } : { status: 404, json: { error: { code: 'no_page' } } };
  };
}

// ---------------------------------------------------------------------------------
// The page.

/** The designer page pointed at the mocked API for `candidate`. */
export function widgetUrl(candidate: string, apiBase = API_BASE): string {
  const query = new URLSearchParams({ candidate, api: apiBase });
  return `/index.html?${query.toString()}`;
}

/** Opens the widget for `candidate` and waits until its first load has settled. */
export async function openWidget(page: Page, candidate = 'cand_test', apiBase = API_BASE) {
  await page.goto(widgetUrl(candidate, apiBase));
  await settled(page);
}

/** Waits until the widget's first-page load is no longer in flight. */
export async function settled(page: Page) {
  await expect(page.locator('.ch-timeline')).toHaveAttribute('aria-busy', 'false');
}

/** The widget's parts. */
export function widget(page: Page) {
  const root = page.locator('section.ch-root');
  return {
    root,
    count: root.locator('.ch-count'),
    list: root.locator('ul.ch-list[aria-label="Contact history"]'),
    entries: root.locator('li.ch-entry'),
    entry: (id: string) => root.locator(`li.ch-entry[data-email-id="${id}"]`),
    error: root.locator('.ch-error'),
    retry: root.locator('button.ch-retry'),
    loadOlder: root.locator('button.ch-load-older'),
    skipped: root.locator('p.ch-skipped'),
    empty: root.locator('p.ch-empty'),
    help: root.locator('details.ch-help'),
    showMore: root.locator('button.ch-show-more'),
  };
}

/**
 * Scrolls the reader down to the end of the list, again and again, until `done()`:
 * a long list renders its entries as the reader nears its end.
 */
export async function scrollThrough(page: Page, done: () => Promise<boolean>, timeout = 120_000) {
  const until = Date.now() + timeout;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`scrolled through the list for ${timeout} ms, and it is still not done`);
    await page.evaluate(() => document.querySelector('.ch-list-end')?.scrollIntoView({ block: 'end' }));
    await page.waitForTimeout(50);
  }
}

/** The number of entries in the list once it stops changing (no chunk still to come). */
export async function steadyCount(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const count = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(document.querySelectorAll('li.ch-entry').length), 200))),
        ),
    );
    if (count === last) return count;
    last = count;
  }
}

/** The `data-email-id`s of the entries shown, top to bottom. */
export async function shownIds(page: Page): Promise<string[]> {
  return page
    .locator('li.ch-entry')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-email-id') ?? ''));
}

/** The badge and its tooltip inside one entry (or any container). */
export function badgeIn(container: Locator) {
  const button = container.locator('button.ch-badge');
  return {
    button,
    label: button.locator('.ch-badge__label'),
    icon: button.locator('.ch-badge__icon'),
    tooltip: container.locator('[role="tooltip"]'),
  };
}

// ---------------------------------------------------------------------------------
// A `test` that fails on an uncaught page error (a wasm panic traps and lands here)
// and on any dialog the page opens (an injected `alert` would be one).

interface Guards {
  pageErrors: Error[];
  dialogs: string[];
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page }, use) => {
      const guards: Guards = { pageErrors: [], dialogs: [] };
      page.on('pageerror', (error) => guards.pageErrors.push(error));
      page.on('dialog', async (dialog) => {
        guards.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        await dialog.dismiss().catch(() => {});
      });
      await use(guards);
      expect(guards.pageErrors.map((e) => e.message), 'uncaught errors in the page').toEqual([]);
      expect(guards.dialogs, 'dialogs opened by the page').toEqual([]);
    },
    { auto: true },
  ],
});

// ---------------------------------------------------------------------------------
// Accessibility.

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page and fails with a readable list of what it found. */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  }));
  expect(found, 'axe violations').toEqual([]);
}
