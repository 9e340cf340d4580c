// Helpers for the embedding tests (embed.spec.ts): a host web app that serves the
// release build under its own path prefix with a strict Content-Security-Policy, an
// API on another origin answered by `page.route`, and a `test` that collects CSP
// violations, uncaught page errors and console errors.
//
// Everything is served by route interception, so no server other than the config's
// is needed:
//
//   http://host.test/apps/ch/embed.html     the host page (HTML, CSP header, no inline script or style)
//   http://host.test/apps/ch/embed.js       the host's module script: imports the widget, exposes `window.embed`
//   http://host.test/apps/ch/host.css       the host's own stylesheet
//   http://host.test/apps/ch/assets/<file>  the files of ../../dist (the release build)
//   http://api.test/v1/...                  the Contact History API (cross-origin, CORS)
//   http://host.test/svc/api/v1/...         the same API, same-origin (for `connect-src 'self'`)

import { test as base, expect, type Page, type Request, type Route } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

export { expect };

export const HOST_ORIGIN = 'http://host.test';
export const API_ORIGIN = 'http://api.test';
/** The path prefix the host serves its page under (not the build's own `/`). */
export const PREFIX = '/apps/ch';
/** Where the host serves the widget's release files. */
export const ASSETS_PATH = `${PREFIX}/assets`;
/** The API base handed to `mount` (another origin than the page). */
export const API_BASE = `${API_ORIGIN}/v1`;
/** The API base of a host whose API is on its own origin. */
export const SAME_ORIGIN_API_PATH = '/svc/api/v1';

/** The acceptance's policy, with `connect-src` the API's origin (and 'self', from which
 * `init()` fetches the .wasm: fetch is governed by connect-src). */
export const CSP_CROSS_ORIGIN_API =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  `connect-src 'self' ${API_ORIGIN}`;
/** The acceptance's policy for a host whose API is same-origin: `connect-src 'self'`. */
export const CSP_SAME_ORIGIN_API =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

