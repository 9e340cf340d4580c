// Embedding Contact History in a host web app (issue "Embed Contact History in a host
// web app"). The release build in ../dist is served by a host under its own path prefix
// (http://host.test/apps/ch/assets/) with the acceptance's Content-Security-Policy,
// the API answers from another origin (http://api.test/v1), and the host drives the
// widget only through `init()` and `mount(element, options)`. Every test also fails
// on any CSP violation, uncaught error or console error (see embed-support.ts).

import { test as base } from '@playwright/test';
import {
  API_BASE,
  API_ORIGIN,
  ASSETS_PATH,
  CSP_SAME_ORIGIN_API,
  HOST_ORIGIN,
  SAME_ORIGIN_API_PATH,
  disableAbort,
  email,
  expect,
  gate,
  page as apiPage,
  test,
  waitForCalls,
  type Answer,
  type ApiCall,
} from './embed-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two candidates with different histories. */
const HISTORIES: Record<string, ReturnType<typeof email>[]> = {
  cand_a: [
    email({ id: 'a_1', subject: 'Interview invitation for A', sent_at: '2026-12-02T10:00:00Z' }),
    email({ id: 'a_2', subject: 'Reminder for A', sent_at: '2026-12-01T10:00:00Z', status: 'sent' }),
  ],
  cand_b: [
    email({ id: 'b_1', recipient: 'grace@example.com', sent_at: '2026-12-03T10:00:00Z' }),
    email({ id: 'b_2', recipient: 'grace@example.com', sent_at: '2026-12-02T09:00:00Z', status: 'opened' }),
    email({ id: 'b_3', recipient: 'grace@example.com', sent_at: '2026-12-01T08:00:00Z', status: 'queued' }),
  ],
  cand_c: [email({ id: 'c_1', recipient: 'c@example.com' })],
};

/** Answers each candidate with its history in HISTORIES; others get 404. */
const histories: Answer = (call) => {
  const emails = HISTORIES[call.candidate];
  return emails ? { json: apiPage(call.candidate, emails) } : { status: 404, json: { error: { code: 'not_found' } } };
};

const sorted = (ids: string[]) => [...ids].sort();

/** The URL requested, but for a trailing `&` (which the dedicated test below pins down),
 * so that one defect fails one test. */
const requested = (call: ApiCall) => call.rawUrl.replace(/&$/, '');

test.describe('Mounting under a strict CSP from another path prefix', () => {
  test('mount renders the entries, loading every file from the host prefix and the API from its origin', async ({
    host,
  }) => {
    host.setApi(histories);
    await host.open();
    expect(await host.mount('w1', { candidateId: 'cand_a', apiBase: API_BASE })).toEqual({ ok: true });

    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(2);
    expect(sorted(await w1.ids())).toEqual(['a_1', 'a_2']);
    await expect(w1.root.locator('.ch-title')).toHaveText('Contact history');
    await expect(w1.entry('a_1').locator('.ch-subject')).toHaveText('Interview invitation for A');
    // The other mount point is untouched.
    await expect(host.widget('w2').mountPoint).toBeEmpty();

    // The build works from the prefix: the module and the wasm came from /apps/ch/assets/.
    expect(host.requests).toContain(`GET ${HOST_ORIGIN}${ASSETS_PATH}/contact-history.js`);
    expect(host.requests).toContain(`GET ${HOST_ORIGIN}${ASSETS_PATH}/contact-history_bg.wasm`);
    expect(host.requests).toContain(`GET ${HOST_ORIGIN}${ASSETS_PATH}/contact-history.css`);
    expect(host.requests.filter((r) => r.includes('404') || /host\.test\/contact-history/.test(r))).toEqual([]);

    // One request, the contract's URL, JSON, no token.
    expect(host.api.calls.map(requested)).toEqual([`${API_BASE}/candidates/cand_a/emails?limit=50`]);
    expect(host.api.calls[0].headers['accept']).toBe('application/json');
    expect(host.api.calls[0].headers['authorization']).toBeUndefined();
  });

  test("the request URL is exactly the contract's, with nothing after the last parameter", async ({ host }) => {
    host.setApi((call) =>
      call.cursor === null
        ? { json: apiPage('cand_u', [email({ id: 'u_1' })], 'c2') }
        : { json: apiPage('cand_u', [email({ id: 'u_2', sent_at: '2026-01-01T00:00:00Z' })]) },
    );
    await host.open();
    await host.mount('w1', { candidateId: 'cand_u', apiBase: API_BASE });
    await host.widget('w1').loadOlder.click();
    await expect(host.widget('w1').entries).toHaveCount(2);
    // GET {apiBase}/candidates/{id}/emails?limit=50[&cursor=..]
    expect(host.api.calls.map((c) => c.rawUrl)).toEqual([
      `${API_BASE}/candidates/cand_u/emails?limit=50`,
      `${API_BASE}/candidates/cand_u/emails?limit=50&cursor=c2`,
    ]);
  });

  test('the CSP is really enforced on the host page (control for the violation checks)', async ({ host, page }) => {
    await host.open();
    // Inline style and inline script are forbidden by the policy: both must be reported.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'h1 { color: red }';
      document.head.append(style);
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await expect
      .poll(async () => ((await host.cspViolations()) as { effective: string }[]).map((v) => v.effective).sort())
      .toEqual(['script-src-elem', 'style-src-elem']);
    expect(await page.evaluate(() => (window as any).inlineRan)).toBeUndefined();
    // This test made the violations on purpose: clear them for the fixture's own check.
    await page.evaluate(() => ((window as any).__csp.length = 0));
    host.console.length = 0;
  });

  test('init() auto-mounts a [data-contact-history] element under the CSP', async ({ host }) => {
    host.setApi((call) =>
      call.candidate === 'cand_auto'
        ? { json: apiPage('cand_auto', [email({ id: 'auto_1' }), email({ id: 'auto_2' })]) }
        : { status: 404, json: {} },
    );
    await host.open('auto');
    const auto = host.widget('auto');
    await expect(auto.entries).toHaveCount(2);
    expect(sorted(await auto.ids())).toEqual(['auto_1', 'auto_2']);
    expect(host.api.calls.map(requested)).toEqual([`${API_BASE}/candidates/cand_auto/emails?limit=50`]);
  });

  test("works with a same-origin API and exactly connect-src 'self'", async ({ host }) => {
    host.setCsp(CSP_SAME_ORIGIN_API);
    host.setApi(histories);
    await host.open();
    expect(await host.mount('w1', { candidateId: 'cand_b', apiBase: SAME_ORIGIN_API_PATH })).toEqual({ ok: true });
    await expect(host.widget('w1').entries).toHaveCount(3);
    expect(host.api.calls.map(requested)).toEqual([
      `${HOST_ORIGIN}${SAME_ORIGIN_API_PATH}/candidates/cand_b/emails?limit=50`,
    ]);
  });

  test('percent-encodes the candidate id and honours pageSize', async ({ host }) => {
    host.setApi((call) => ({ json: apiPage(call.candidate, [email({ id: 'enc_1' })]) }));
    await host.open();
    expect(await host.mount('w1', { candidateId: 'cand 7/Ä?#', apiBase: `${API_BASE}/`, pageSize: 10 })).toEqual({
      ok: true,
    });
    await expect(host.widget('w1').entries).toHaveCount(1);
    expect(host.api.calls.map(requested)).toEqual([
      `${API_BASE}/candidates/cand%207%2F%C3%84%3F%23/emails?limit=10`,
    ]);
    expect(host.api.calls[0].candidate).toBe('cand 7/Ä?#');
  });
});

