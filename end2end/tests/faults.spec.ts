import {
  apiPage,
  badgeIn,
  email,
  event,
  expect,
  mockApi,
  openWidget,
  shownIds,
  test,
  widget,
  widgetUrl,
  type ApiAnswer,
} from './support';
import {
  T0,
  expectNoRequestFor,
  freezeClock,
  markNode,
  nodeMark,
  openHost,
  pageNow,
  recordRequests,
  requestCount,
  requestsDone,
  scripted,
  setPageHidden,
  startedRequests,
  timeToNextRequest,
} from './live-support';
import type { Page } from '@playwright/test';

const DAY = 86_400;
const SENT = 1796400000;
const POLL = 30_000; // the default poll interval
const TIMEOUT = 15_000; // the default request timeout
const TEN_MINUTES = 10 * 60_000;

const REFRESH_FAILED = "Couldn't refresh, retrying.";
const RETRYING = 'Retrying automatically.';
const OFFLINE = "You're offline. The history will refresh as soon as you're back online.";

const GOOD = apiPage(
  [
    email({ id: 'a', sent_at: SENT, events: [event('delivered', { timestamp: SENT + 5 })] }),
    email({ id: 'b', sent_at: SENT - DAY, status: 'opened' }),
  ],
  'c2',
);
const OLDER = apiPage([email({ id: 'c', sent_at: SENT - 5 * DAY, status: 'delivered' })], null);
const SHOWN = ['a', 'b', 'c'];

const serverError: ApiAnswer = { status: 503, json: { error: { code: 'unavailable', message: 'try later' } } };

/** The retry windows: retry n waits between 50% and 100% of 2 s·2^(n-1), at most 120 s. */
function retryWindow(n: number): [number, number] {
  const step = Math.min(2_000 * 2 ** (n - 1), 120_000);
  return [step / 2, step];
}

/** Frozen clock, requests recorded, `answers` for the first page in turn, preview page opened. */
async function open(page: Page, answers: ApiAnswer[], { settle = true } = {}) {
  await freezeClock(page);
  await recordRequests(page);
  const api = await mockApi(page, scripted(answers, { c2: OLDER }));
  if (settle) await openWidget(page);
  else await page.goto(widgetUrl('cand_test'));
  return api;
}

/**
 * Opens with a good first page, loads the older page too (so "what is shown" spans two
 * pages), marks the entries, then lets the first poll come due; the poll and the
 * requests after it get `faults` in turn.
 */
async function openThenFault(page: Page, faults: ApiAnswer[]) {
  await open(page, [{ json: GOOD }, ...faults]);
  const w = widget(page);
  await w.loadOlder.click();
  await expect(w.entries).toHaveCount(3);
  await requestsDone(page);
  for (const id of SHOWN) await markNode(w.entry(id), id);
  await page.clock.runFor(POLL);
  await expect.poll(() => requestCount(page)).toBe(3);
}

/** Nothing shown before is lost: the same entries, the same DOM nodes, the same count. */
async function expectNothingLost(page: Page) {
  const w = widget(page);
  expect(await shownIds(page)).toEqual(SHOWN);
  for (const id of SHOWN) expect(await nodeMark(w.entry(id)), `entry ${id} kept its node`).toBe(id);
  await expect(w.list).toBeVisible();
  await expect(w.count).toHaveText('3 emails');
  await expect(badgeIn(w.entry('a')).label).toHaveText('Delivered');
}

/** The quiet notice shown when a refresh fails while data is shown. */
function quietNotice(page: Page) {
  return widget(page).root.locator('div.ch-error.ch-error--quiet[role="status"]');
}