/** The release build (CH_DIST points elsewhere, e.g. at a copy to try a change on). */
const DIST = process.env.CH_DIST ? path.resolve(process.env.CH_DIST) : path.resolve(__dirname, '..', '..', 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

// ---------------------------------------------------------------------------------
// The host page.

export type Variant =
  /** Widget stylesheet linked, two empty mount points `#w1` and `#w2`. */
  | 'default'
  /** Host sample elements and one mount point; the widget's stylesheet is NOT linked. */
  | 'isolation'
  /** A `[data-contact-history]` element that `init()` auto-mounts. */
  | 'auto';

/** The host's own stylesheet: plain host styling, plus a brand theme set through the
 * widget's documented custom properties on the mount element. */
const HOST_CSS = `
body { margin: 8px; font-family: Georgia, "Times New Roman", serif; color: rgb(43, 33, 24); background: rgb(250, 247, 242); }
main.host { display: block; }
/* Room below, so the page scrolls before and after the widget is mounted. */
.host-spacer { display: block; height: 3000px; }
/* A fixed-size box, so mounting a widget into it does not change the page's height. */
.host-box { display: block; height: 600px; overflow: auto; }
.brand {
  --ch-color-accent: rgb(124, 45, 18);
  --ch-color-accent-text: rgb(255, 255, 255);
  --ch-color-surface: rgb(255, 251, 245);
  --ch-radius: 2px;
  --ch-font-family: "Courier New", monospace;
}
/* A theme aimed at the widget's root itself. */
.brand-root .ch-root { --ch-color-accent: rgb(21, 128, 61); }
`;

/** Sample host elements whose computed style the widget's CSS must not change; some
 * carry class names the widget also uses, outside any .ch-root. */
const ISOLATION_SAMPLES = `
<header class="host-header" id="s-header"><h1 id="s-h1">Candidate profile</h1></header>
<main class="host" id="s-main">
  <h2 id="s-h2">Ada Lovelace</h2>
  <h3 id="s-h3" class="ch-title">A host heading with a widget class</h3>
  <p id="s-p">A paragraph with <a id="s-a" href="#top">a link</a> and <strong id="s-strong">bold</strong> text.</p>
  <button id="s-button" type="button">Host button</button>
  <button id="s-button-ch" class="ch-button ch-badge ch-retry" type="button">Host button with widget classes</button>
  <ul id="s-ul"><li id="s-li">First item</li><li id="s-li-ch" class="ch-entry">Item with a widget class</li></ul>
  <ol id="s-ol" class="ch-list"><li id="s-ol-li">Ordered item</li></ol>
  <details id="s-details"><summary id="s-summary">More</summary><p id="s-details-p">Hidden text</p></details>
  <details id="s-details-ch" class="ch-help" open><summary id="s-summary-ch">More (widget classes)</summary></details>
  <dl id="s-dl" class="ch-meta"><dt id="s-dt">Term</dt><dd id="s-dd">Definition</dd></dl>
  <span id="s-span" class="ch-visually-hidden">visible host text</span>
  <div id="s-error" class="ch-error" role="note">A host note with a widget class</div>
  <time id="s-time" datetime="2026-12-01">1 Dec</time>
  <input id="s-input" value="host input">
</main>
<div id="w1" class="host-box" data-mount></div>
<div class="host-spacer"></div>
`;

function hostHtml(variant: Variant): string {
  const widgetCss =
    variant === 'isolation' ? '' : `<link rel="stylesheet" href="assets/contact-history.css">`;
  let body: string;
  if (variant === 'isolation') {
    body = ISOLATION_SAMPLES;
  } else if (variant === 'auto') {
    body = `<h1>Auto-mounted</h1>
<div id="auto" data-contact-history data-candidate-id="cand_auto" data-api-base="${API_BASE}"></div>`;
  } else {
    body = `<h1 id="top">Host app</h1>
<div id="w1" data-mount></div>
<div id="w2" data-mount></div>`;
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Host app embedding Contact History</title>
<link rel="stylesheet" href="host.css">
${widgetCss}
<script type="module" src="embed.js"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The host's module script. It drives the widget only through its public surface. */
const EMBED_JS = `
import init, { mount } from "./assets/contact-history.js";

const widgets = new Map();
const events = [];
function describe(error) {
  return {
    ok: false,
    isError: error instanceof Error,
    name: error && error.name,
    message: String(error && error.message !== undefined ? error.message : error),
  };
}
// The host listens on the document: the widget's events must bubble to it.
for (const type of ["contact-history:action", "contact-history:loaded"]) {
  document.addEventListener(type, (event) => {
    events.push({
      type: event.type,
      target: event.target && event.target.id,
      bubbles: event.bubbles,
      custom: event instanceof CustomEvent,
      detail: JSON.parse(JSON.stringify(event.detail)),
      keys: event.detail ? Object.keys(event.detail).sort() : null,
    });
  });
}

window.embed = {
  events,
  /** mount(document.getElementById(id), options); returns { ok } or the error. */
  mount(id, options) {
    try {
      widgets.set(id, mount(document.getElementById(id), options));
      return { ok: true };
    } catch (error) {
      return describe(error);
    }
  },
  /** mount with raw arguments, for the wrong-call tests. */
  mountRaw(element, ...rest) {
    try {
      mount(element, ...rest);
      return { ok: true };
    } catch (error) {
      return describe(error);
    }
  },
  /** widget[method](...args) for the widget mounted into #id. */
  call(id, method, ...args) {
    try {
      const widget = widgets.get(id);
      if (!widget) throw new Error("no widget mounted into #" + id);
      widget[method](...args);
      return { ok: true };
    } catch (error) {
      return describe(error);
    }
  },
};

await init();
document.documentElement.setAttribute("data-embed-ready", "true");
`;

// ---------------------------------------------------------------------------------
// Init scripts (run before any page script and are not subject to the page's CSP).

/** Records CSP violations, and the listeners added to window, document, <html>, <body>
 * and the mount points (`[data-mount]`) that are still registered. */
function instrument() {
  const w = window as any;
  w.__csp = [] as unknown[];
  document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
    w.__csp.push({
      directive: e.violatedDirective,
      effective: e.effectiveDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      sample: e.sample,
    });
  });

  const records: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] = [];
  const tracked = (t: EventTarget) =>
    t === window ||
    t === document ||
    t === document.documentElement ||
    t === document.body ||
    (t instanceof Element && t.hasAttribute('data-mount'));
  const label = (t: EventTarget) =>
    t === window
      ? 'window'
      : t === document
        ? 'document'
        : t instanceof Element
          ? t.id
            ? `#${t.id}`
            : t.tagName.toLowerCase()
          : '?';
  const captureOf = (o: unknown) =>
    typeof o === 'boolean' ? o : !!(o && typeof o === 'object' && (o as any).capture);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: any, options?: any) {
    if (listener && tracked(this)) {
      const capture = captureOf(options);
      const known = records.some(
        (r) => r.target === this && r.type === type && r.listener === listener && r.capture === capture,
      );
      if (!known) records.push({ target: this, type, listener, capture });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: any, options?: any) {
    const capture = captureOf(options);
    const i = records.findIndex(
      (r) => r.target === this && r.type === type && r.listener === listener && r.capture === capture,
    );
    if (i >= 0) records.splice(i, 1);
    return remove.call(this, type, listener, options);
  };
  w.__listeners = () =>
    records.map((r) => `${label(r.target)} ${r.type}${r.capture ? ' (capture)' : ''}`).sort();
}