test.describe('Two widgets at once', () => {
  test('show different candidates and are driven independently', async ({ host, page }) => {
    host.setApi(histories);
    await host.open();
    expect(await host.mount('w1', { candidateId: 'cand_a', apiBase: API_BASE })).toEqual({ ok: true });
    expect(
      await host.mount('w2', { candidateId: 'cand_b', apiBase: API_BASE, locale: 'en-GB', timeZone: 'Europe/London' }),
    ).toEqual({ ok: true });
    const [w1, w2] = [host.widget('w1'), host.widget('w2')];

    await expect(w1.entries).toHaveCount(2);
    await expect(w2.entries).toHaveCount(3);
    expect(sorted(await w1.ids())).toEqual(['a_1', 'a_2']);
    expect(sorted(await w2.ids())).toEqual(['b_1', 'b_2', 'b_3']);
    await expect(w2.root.locator('.ch-recipient').first()).toHaveText('grace@example.com');
    // Each widget has its own root and ids (no clash between the two).
    const ids = await page.locator('section.ch-root [id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);

    // Each loaded event comes from its own mount element with its own candidate.
    await expect
      .poll(async () =>
        (await host.events('contact-history:loaded')).map((e) => `${e.target} ${JSON.stringify(e.detail)}`).sort(),
      )
      .toEqual(['w1 {"candidateId":"cand_a","count":2}', 'w2 {"candidateId":"cand_b","count":3}']);

    // setCandidate on the first leaves the second alone.
    expect(await host.call('w1', 'setCandidate', 'cand_c')).toEqual({ ok: true });
    await expect(w1.entries).toHaveCount(1);
    expect(await w1.ids()).toEqual(['c_1']);
    expect(sorted(await w2.ids())).toEqual(['b_1', 'b_2', 'b_3']);
    expect(sorted(host.api.calls.map((c) => c.candidate))).toEqual(['cand_a', 'cand_b', 'cand_c']);

    // refresh on the second asks again for the second's candidate only.
    const before = host.api.calls.length;
    expect(await host.call('w2', 'refresh')).toEqual({ ok: true });
    await waitForCalls(host, before + 1);
    await sleep(300);
    expect(host.api.calls.slice(before).map((c) => c.candidate)).toEqual(['cand_b']);

    // Unmounting the first leaves the second working.
    expect(await host.call('w1', 'unmount')).toEqual({ ok: true });
    await expect(w1.mountPoint).toBeEmpty();
    await expect(w2.entries).toHaveCount(3);
    await w2.badge('b_1').hover();
    await expect(w2.entry('b_1').locator('[role="tooltip"]')).toBeVisible();
  });
});

test.describe('setCandidate', () => {
  const OLD = [email({ id: 'old_1', subject: 'Stale email 1' }), email({ id: 'old_2', subject: 'Stale email 2' })];
  const NEW = [email({ id: 'new_1', subject: 'Fresh email' })];

  for (const order of ['the new one arrives first', 'the stale one arrives first'] as const) {
    test(`with a slow first response, the stale one never appears (${order})`, async ({ host, page }) => {
      const oldDelay = order === 'the new one arrives first' ? 1500 : 400;
      const newDelay = order === 'the new one arrives first' ? 100 : 1200;
      host.setApi((call) =>
        call.candidate === 'cand_old'
          ? { json: apiPage('cand_old', OLD), delayMs: oldDelay }
          : { json: apiPage('cand_new', NEW), delayMs: newDelay },
      );
      await host.open();
      // Watch the whole time: no stale entry may ever be rendered, even for one frame.
      await page.evaluate(() => {
        const w = window as any;
        w.__staleSeen = [];
        new MutationObserver(() => {
          for (const li of document.querySelectorAll('#w1 li.ch-entry')) {
            const id = li.getAttribute('data-email-id') ?? '';
            if (id.startsWith('old_')) w.__staleSeen.push(id);
          }
        }).observe(document.getElementById('w1')!, { subtree: true, childList: true, attributes: true });
      });
      expect(await host.mount('w1', { candidateId: 'cand_old', apiBase: API_BASE })).toEqual({ ok: true });
      // Switch as soon as the first request is out.
      await waitForCalls(host, 1);
      expect(await host.call('w1', 'setCandidate', 'cand_new')).toEqual({ ok: true });
      const w1 = host.widget('w1');
      await expect(w1.entries).toHaveCount(1);
      expect(await w1.ids()).toEqual(['new_1']);
      // Past the moment the stale answer was due, and a little more.
      await sleep(Math.max(oldDelay, newDelay) + 500);
      expect(await w1.ids()).toEqual(['new_1']);
      await expect(w1.root.locator('.ch-subject')).toHaveText(['Fresh email']);
      expect(await page.evaluate(() => (window as any).__staleSeen)).toEqual([]);

      expect(host.api.calls.map((c) => c.candidate)).toEqual(['cand_old', 'cand_new']);
      // The superseded request was aborted, so its answer never reached the page.
      expect(host.api.failed).toEqual(['/v1/candidates/cand_old/emails net::ERR_ABORTED']);
      expect(host.api.finished).toEqual(['/v1/candidates/cand_new/emails']);
      // Only the new candidate was announced.
      expect((await host.events('contact-history:loaded')).map((e) => e.detail)).toEqual([
        { candidateId: 'cand_new', count: 1 },
      ]);
    });
  }

  test('a stale answer that still arrives (abort without effect) is ignored', async ({ host, page }) => {
    await page.addInitScript(disableAbort);
    const oldGate = gate();
    const newGate = gate();
    host.setApi((call) =>
      call.candidate === 'cand_old'
        ? { json: apiPage('cand_old', OLD), gate: oldGate.promise }
        : { json: apiPage('cand_new', NEW), gate: newGate.promise },
    );
    await host.open();
    expect(await host.mount('w1', { candidateId: 'cand_old', apiBase: API_BASE })).toEqual({ ok: true });
    await waitForCalls(host, 1);
    expect(await host.call('w1', 'setCandidate', 'cand_new')).toEqual({ ok: true });
    await waitForCalls(host, 2);

    // The stale answer is delivered to the page (nothing aborted it) ...
    oldGate.open();
    await expect.poll(() => host.api.finished).toEqual(['/v1/candidates/cand_old/emails']);
    await sleep(500);
    expect(host.api.failed).toEqual([]);
    expect(await page.evaluate(() => (window as any).__aborts)).toBeGreaterThan(0);
    // ... and is not shown: the widget still waits for the new candidate.
    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(0);
    await expect(w1.timeline).toHaveAttribute('aria-busy', 'true');

    newGate.open();
    await expect(w1.entries).toHaveCount(1);
    await sleep(300);
    expect(await w1.ids()).toEqual(['new_1']);
    expect((await host.events('contact-history:loaded')).map((e) => e.detail)).toEqual([
      { candidateId: 'cand_new', count: 1 },
    ]);
  });

  test('rejects an empty candidate id with a readable Error', async ({ host }) => {
    host.setApi(histories);
    await host.open();
    await host.mount('w1', { candidateId: 'cand_a', apiBase: API_BASE });
    await expect(host.widget('w1').entries).toHaveCount(2);
    for (const bad of ['', '   ', 42, null]) {
      const result = await host.call('w1', 'setCandidate', bad);
      expect(result.ok, `setCandidate(${JSON.stringify(bad)})`).toBe(false);
      expect(result.isError).toBe(true);
      expect(result.message).toContain('`candidateId`');
    }
    await sleep(300);
    expect(host.api.calls).toHaveLength(1);
    expect(sorted(await host.widget('w1').ids())).toEqual(['a_1', 'a_2']);
  });
});

test.describe('refresh', () => {
  test('asks again now and shows the changed data without clearing the list first', async ({ host }) => {
    const second = gate();
    let served = 0;
    host.setApi(() => {
      served += 1;
      if (served === 1) {
        return {
          json: apiPage('cand_r', [
            email({ id: 'r_1', status: 'delivered', sent_at: '2026-12-02T10:00:00Z' }),
            email({ id: 'r_2', status: 'sent', sent_at: '2026-12-01T10:00:00Z' }),
          ]),
        };
      }
      return {
        gate: second.promise,
        json: apiPage('cand_r', [
          email({
            id: 'r_1',
            status: 'delivered',
            sent_at: '2026-12-02T10:00:00Z',
            events: [{ type: 'bounce', timestamp: '2026-12-02T10:00:09Z', reason: '550 5.1.1 user unknown' }],
          }),
          email({ id: 'r_2', status: 'sent', sent_at: '2026-12-01T10:00:00Z' }),
          email({ id: 'r_3', status: 'queued', sent_at: '2026-12-03T10:00:00Z' }),
        ]),
      };
    });
    await host.open();
    await host.mount('w1', { candidateId: 'cand_r', apiBase: API_BASE });
    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(2);
    await expect(w1.badge('r_1')).toHaveAttribute('data-status', 'delivered');

    expect(await host.call('w1', 'refresh')).toEqual({ ok: true });
    await waitForCalls(host, 2);
    expect(requested(host.api.calls[1])).toBe(`${API_BASE}/candidates/cand_r/emails?limit=50`);
    // While the answer is held, what was shown stays shown (no loading state replaces it).
    await sleep(300);
    await expect(w1.entries).toHaveCount(2);
    await expect(w1.root.locator('ul.ch-list')).toBeVisible();
    await expect(w1.badge('r_1')).toHaveAttribute('data-status', 'delivered');
    await expect(w1.root.locator('.ch-status--loading')).toHaveCount(0);

    second.open();
    await expect(w1.badge('r_1')).toHaveAttribute('data-status', 'bounced');
    await expect(w1.entries).toHaveCount(3);
    await expect(w1.timeline).toHaveAttribute('aria-busy', 'false');
    expect(sorted(await w1.ids())).toEqual(['r_1', 'r_2', 'r_3']);
    expect((await host.events('contact-history:loaded')).map((e) => e.detail)).toEqual([
      { candidateId: 'cand_r', count: 2 },
      { candidateId: 'cand_r', count: 3 },
    ]);
  });
});

test.describe('unmount', () => {
  test('empties the element, sends no further requests and leaves no listener', async ({ host, page }) => {
    host.setApi(histories);
    await host.open();
    const baseline = await host.listeners();

    await host.mount('w1', { candidateId: 'cand_a', apiBase: API_BASE });
    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(2);
    // An open tooltip holds a window keydown listener (Escape closes it).
    await w1.badge('a_1').hover();
    await expect(w1.entry('a_1').locator('[role="tooltip"]')).toBeVisible();
    expect(await host.listeners()).toContain('window keydown');
    // Open the help panel too, and focus a badge.
    await w1.root.locator('details.ch-help > summary').click();
    await w1.badge('a_2').focus();
    // The page becoming visible again, or the browser coming back online, reloads.
    const triggers = () =>
      page.evaluate(() => {
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
        window.dispatchEvent(new Event('online'));
      });
    await triggers();
    await waitForCalls(host, 2);
    await expect(w1.timeline).toHaveAttribute('aria-busy', 'false');
    await sleep(300);

    expect(await host.call('w1', 'unmount')).toEqual({ ok: true });
    await expect(w1.mountPoint).toBeEmpty();
    expect(await page.evaluate(() => document.getElementById('w1')!.childNodes.length)).toBe(0);
    expect(await page.locator('[role="tooltip"], .ch-root, [class^="ch-"]').count()).toBe(0);
    // Every listener the widget added to window, document or the mount point is gone.
    expect(await host.listeners()).toEqual(baseline);

    // The widget no longer does anything.
    const calls = host.api.calls.length;
    const apiRequests = host.apiRequests().length;
    expect(await host.call('w1', 'refresh')).toEqual({ ok: true });
    expect(await host.call('w1', 'setCandidate', 'cand_b')).toEqual({ ok: true });
    expect(await host.call('w1', 'unmount')).toEqual({ ok: true });
    await triggers();
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.mouse.move(300, 200);
    await page.keyboard.press('Tab');
    await page.evaluate(() => {
      const el = document.getElementById('w1')!;
      el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    await sleep(1000);
    expect(host.api.calls.length).toBe(calls);
    expect(host.apiRequests().length).toBe(apiRequests);
    await expect(w1.mountPoint).toBeEmpty();
    const loadedBefore = (await host.events('contact-history:loaded')).length;
    await sleep(200);
    expect(await host.events('contact-history:loaded')).toHaveLength(loadedBefore);

    // The element can host a new widget afterwards.
    expect(await host.mount('w1', { candidateId: 'cand_c', apiBase: API_BASE })).toEqual({ ok: true });
    await expect(w1.entries).toHaveCount(1);
    expect(await host.call('w1', 'unmount')).toEqual({ ok: true });
    await expect(w1.mountPoint).toBeEmpty();
    expect(await host.listeners()).toEqual(baseline);
  });

  test('aborts a request in flight: its answer is never shown and no loaded event follows', async ({ host, page }) => {
    const held = gate();
    host.setApi((call) => ({ json: apiPage(call.candidate, [email({ id: 'late_1' })]), gate: held.promise }));
    await host.open();
    await host.mount('w1', { candidateId: 'cand_late', apiBase: API_BASE });
    await waitForCalls(host, 1);
    await expect(host.widget('w1').root.locator('.ch-status--loading')).toBeVisible();

    expect(await host.call('w1', 'unmount')).toEqual({ ok: true });
    await expect(host.widget('w1').mountPoint).toBeEmpty();
    held.open();
    await sleep(800);
    await expect(host.widget('w1').mountPoint).toBeEmpty();
    expect(host.api.failed).toEqual(['/v1/candidates/cand_late/emails net::ERR_ABORTED']);
    expect(host.api.finished).toEqual([]);
    expect(await host.events()).toEqual([]);
    expect(host.api.calls).toHaveLength(1);
  });
});

test.describe('Live options', () => {
  test('pollIntervalMs and requestTimeoutMs are accepted; polling re-reads and stops on unmount', async ({ host }) => {
    host.setApi(histories);
    await host.open();
    expect(
      await host.mount('w1', { candidateId: 'cand_a', apiBase: API_BASE, pollIntervalMs: 400, requestTimeoutMs: 5000 }),
    ).toEqual({ ok: true });
    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(2);
    await waitForCalls(host, 3);
    expect(host.api.calls.every((c) => c.candidate === 'cand_a' && c.cursor === null)).toBe(true);

    expect(await host.call('w1', 'unmount')).toEqual({ ok: true });
    await expect(w1.mountPoint).toBeEmpty();
    const calls = host.api.calls.length;
    await sleep(1500);
    expect(host.api.calls.length).toBe(calls);

    // Wrong values name the option.
    for (const [name, value] of [['pollIntervalMs', -1], ['requestTimeoutMs', 0], ['pollIntervalMs', '30000']] as const) {
      const result = await host.mount('w2', { candidateId: 'cand_a', apiBase: API_BASE, [name]: value });
      expect(result).toMatchObject({ ok: false, isError: true });
      expect(result.message).toContain(`option \`${name}\` must be a whole number`);
    }
    await expect(host.widget('w2').mountPoint).toBeEmpty();
  });
});

test.describe('A wrong option', () => {
  const GOOD = { candidateId: 'cand_a', apiBase: API_BASE };
  const CASES: { what: string; options: unknown; message: RegExp }[] = [
    { what: 'missing candidateId', options: { apiBase: API_BASE }, message: /option `candidateId` is required/ },
    { what: 'empty candidateId', options: { ...GOOD, candidateId: '  ' }, message: /option `candidateId` must not be empty/ },
    { what: 'candidateId not a string', options: { ...GOOD, candidateId: 7 }, message: /option `candidateId` must be a string/ },
    { what: 'missing apiBase', options: { candidateId: 'cand_a' }, message: /option `apiBase` is required/ },
    { what: 'apiBase not a string', options: { ...GOOD, apiBase: 42 }, message: /option `apiBase` must be a string/ },
    { what: 'unknown option', options: { ...GOOD, candidateID: 'x' }, message: /option `candidateID` is not known/ },
    { what: 'misspelt option', options: { ...GOOD, pagesize: 10 }, message: /option `pagesize` is not known/ },
    { what: 'invalid timeZone', options: { ...GOOD, timeZone: 'Mars/Olympus_Mons' }, message: /option `timeZone` is not a valid/ },
    { what: 'timeZone not a string', options: { ...GOOD, timeZone: 1 }, message: /option `timeZone` must be a string/ },
    { what: 'invalid locale', options: { ...GOOD, locale: 'en_GB!' }, message: /option `locale` is not a valid/ },
    { what: 'pageSize zero', options: { ...GOOD, pageSize: 0 }, message: /option `pageSize` must be a whole number/ },
    { what: 'pageSize not a number', options: { ...GOOD, pageSize: '50' }, message: /option `pageSize`/ },
    { what: 'authToken not a string', options: { ...GOOD, authToken: { token: 'x' } }, message: /option `authToken` must be a string/ },
    { what: 'no options object', options: undefined, message: /needs an options object/ },
  ];

  test('throws a readable Error naming the option, and mounts nothing', async ({ host, page }) => {
    host.setApi(histories);
    await host.open();
    const problems: string[] = [];
    for (const { what, options, message } of CASES) {
      const result = await page.evaluate(
        ([o]) => (window as any).embed.mountRaw(document.getElementById('w1'), o),
        [options] as const,
      );
      if (result.ok || !result.isError || result.name !== 'Error' || !message.test(result.message ?? '')) {
        problems.push(`${what}: ${JSON.stringify(result)}`);
      }
      if (!String(result.message).startsWith('Contact History: ')) problems.push(`${what}: unprefixed message`);
      const children = await page.evaluate(() => document.getElementById('w1')!.childNodes.length);
      if (children !== 0) problems.push(`${what}: the element has ${children} child node(s)`);
    }
    expect(problems).toEqual([]);

    // Not an element to mount into.
    for (const element of [null, '#w1']) {
      const result = await page.evaluate(
        ([e, o]) => (window as any).embed.mountRaw(e, o),
        [element, GOOD] as const,
      );
      expect(result).toMatchObject({ ok: false, isError: true, name: 'Error' });
      expect(result.message).toMatch(/^Contact History: .*HTML element/);
    }
    await sleep(300);
    expect(host.api.calls).toEqual([]);
    expect(await host.events()).toEqual([]);
    // The element still accepts a correct mount.
    expect(await host.mount('w1', GOOD)).toEqual({ ok: true });
    await expect(host.widget('w1').entries).toHaveCount(2);
  });
});

test.describe('Events to the host', () => {
  const FAILED = [
    email({
      id: 'em_bounced',
      recipient: 'ada.lovlace@exmaple.com',
      sent_at: '2026-12-03T10:00:00Z',
      status: undefined,
      events: [{ type: 'bounce', timestamp: 1796292009, reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' }],
    }),
    email({ id: 'em_dropped', recipient: 'ada@dropped.example.com', sent_at: '2026-12-02T10:00:00Z', status: 'dropped' }),
    email({ id: 'em_fine', recipient: 'ada@fine.example.com', sent_at: '2026-12-01T10:00:00Z', status: 'delivered' }),
  ];

  test('both action events bubble from the mount element with the right detail', async ({ host }) => {
    host.setApi((call) =>
      call.candidate === 'cand_fail'
        ? { json: apiPage('cand_fail', FAILED) }
        : { json: apiPage(call.candidate, [email({ id: 'other_bounce', recipient: 'o@example.com', status: 'bounced' })]) },
    );
    await host.open();
    await host.mount('w1', { candidateId: 'cand_fail', apiBase: API_BASE });
    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(3);

    // Offered on Bounced and Dropped entries only.
    for (const id of ['em_bounced', 'em_dropped']) {
      await expect(w1.entry(id).locator('.ch-action[data-action="update-email"]')).toHaveText('Update email address');
      await expect(w1.entry(id).locator('.ch-action[data-action="resend"]')).toHaveText('Send again');
    }
    await expect(w1.entry('em_fine').locator('.ch-action')).toHaveCount(0);

    await w1.entry('em_bounced').locator('[data-action="update-email"]').click();
    await w1.entry('em_dropped').locator('[data-action="resend"]').click();
    await w1.entry('em_bounced').locator('[data-action="resend"]').click();
    await w1.entry('em_dropped').locator('[data-action="update-email"]').click();

    const actions = await host.events('contact-history:action');
    expect(actions.map((e) => e.detail)).toEqual([
      { action: 'update-email', candidateId: 'cand_fail', emailId: 'em_bounced', recipient: 'ada.lovlace@exmaple.com' },
      { action: 'resend', candidateId: 'cand_fail', emailId: 'em_dropped', recipient: 'ada@dropped.example.com' },
      { action: 'resend', candidateId: 'cand_fail', emailId: 'em_bounced', recipient: 'ada.lovlace@exmaple.com' },
      { action: 'update-email', candidateId: 'cand_fail', emailId: 'em_dropped', recipient: 'ada@dropped.example.com' },
    ]);
    for (const e of actions) {
      expect(e).toMatchObject({ target: 'w1', bubbles: true, custom: true, keys: ['action', 'candidateId', 'emailId', 'recipient'] });
    }

    // After setCandidate the detail names the candidate now shown.
    await host.call('w1', 'setCandidate', 'cand_other');
    await expect(w1.entry('other_bounce')).toBeVisible();
    await w1.entry('other_bounce').locator('[data-action="resend"]').click();
    expect((await host.events('contact-history:action')).at(-1)?.detail).toEqual({
      action: 'resend',
      candidateId: 'cand_other',
      emailId: 'other_bounce',
      recipient: 'o@example.com',
    });
  });

  test('the loaded event carries the candidate and the count shown, after the first load and after Load older', async ({
    host,
  }) => {
    const CURSOR = 'page 2/ä&x=1';
    host.setApi((call) =>
      call.cursor === null
        ? {
            json: apiPage(
              'cand_p',
              [email({ id: 'p_1', sent_at: '2026-12-04T10:00:00Z' }), email({ id: 'p_2', sent_at: '2026-12-03T10:00:00Z' })],
              CURSOR,
            ),
          }
        : call.cursor === CURSOR
          ? {
              json: apiPage('cand_p', [
                email({ id: 'p_3', sent_at: '2026-11-03T10:00:00Z' }),
                email({ id: 'p_4', sent_at: '2026-11-02T10:00:00Z' }),
                email({ id: 'p_5', sent_at: '2026-11-01T10:00:00Z' }),
              ]),
            }
          : { status: 404, json: {} },
    );
    await host.open();
    await host.mount('w1', { candidateId: 'cand_p', apiBase: API_BASE });
    const w1 = host.widget('w1');
    await expect(w1.entries).toHaveCount(2);
    await expect.poll(() => host.events('contact-history:loaded')).toHaveLength(1);
    const [first] = await host.events('contact-history:loaded');
    expect(first).toMatchObject({ target: 'w1', bubbles: true, custom: true, keys: ['candidateId', 'count'] });
    expect(first.detail).toEqual({ candidateId: 'cand_p', count: 2 });

    await w1.loadOlder.click();
    await expect(w1.entries).toHaveCount(5);
    await expect.poll(async () => (await host.events('contact-history:loaded')).map((e) => e.detail)).toEqual([
      { candidateId: 'cand_p', count: 2 },
      { candidateId: 'cand_p', count: 5 },
    ]);
    expect(host.api.calls.map(requested)).toEqual([
      `${API_BASE}/candidates/cand_p/emails?limit=50`,
      `${API_BASE}/candidates/cand_p/emails?limit=50&cursor=page%202%2F%C3%A4%26x%3D1`,
    ]);
    await expect(w1.loadOlder).toHaveCount(0);
  });

  test('no loaded event for a failed load; one after Retry succeeds', async ({ host }) => {
    // A 404 is not retried automatically, so only the Retry button asks again.
    host.allowConsole(/status of 404/);
    let served = 0;
    host.setApi(() => {
      served += 1;
      return served === 1
        ? { status: 404, json: { error: { code: 'not_found', message: 'no such candidate' } } }
        : { json: apiPage('cand_e', [email({ id: 'e_1' })]) };
    });
    await host.open();
    await host.mount('w1', { candidateId: 'cand_e', apiBase: API_BASE });
    const w1 = host.widget('w1');
    await expect(w1.error).toBeVisible();
    await sleep(500);
    expect(await host.events()).toEqual([]);
    expect(host.api.calls).toHaveLength(1);
    await w1.retry.click();
    await expect(w1.entries).toHaveCount(1);
    await expect.poll(async () => (await host.events()).map((e) => `${e.type} ${JSON.stringify(e.detail)}`)).toEqual([
      'contact-history:loaded {"candidateId":"cand_e","count":1}',
    ]);
  });
});

test.describe('authToken', () => {
  test('is sent as Authorization: Bearer only when given, never in the URL', async ({ host }) => {
    host.setApi(histories);
    await host.open();
    await host.mount('w1', { candidateId: 'cand_a', apiBase: API_BASE, authToken: 'tok-s3cr3t' });
    await host.mount('w2', { candidateId: 'cand_b', apiBase: API_BASE });
    await expect(host.widget('w1').entries).toHaveCount(2);
    await expect(host.widget('w2').entries).toHaveCount(3);

    const byCandidate = (id: string) => host.api.calls.filter((c) => c.candidate === id);
    expect(byCandidate('cand_a')).toHaveLength(1);
    expect(byCandidate('cand_a')[0].headers['authorization']).toBe('Bearer tok-s3cr3t');
    expect(byCandidate('cand_b')).toHaveLength(1);
    expect(byCandidate('cand_b')[0].headers['authorization']).toBeUndefined();
    expect(host.requests.filter((r) => r.includes('tok-s3cr3t'))).toEqual([]);

    // Still sent on later requests of the same widget.
    await host.call('w1', 'refresh');
    await waitForCalls(host, 3);
    expect(host.api.calls[2].headers['authorization']).toBe('Bearer tok-s3cr3t');
  });
});

test.describe('Styles', () => {
  /** Every computed property (custom properties included) of the host's sample elements. */
  async function hostStyles(page: import('@playwright/test').Page) {
    return page.evaluate(() => {
      const out: Record<string, Record<string, string>> = {};
      const elements = [document.documentElement, document.body, ...document.querySelectorAll('[id^="s-"]')];
      for (const el of elements) {
        const key = el.id ? `#${el.id}` : el.tagName.toLowerCase();
        for (const pseudo of [null, '::before', '::after', '::marker']) {
          const cs = getComputedStyle(el, pseudo);
          const props: Record<string, string> = {};
          for (let i = 0; i < cs.length; i++) props[cs[i]] = cs.getPropertyValue(cs[i]);
          out[pseudo ? `${key}${pseudo}` : key] = props;
        }
      }
      return out;
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`the widget's CSS does not change the computed style of host elements (${scheme})`, async ({ host, page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      host.setApi(() => ({
        json: apiPage('cand_s', [
          email({ id: 's_1', status: 'bounced' }),
          email({ id: 's_2', status: 'delivered' }),
        ], 'more'),
      }));
      await host.open('isolation');
      const before = await hostStyles(page);
      expect(Object.keys(before).length).toBeGreaterThan(40);
      expect(before['#s-button']['font-family']).toBeTruthy();

      // Link the widget's stylesheet (as a host would) and mount a widget.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = 'assets/contact-history.css';
            link.onload = () => resolve();
            link.onerror = () => reject(new Error('stylesheet did not load'));
            document.head.append(link);
          }),
      );
      await host.mount('w1', { candidateId: 'cand_s', apiBase: API_BASE });
      const w1 = host.widget('w1');
      await expect(w1.entries).toHaveCount(2);
      await w1.badge('s_1').hover();
      await w1.root.locator('details.ch-help > summary').click();
      // The stylesheet is in force inside the widget (so the comparison means something).
      await expect(w1.loadOlder).toHaveCSS('font-weight', '600');
      await expect(w1.root.locator('.ch-list')).toHaveCSS('list-style-type', 'none');

      const after = await hostStyles(page);
      const changed: string[] = [];
      for (const [el, props] of Object.entries(before)) {
        for (const name of new Set([...Object.keys(props), ...Object.keys(after[el] ?? {})])) {
          if (props[name] !== after[el]?.[name]) changed.push(`${el} ${name}: ${props[name]} -> ${after[el]?.[name]}`);
        }
      }
      expect(changed).toEqual([]);
    });
  }

  test('every rule of the widget stylesheet is scoped under .ch-root and uses ch- names', async ({ host, page }) => {
    await host.open();
    const problems = await page.evaluate(() => {
      const sheet = [...document.styleSheets].find((s) => s.href?.endsWith('/assets/contact-history.css'));
      if (!sheet) return ['stylesheet not found'];
      const found: string[] = [];
      let selectors = 0;
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule) {
            for (const selector of rule.selectorText.split(',').map((s) => s.trim())) {
              selectors += 1;
              if (!/^\.ch-root(?![\w-])/.test(selector)) found.push(`not under .ch-root: ${selector}`);
              for (const cls of selector.match(/\.[\w-]+/g) ?? []) {
                if (!cls.startsWith('.ch-')) found.push(`class without ch- prefix: ${cls} in ${selector}`);
              }
              for (const id of selector.match(/#[\w-]+/g) ?? []) found.push(`id selector: ${id}`);
            }
          } else if (rule instanceof CSSKeyframesRule) {
            if (!rule.name.startsWith('ch-')) found.push(`keyframes without ch- prefix: ${rule.name}`);
          } else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
            walk(rule.cssRules);
          } else {
            found.push(`unexpected rule: ${rule.cssText.slice(0, 60)}`);
          }
        }
      };
      walk(sheet.cssRules);
      if (selectors < 20) found.push(`only ${selectors} selectors read`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  test('the default theme applies, and a host restyles through --ch-* on .ch-root', async ({ host, page }) => {
    host.setApi((call) => ({ json: apiPage(call.candidate, [email({ id: 'x_1' })], 'more') }));
    await host.open();
    await host.mount('w1', { candidateId: 'cand_x', apiBase: API_BASE });
    const older = host.widget('w1').loadOlder;
    await expect(older).toHaveCSS('background-color', 'rgb(29, 78, 216)');
    // A host rule aimed at the widget root (.brand-root .ch-root) wins.
    await page.evaluate(() => document.getElementById('w1')!.classList.add('brand-root'));
    await expect(older).toHaveCSS('background-color', 'rgb(21, 128, 61)');
  });

  test('a host setting --ch-* custom properties on the mount element restyles the widget', async ({ host, page }) => {
    host.setApi((call) => ({ json: apiPage(call.candidate, [email({ id: 'x_1' })], 'more') }));
    await host.open();
    // The host's `.brand` rule sets --ch-color-accent, --ch-color-surface, --ch-radius and
    // --ch-font-family on the element it mounts into.
    await page.evaluate(() => document.getElementById('w1')!.classList.add('brand'));
    await host.mount('w1', { candidateId: 'cand_x', apiBase: API_BASE });
    const w1 = host.widget('w1');
    await expect(w1.loadOlder).toBeVisible();
    const seen = await page.evaluate(() => {
      const q = (s: string) => getComputedStyle(document.querySelector(`#w1 ${s}`)!);
      return {
        loadOlderBackground: q('.ch-load-older').backgroundColor,
        entryBackground: q('.ch-entry__card').backgroundColor,
        entryRadius: q('.ch-entry__card').borderTopLeftRadius,
        rootFont: q('.ch-root').fontFamily,
      };
    });
    expect(seen).toEqual({
      loadOlderBackground: 'rgb(124, 45, 18)',
      entryBackground: 'rgb(255, 251, 245)',
      entryRadius: '2px',
      rootFont: '"Courier New", monospace',
    });
  });
});

// ---------------------------------------------------------------------------------
// The example host page shipped in the build (served by the config's static server).

const exampleTest = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Failed responses (the static server has no favicon: that one is fine).
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the example page').toEqual([]);
    },
    { auto: true },
  ],
});

exampleTest.describe('The example host page (examples/host.html)', () => {
  exampleTest('loads both widgets; switch, unmount and action buttons work and events are logged', async ({ page }) => {
    await page.goto('/examples/host.html');
    const first = page.locator('#first-widget');
    const second = page.locator('#second-widget');
    const log = page.locator('#event-log li');
    const ids = (container: typeof first) =>
      container.locator('li.ch-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-email-id')));

    await expect(first.locator('li.ch-entry')).toHaveCount(9);
    await expect(second.locator('li.ch-entry')).toHaveCount(6);
    expect(await ids(first)).toContain('em_bounce');
    expect((await ids(second)).every((id) => id?.startsWith('pg_'))).toBe(true);
    await expect(log.filter({ hasText: 'contact-history:loaded {"candidateId":"cand_demo","count":9}' })).toHaveCount(1);
    await expect(log.filter({ hasText: 'contact-history:loaded {"candidateId":"cand_paged","count":6}' })).toHaveCount(1);

    // An action is logged with its detail.
    await first.locator('li.ch-entry[data-email-id="em_bounce"] [data-action="update-email"]').click();
    await expect(
      log.filter({
        hasText:
          'contact-history:action {"action":"update-email","candidateId":"cand_demo","emailId":"em_bounce","recipient":"ada.lovlace@exmaple.com"}',
      }),
    ).toHaveCount(1);
    await first.locator('li.ch-entry[data-email-id="em_dropped"] [data-action="resend"]').click();
    await expect(log.filter({ hasText: 'contact-history:action {"action":"resend","candidateId":"cand_demo","emailId":"em_dropped"' })).toHaveCount(1);

    // Switch the first widget to the paginated candidate, and back.
    await page.locator('#switch-candidate').click();
    await expect(first.locator('li.ch-entry[data-email-id="pg_05"]')).toBeVisible();
    await expect(first.locator('li.ch-entry')).toHaveCount(6);
    expect((await ids(first)).every((id) => id?.startsWith('pg_'))).toBe(true);
    await expect(page.locator('#switch-candidate')).toHaveText('Show the demo candidate');
    await page.locator('#switch-candidate').click();
    await expect(first.locator('li.ch-entry')).toHaveCount(9);

    // Refresh asks again.
    const refreshed = page.waitForRequest((r) => r.url().includes('/demo/api/candidates/cand_demo/emails'));
    await page.locator('#refresh-first').click();
    await refreshed;
    await expect(first.locator('li.ch-entry')).toHaveCount(9);

    // Unmount the second: its element is empty, the button is disabled, the first lives on.
    await page.locator('#unmount-second').click();
    await expect(second).toBeEmpty();
    await expect(page.locator('#unmount-second')).toBeDisabled();
    await expect(first.locator('li.ch-entry')).toHaveCount(9);
  });

  exampleTest("the branded second widget takes the host's --ch-* theme", async ({ page }) => {
    await page.goto('/examples/host.html');
    const older = page.locator('#second-widget button.ch-load-older');
    await expect(older).toBeVisible();
    // host.css sets --ch-color-accent: #7c2d12 on .host-panel--branded (an ancestor).
    await expect(older).toHaveCSS('background-color', 'rgb(124, 45, 18)');
    await expect(page.locator('#first-widget button.ch-load-older')).toHaveCount(0);
  });
});