test.describe('Transient faults while the history is shown', () => {
  const kinds: { name: string; dataError: string; answer: ApiAnswer; wait: number }[] = [
    { name: 'a 503', dataError: 'server', answer: serverError, wait: 0 },
    { name: 'a failed connection', dataError: 'network', answer: { abort: true }, wait: 0 },
    { name: 'no answer within 15 s', dataError: 'timeout', answer: { hang: true }, wait: TIMEOUT },
  ];
  for (const kind of kinds) {
    test(`${kind.name} keeps the list, says "${REFRESH_FAILED}" quietly with Retry, and retries after 1–2 s then 2–4 s`, async ({ page }) => {
      await openThenFault(page, [kind.answer, kind.answer, kind.answer, { json: GOOD }]);
      const notice = quietNotice(page);
      if (kind.wait) {
        await page.clock.runFor(kind.wait - 1);
        await expect(widget(page).error).toHaveCount(0);
        await page.clock.runFor(1);
      }
      await expect(notice).toBeVisible();
      await expect(notice).toHaveAttribute('data-error', kind.dataError);
      await expect(notice.locator('.ch-error__message')).toHaveText(REFRESH_FAILED);
      await expect(notice.locator('button.ch-retry')).toHaveText('Retry');
      await expect(widget(page).error, 'one notice, and no alert').toHaveCount(1);
      await expectNothingLost(page);
      if (kind.dataError === 'timeout') {
        await requestsDone(page);
        expect((await startedRequests(page))[2].outcome, 'the request that timed out was aborted').toBe('AbortError');
      }

      for (const n of [1, 2]) {
        const [low, high] = retryWindow(n);
        const delay = await timeToNextRequest(page, high + 1_000);
        expect(delay, `retry ${n}`).not.toBeNull();
        expect(delay!, `retry ${n} waited`).toBeGreaterThanOrEqual(low);
        expect(delay!, `retry ${n} waited`).toBeLessThanOrEqual(high);
        if (kind.wait) {
          // Move to the moment this retry times out, so the next wait is timed from it.
          const started = (await startedRequests(page)).at(-1)!.at;
          await page.clock.runFor(started + kind.wait - (await pageNow(page)));
        }
        await expect(notice).toBeVisible();
        await expectNothingLost(page);
      }

      // Retry now, by hand: the fourth answer is good and the notice goes.
      await notice.locator('button.ch-retry').click();
      await expect(notice).toHaveCount(0);
      await expect(widget(page).error).toHaveCount(0);
      expect(await requestCount(page)).toBe(6);
      await expectNothingLost(page);
    });
  }

  test('automatic retries back off exponentially with jitter (50–100% of 2 s·2^(n-1)), capped at 120 s, and a success ends them', async ({ page }) => {
    const failures = 8;
    await openThenFault(page, [...Array(failures).fill(serverError), { json: apiPage([email({ id: 'fresh', sent_at: SENT + 60 }), ...GOOD.emails], 'c2') }]);
    const notice = quietNotice(page);
    await expect(notice).toBeVisible();

    const delays: number[] = [];
    for (let n = 1; n <= failures; n++) {
      const [low, high] = retryWindow(n);
      const delay = await timeToNextRequest(page, high + 2_000);
      expect(delay, `retry ${n} came`).not.toBeNull();
      delays.push(delay!);
      expect(delay!, `retry ${n}: not before ${low} ms`).toBeGreaterThanOrEqual(low);
      expect(delay!, `retry ${n}: by ${high} ms`).toBeLessThanOrEqual(high);
      await requestsDone(page);
      if (n < failures) {
        await expect(notice).toBeVisible();
        await expectNothingLost(page);
      }
    }
    test.info().annotations.push({ type: 'retry delays (ms)', description: delays.join(', ') });

    // The last retry succeeded: the notice goes, the new email shows, polling is back at 30 s.
    await expect(widget(page).entry('fresh')).toBeVisible();
    await expect(widget(page).error).toHaveCount(0);
    expect(await shownIds(page)).toEqual(['fresh', ...SHOWN]);
    expect(await timeToNextRequest(page, POLL + 2_000)).toBe(POLL);
  });

  for (const random of [0, 0.999999]) {
    test(`retries stay inside their windows at the extreme of the jitter (Math.random() = ${random})`, async ({ page }) => {
      await page.addInitScript((value) => {
        Math.random = () => value;
      }, random);
      await open(page, [serverError]);
      const alert = widget(page).root.locator('div.ch-error[role="alert"]');
      await expect(alert).toBeVisible();
      for (let n = 1; n <= 8; n++) {
        const [low, high] = retryWindow(n);
        const delay = await timeToNextRequest(page, high + 2_000);
        expect(delay, `retry ${n} came`).not.toBeNull();
        expect(delay!, `retry ${n}: not before ${low} ms`).toBeGreaterThanOrEqual(low);
        expect(delay!, `retry ${n}: by ${high} ms`).toBeLessThanOrEqual(high);
        await requestsDone(page);
        await expect(alert).toBeVisible();
      }
    });
  }

  test('widgets that failed together do not retry together (jitter)', async ({ page }) => {
    const candidates = Array.from({ length: 8 }, (_, i) => `cand_${i}`);
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(page, () => serverError);
    await openHost(page, { candidates });
    await expect(page.locator('section.ch-root div.ch-error[role="alert"]')).toHaveCount(candidates.length);
    await requestsDone(page);
    expect(await requestCount(page)).toBe(candidates.length);

    await page.clock.runFor(2_000);
    const requests = await startedRequests(page);
    const delays = candidates.map((candidate) => {
      const mine = requests.filter((r) => r.url.includes(`/candidates/${candidate}/`));
      expect(mine, `requests of ${candidate}`).toHaveLength(2);
      return mine[1].at - T0;
    });
    test.info().annotations.push({ type: 'first retry of each widget (ms)', description: delays.join(', ') });
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThanOrEqual(2_000);
    }
    expect(Math.max(...delays) - Math.min(...delays), 'spread of the first retries').toBeGreaterThanOrEqual(100);
  });
});