/** Makes `AbortController.abort()` do nothing, so a superseded request still gets its
 * answer: the widget must then ignore it by itself. */
export function disableAbort() {
  const w = window as any;
  w.__aborts = 0;
  AbortController.prototype.abort = function () {
    w.__aborts += 1;
  };
}

// ---------------------------------------------------------------------------------
// The API.

export interface ApiCall {
  n: number;
  method: string;
  rawUrl: string;
  url: URL;
  /** The candidate id, percent-decoded from the path. */
  candidate: string;
  /** The raw (still encoded) path segment of the candidate id. */
  rawCandidate: string;
  cursor: string | null;
  limit: string | null;
  headers: Record<string, string>;
  request: Request;
}

export type ApiAnswer =
  | { status?: number; json: unknown; delayMs?: number; gate?: Promise<unknown> }
  | { status?: number; body: string; delayMs?: number };

export interface Api {
  /** Every GET the widget made to the API, in order. */
  calls: ApiCall[];
  /** CORS preflights seen by the route (if the browser sent any through it). */
  preflights: string[];
  /** API requests whose answer reached the page (path), from `requestfinished`. */
  finished: string[];
  /** API requests that failed in the page (path and error), from `requestfailed`. */
  failed: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': HOST_ORIGIN,
    'access-control-allow-methods': 'GET',
    'access-control-allow-headers': 'authorization, accept',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

async function answerApi(route: Route, api: Api, answer: (call: ApiCall) => ApiAnswer | Promise<ApiAnswer>) {
  const request = route.request();
  if (request.method() === 'OPTIONS') {
    api.preflights.push(request.url());
    return route.fulfill({ status: 204, headers: corsHeaders() });
  }
  const url = new URL(request.url());
  const match = /\/candidates\/([^/]*)\/emails$/.exec(url.pathname);
  const rawCandidate = match ? match[1] : '';
  const call: ApiCall = {
    n: api.calls.length + 1,
    method: request.method(),
    rawUrl: request.url(),
    url,
    candidate: decodeURIComponent(rawCandidate),
    rawCandidate,
    cursor: url.searchParams.get('cursor'),
    limit: url.searchParams.get('limit'),
    headers: await request.allHeaders(),
    request,
  };
  api.calls.push(call);
  const reply = await answer(call);
  if (reply.delayMs) await sleep(reply.delayMs);
  if ('gate' in reply && reply.gate) await reply.gate;
  const headers = corsHeaders();
  const body = 'json' in reply ? JSON.stringify(reply.json) : reply.body;
  // If the page aborted the request meanwhile, this goes nowhere (see `Api.failed`).
  await route.fulfill({ status: reply.status ?? 200, contentType: 'application/json', headers, body }).catch(() => {});
}

// ---------------------------------------------------------------------------------
// JSON builders (the contract in shared/api/CONTRACT.md).

export interface EmailJson {
  id: string;
  kind?: string;
  recipient?: string;
  subject?: string;
  sent_at?: string | number;
  status?: string;
  events?: Record<string, unknown>[];
}

export function email(fields: EmailJson) {
  return {
    kind: 'interview_invitation',
    recipient: 'ada.lovelace@example.com',
    subject: `Subject of ${fields.id}`,
    sent_at: '2026-11-30T12:00:00Z',
    status: 'delivered',
    ...fields,
  };
}

export function page(candidate: string, emails: unknown[], nextCursor: string | null = null) {
  return { candidate_id: candidate, emails, next_cursor: nextCursor };
}

// ---------------------------------------------------------------------------------
// The fixture.

export type Answer = (call: ApiCall) => ApiAnswer | Promise<ApiAnswer>;

interface HostConfig {
  csp: string;
  /** Answers the API (cross-origin and same-origin alike). Unknown candidates get 404. */
  answer: Answer;
  /** Console errors that are expected (matched against the text). */
  allowConsole: RegExp[];
}

export interface Host {
  page: Page;
  api: Api;
  /** Every request the page made (URL), in order. */
  requests: string[];
  /** The requests to the API (GETs). */
  apiRequests(): string[];
  /** Console messages of type error (and warnings), CSP reports among them. */
  console: string[];
  /** Sets how the API answers (read at each request). */
  setApi(answer: Answer): void;
  /** Sets the page's Content-Security-Policy (before `open`). */
  setCsp(csp: string): void;
  /** Expects console errors matching `re` (e.g. a 404 the test asks for). */
  allowConsole(re: RegExp): void;
  /** Opens the host page and waits until `init()` resolved. */
  open(variant?: Variant): Promise<void>;
  /** `mount(#id, options)`; resolves to `{ ok }` or the thrown error. */
  mount(id: string, options: Record<string, unknown>): Promise<MountResult>;
  call(id: string, method: 'setCandidate' | 'refresh' | 'unmount', ...args: unknown[]): Promise<MountResult>;
  /** The events the host received on document, in order. */
  events(type?: 'contact-history:action' | 'contact-history:loaded'): Promise<HostEvent[]>;
  /** The CSP violations reported to the page so far. */
  cspViolations(): Promise<unknown[]>;
  /** The listeners still registered on window, document, <html>, <body>, mount points. */
  listeners(): Promise<string[]>;
  /** The widget mounted into #id. */
  widget(id: string): ReturnType<typeof widgetIn>;
}

export interface MountResult {
  ok: boolean;
  isError?: boolean;
  name?: string;
  message?: string;
}

export interface HostEvent {
  type: string;
  target: string;
  bubbles: boolean;
  custom: boolean;
  detail: Record<string, unknown>;
  keys: string[] | null;
}

export function widgetIn(page: Page, id: string) {
  const mountPoint = page.locator(`#${id}`);
  const root = mountPoint.locator('section.ch-root');
  return {
    mountPoint,
    root,
    entries: root.locator('li.ch-entry'),
    entry: (emailId: string) => root.locator(`li.ch-entry[data-email-id="${emailId}"]`),
    badge: (emailId: string) => root.locator(`li.ch-entry[data-email-id="${emailId}"] button.ch-badge`),
    loadOlder: root.locator('button.ch-load-older'),
    retry: root.locator('button.ch-retry'),
    error: root.locator('.ch-error'),
    timeline: root.locator('.ch-timeline'),
    /** The `data-email-id`s shown, top to bottom. */
    ids: () =>
      root
        .locator('li.ch-entry')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-email-id') ?? '')),
  };
}

async function serveHost(route: Route, config: HostConfig, api: Api) {
  const url = new URL(route.request().url());
  const p = url.pathname;
  if (p.startsWith(`${SAME_ORIGIN_API_PATH}/`)) {
    return answerApi(route, api, config.answer);
  }
  if (p === `${PREFIX}/embed.html`) {
    const variant = (url.searchParams.get('variant') as Variant | null) ?? 'default';
    return route.fulfill({
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES['.html'],
        'content-security-policy': config.csp,
      },
      body: hostHtml(variant),
    });
  }
  if (p === `${PREFIX}/embed.js`) {
    return route.fulfill({ status: 200, headers: { 'content-type': CONTENT_TYPES['.js'] }, body: EMBED_JS });
  }
  if (p === `${PREFIX}/host.css`) {
    return route.fulfill({ status: 200, headers: { 'content-type': CONTENT_TYPES['.css'] }, body: HOST_CSS });
  }
  if (p.startsWith(`${ASSETS_PATH}/`)) {
    const name = p.slice(ASSETS_PATH.length + 1);
    const file = path.join(DIST, name);
    if (/^[\w.-]+$/.test(name) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const type = CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream';
      return route.fulfill({ status: 200, headers: { 'content-type': type }, body: fs.readFileSync(file) });
    }
  }
  return route.fulfill({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });
}