test.describe('Transient faults before anything is shown', () => {
  test('a 5xx shows an alert with the message and "Retrying automatically.", retries with backoff, then shows the history', async ({ page }) => {
    await open(page, [serverError, serverError, serverError, { json: GOOD }]);
    const w = widget(page);
    const alert = w.root.locator('div.ch-error[role="alert"]');
    await expect(alert).toBeVisible();
    await expect(alert).not.toHaveClass(/ch-error--quiet/);
    await expect(alert).toHaveAttribute('data-error', 'server');
    await expect(alert.locator('.ch-error__message')).toHaveText(`The server had a problem loading the contact history. Try again in a moment. ${RETRYING}`);
    await expect(alert.locator('button.ch-retry')).toBeVisible();
    await expect(w.list).toBeHidden();

    for (const n of [1, 2, 3]) {
      const [low, high] = retryWindow(n);
      const delay = await timeToNextRequest(page, high + 1_000);
      expect(delay, `retry ${n}`).not.toBeNull();
      expect(delay!).toBeGreaterThanOrEqual(low);
      expect(delay!).toBeLessThanOrEqual(high);
      if (n < 3) {
        await requestsDone(page);
        await expect(alert).toBeVisible();
      }
    }
    await expect(w.entries).toHaveCount(2);
    await expect(w.error).toHaveCount(0);
  });

  test('a failed connection shows an alert that says it is retrying, and the retry comes after 1–2 s', async ({ page }) => {
    await open(page, [{ abort: true }, { json: GOOD }]);
    const alert = widget(page).root.locator('div.ch-error[role="alert"]');
    await expect(alert).toHaveAttribute('data-error', 'network');
    await expect(alert.locator('.ch-error__message')).toContainText("Couldn't reach the server");
    await expect(alert.locator('.ch-error__message')).toContainText(RETRYING);
    const delay = await timeToNextRequest(page, 3_000, 100);
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);
    await expect(widget(page).entries).toHaveCount(2);
  });
});

test.describe('Timeouts', () => {
  test('a first page with no answer in 15 s is aborted and reported as a timeout that is retried', async ({ page }) => {
    await open(page, [{ hang: true }, { json: GOOD }], { settle: false });
    const w = widget(page);
    await expect.poll(() => requestCount(page)).toBe(1);
    await page.clock.runFor(TIMEOUT - 1);
    await expect(w.error).toHaveCount(0);
    await expect(page.locator('p.ch-status--loading')).toBeVisible();
    await page.clock.runFor(1);
    await expect(w.error).toHaveAttribute('data-error', 'timeout');
    await expect(w.error).toHaveAttribute('role', 'alert');
    await expect(w.error.locator('.ch-error__message')).toHaveText(`The server took too long to answer. Try again in a moment. ${RETRYING}`);
    await requestsDone(page);
    expect((await startedRequests(page))[0].outcome, 'the request was aborted').toBe('AbortError');

    const delay = await timeToNextRequest(page, 3_000, 100);
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);
    await expect(w.entries).toHaveCount(2);
    await expect(w.error).toHaveCount(0);
  });

  test('requestTimeoutMs on the mount point (data-request-timeout-ms) sets how long a request may take', async ({ page }) => {
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(page, () => ({ hang: true }));
    await openHost(page, { requestTimeoutMs: 2_000 }, false);
    await expect.poll(() => requestCount(page)).toBe(1);
    const w = widget(page);
    await page.clock.runFor(1_999);
    await expect(w.error).toHaveCount(0);
    await page.clock.runFor(1);
    await expect(w.error).toHaveAttribute('data-error', 'timeout');
    await expect(w.error.locator('.ch-error__message')).toContainText('The server took too long to answer');
  });
});

test.describe('Rate limiting (429)', () => {
  test('with nothing shown: says when to try again from Retry-After and retries after exactly that long, not earlier', async ({ page }) => {
    await open(page, [{ status: 429, headers: { 'Retry-After': '7' }, body: '' }, { json: GOOD }]);
    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'rate-limited');
    await expect(w.error).toHaveAttribute('role', 'alert');
    await expect(w.error.locator('.ch-error__message')).toHaveText(`Too many requests right now. Try again in 7 seconds. ${RETRYING}`);

    await expectNoRequestFor(page, 6_999, 'no retry before Retry-After');
    const delay = await timeToNextRequest(page, 3_000, 100);
    expect(delay, 'retry after Retry-After').not.toBeNull();
    expect(delay! + 6_999).toBeLessThanOrEqual(9_000);
    await expect(w.entries).toHaveCount(2);
    await expect(w.error).toHaveCount(0);
  });

  test('with the history shown: a quiet notice, nothing lost, and no retry before a Retry-After of 300 s (longer than the backoff cap)', async ({ page }) => {
    await openThenFault(page, [{ status: 429, headers: { 'Retry-After': '300' }, json: { error: { code: 'rate_limited' } } }, { json: GOOD }]);
    const notice = quietNotice(page);
    await expect(notice).toHaveAttribute('data-error', 'rate-limited');
    await expect(notice.locator('.ch-error__message')).toHaveText(REFRESH_FAILED);
    await expectNothingLost(page);

    await expectNoRequestFor(page, 299_999, 'no retry before Retry-After: 300');
    await page.clock.runFor(1);
    await expect.poll(() => requestCount(page)).toBe(4);
    await expect(notice).toHaveCount(0);
    await expectNothingLost(page);
  });

  test('without Retry-After it backs off like any transient fault (1–2 s)', async ({ page }) => {
    await open(page, [{ status: 429, body: '' }, { json: GOOD }]);
    await expect(widget(page).error.locator('.ch-error__message')).toHaveText(`Too many requests right now. Try again in a moment. ${RETRYING}`);
    const delay = await timeToNextRequest(page, 3_000, 100);
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);
  });
});