/** `test` with a `host` fixture; fails on CSP violations, uncaught errors and console errors. */
export const test = base.extend<{ host: Host }>({
  host: async ({ page }, use) => {
    const api: Api = { calls: [], preflights: [], finished: [], failed: [] };
    const requests: string[] = [];
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];
    const config: HostConfig = {
      csp: CSP_CROSS_ORIGIN_API,
      answer: () => ({ status: 404, json: { error: { code: 'not_found' } } }),
      allowConsole: [],
    };

    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const isApi = (url: string) =>
      url.startsWith(`${API_ORIGIN}/`) || url.startsWith(`${HOST_ORIGIN}${SAME_ORIGIN_API_PATH}/`);
    page.on('requestfinished', (r) => {
      if (isApi(r.url()) && r.method() === 'GET') api.finished.push(new URL(r.url()).pathname);
    });
    page.on('requestfailed', (r) => {
      if (isApi(r.url())) api.failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(instrument);
    await page.route(`${HOST_ORIGIN}/**`, (route) => serveHost(route, config, api));
    await page.route(`${API_ORIGIN}/**`, (route) => answerApi(route, api, config.answer));

    const host: Host = {
      page,
      api,
      requests,
      console: consoleLines,
      setApi: (answer) => {
        config.answer = answer;
      },
      setCsp: (csp) => {
        config.csp = csp;
      },
      allowConsole: (re) => {
        config.allowConsole.push(re);
      },
      apiRequests: () =>
        requests.filter(
          (r) => r.startsWith(`GET ${API_ORIGIN}/`) || r.startsWith(`GET ${HOST_ORIGIN}${SAME_ORIGIN_API_PATH}/`),
        ),
      async open(variant) {
        const query = variant ? `?variant=${variant}` : '';
        await page.goto(`${HOST_ORIGIN}${PREFIX}/embed.html${query}`);
        await expect(page.locator('html')).toHaveAttribute('data-embed-ready', 'true');
      },
      mount: (id, mountOptions) =>
        page.evaluate(([i, o]) => (window as any).embed.mount(i, o), [id, mountOptions] as const),
      call: (id, method, ...args) =>
        page.evaluate(([i, m, a]) => (window as any).embed.call(i, m, ...(a as unknown[])), [id, method, args] as const),
      events: async (type) => {
        const all: HostEvent[] = await page.evaluate(() => (window as any).embed.events);
        return type ? all.filter((e) => e.type === type) : all;
      },
      cspViolations: () => page.evaluate(() => (window as any).__csp),
      listeners: () => page.evaluate(() => (window as any).__listeners()),
      widget: (id) => widgetIn(page, id),
    };
    await use(host);

    // After every test: no CSP violation (reported as an event or on the console), no
    // uncaught error, no unexpected console error.
    const violations = page.isClosed() ? [] : await host.cspViolations().catch(() => []);
    expect(violations, 'CSP violations reported to the page').toEqual([]);
    const allowed = config.allowConsole;
    expect(
      consoleLines.filter((l) => /Content.Security.Policy|Refused to/i.test(l)),
      'CSP reports on the console',
    ).toEqual([]);
    expect(consoleLines.filter((l) => !allowed.some((re) => re.test(l))), 'console errors and warnings').toEqual(
      [],
    );
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

/** A promise with its resolver, to hold an API answer until the test lets it go. */
export function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Waits until the API has received `n` GETs in total. */
export async function waitForCalls(host: Host, n: number) {
  await expect.poll(() => host.api.calls.length, { message: `the API should receive ${n} request(s)` }).toBeGreaterThanOrEqual(n);
}