test.describe('Signed out or not allowed', () => {
  for (const status of [401, 403]) {
    test(`${status} during a refresh says to sign in again, keeps what is shown, and stops polling`, async ({ page }) => {
      await openThenFault(page, [{ status, json: { error: { code: 'auth', message: 'no' } } }, { json: GOOD }]);
      const w = widget(page);
      await expect(w.error).toHaveAttribute('data-error', 'unauthorized');
      await expect(w.error.locator('.ch-error__message')).toContainText('Sign in again');
      await expect(w.error.locator('.ch-error__message')).not.toContainText(RETRYING);
      await expectNothingLost(page);

      await expectNoRequestFor(page, TEN_MINUTES, 'no request in 10 minutes (20 poll intervals)');
      await setPageHidden(page, true);
      await setPageHidden(page, false);
      await expectNoRequestFor(page, POLL * 2, 'no request when the page is shown again');
      await page.waitForTimeout(200);
      expect(await requestCount(page)).toBe(3);
      await expectNothingLost(page);
    });
  }

  test('401 on the first load is not retried, not even when the page is shown again', async ({ page }) => {
    await open(page, [{ status: 401, body: '' }]);
    await expect(widget(page).error.locator('.ch-error__message')).toContainText('Sign in again');
    await expectNoRequestFor(page, TEN_MINUTES, 'no retry');
    await setPageHidden(page, true);
    await setPageHidden(page, false);
    await page.waitForTimeout(200);
    expect(await requestCount(page)).toBe(1);
  });
});

test.describe('Candidate not found (404)', () => {
  test('on the first load: "Candidate not found…", and no automatic retry', async ({ page }) => {
    await open(page, [{ status: 404, json: { error: { code: 'not_found', message: 'gone' } } }]);
    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'not-found');
    await expect(w.error.locator('.ch-error__message')).toHaveText(/^Candidate not found/);
    await expect(w.error.locator('.ch-error__message')).not.toContainText(RETRYING);
    await expectNoRequestFor(page, TEN_MINUTES, 'no retry in 10 minutes');
    await setPageHidden(page, true);
    await setPageHidden(page, false);
    await page.waitForTimeout(200);
    expect(await requestCount(page)).toBe(1);
  });

  test('during a refresh: "Candidate not found…", what is shown stays, and no automatic retry', async ({ page }) => {
    await openThenFault(page, [{ status: 404, body: '' }, { json: GOOD }]);
    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'not-found');
    await expect(w.error.locator('.ch-error__message')).toHaveText(/^Candidate not found/);
    await expectNothingLost(page);
    await expectNoRequestFor(page, TEN_MINUTES, 'no retry in 10 minutes');
    expect(await requestCount(page)).toBe(3);
  });
});

test.describe('Offline', () => {
  test('going offline says so quietly and keeps the list; back online refreshes at once and the notice goes', async ({ page, context }) => {
    await open(page, [{ json: GOOD }, { json: apiPage([email({ id: 'while_away', sent_at: SENT + 60 }), ...GOOD.emails], 'c2') }]);
    const w = widget(page);
    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(3);
    await requestsDone(page);
    for (const id of SHOWN) await markNode(w.entry(id), id);

    await context.setOffline(true);
    const notice = w.root.locator('[data-error="offline"]');
    await expect(notice).toBeVisible();
    await expect(notice.locator('.ch-error__message')).toHaveText(OFFLINE);
    await expect(notice).toHaveAttribute('role', 'status');
    await expectNothingLost(page);
    expect(await requestCount(page)).toBe(2);

    await context.setOffline(false);
    await expect.poll(() => requestCount(page), { message: 'a refresh at once when back online' }).toBe(3);
    await expect(w.entry('while_away')).toBeVisible();
    await expect(notice).toHaveCount(0);
    await expect(w.error).toHaveCount(0);
    expect(await shownIds(page)).toEqual(['while_away', ...SHOWN]);
  });

  test('a poll that comes due while offline keeps the offline notice and the list, and back online refreshes', async ({ page, context }) => {
    await open(page, [{ json: GOOD }, { json: GOOD }]);
    const w = widget(page);
    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(3);
    await requestsDone(page);
    for (const id of SHOWN) await markNode(w.entry(id), id);

    await context.setOffline(true);
    const notice = w.root.locator('[data-error="offline"]');
    await expect(notice).toBeVisible();
    await page.clock.runFor(POLL);
    await requestsDone(page);
    await page.clock.runFor(60_000);
    await requestsDone(page);
    await expect(notice).toBeVisible();
    await expect(notice.locator('.ch-error__message')).toHaveText(OFFLINE);
    await expect(w.error).toHaveCount(1);
    await expectNothingLost(page);

    const before = await requestCount(page);
    await context.setOffline(false);
    await expect.poll(() => requestCount(page)).toBe(before + 1);
    await expect(notice).toHaveCount(0);
    await expect(w.error).toHaveCount(0);
    await expectNothingLost(page);
  });
});

test.describe('Unreadable answers during a refresh', () => {
  const bodies: [string, string, string][] = [
    ['invalid JSON', '{"candidate_id": "cand_test", "emails": [', 'application/json'],
    ['a sign-in page', '<!doctype html><title>Sign in</title><form>Sign in</form>', 'text/html'],
    ['JSON of the wrong shape', JSON.stringify({ candidate_id: 'cand_test', emails: 'none' }), 'application/json'],
    ['a JSON array', JSON.stringify([GOOD]), 'application/json'],
  ];
  for (const [name, body, contentType] of bodies) {
    test(`a 200 with ${name} says the answer could not be read and keeps the good data`, async ({ page }) => {
      await openThenFault(page, [{ body, contentType }, { json: GOOD }]);
      const w = widget(page);
      await expect(w.error).toHaveAttribute('data-error', 'unreadable');
      await expect(w.error.locator('.ch-error__message')).toContainText('could not read');
      await expect(w.error).toHaveCount(1);
      await expectNothingLost(page);
      await expect(w.skipped).toHaveCount(0);

      // A good answer later clears the message.
      const delay = await timeToNextRequest(page, POLL + 2_000);
      expect(delay).not.toBeNull();
      await expect(w.error).toHaveCount(0);
      await expectNothingLost(page);
    });
  }
});

test.describe('Status changes between polls', () => {
  test('Delivered then Bounced: the entry shows the new badge and the failure details in place', async ({ page }) => {
    const bounced = apiPage(
      [
        email({
          id: 'a',
          sent_at: SENT,
          events: [
            event('delivered', { timestamp: SENT + 5 }),
            event('bounce', {
              timestamp: SENT + 9,
              bounce_type: 'bounce',
              reason: '550 5.1.1 The email account that you tried to reach does not exist',
              bounce_classification: 'Invalid Address',
            }),
          ],
        }),
        GOOD.emails[1],
      ],
      'c2',
    );
    await open(page, [{ json: GOOD }, { json: bounced }]);
    const w = widget(page);
    const entry = w.entry('a');
    await markNode(entry, 'a');
    await expect(badgeIn(entry).label).toHaveText('Delivered');
    await expect(entry.locator('.ch-failure')).toHaveCount(0);

    await page.clock.runFor(POLL);
    await expect(badgeIn(entry).label).toHaveText('Bounced');
    await expect(badgeIn(entry).button).toHaveAttribute('data-status', 'bounced');
    await expect(entry).toHaveClass(/ch-entry--bounced/);
    await expect(entry.locator('.ch-failure__kind')).toHaveText('Permanent bounce · Invalid Address');
    await expect(entry.locator('.ch-failure__diagnostic')).toHaveText('550 5.1.1 The email account that you tried to reach does not exist');
    await expect(entry.locator('.ch-failure__guidance')).toContainText('Verify the email address');
    await expect(entry.locator('button.ch-action')).toHaveCount(2);
    expect(await nodeMark(entry), 'same entry node').toBe('a');
    await expect(widget(page).root.locator('.ch-announcer')).toHaveText('Interview invitation to ada.lovelace@example.com: Bounced');
  });
});

test.describe('Keyboard focus through automatic retries', () => {
  test('focus on the quiet notice\'s Retry stays inside the widget when an automatic retry starts', async ({ page }) => {
    await openThenFault(page, [serverError]);
    const retry = quietNotice(page).locator('button.ch-retry');
    await expect(retry).toBeVisible();
    await retry.focus();
    const delay = await timeToNextRequest(page, 3_000, 100);
    expect(delay).not.toBeNull();
    const focus = await page.evaluate(() => {
      const active = document.activeElement;
      return active && active !== document.body && active.closest('section.ch-root') ? active.className || active.tagName : 'outside the widget';
    });
    expect(focus, 'keyboard focus after the automatic retry started').not.toBe('outside the widget');
  });
});
