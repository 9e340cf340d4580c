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
  type ApiAnswer,
} from './support';
import {
  expectNoRequestFor,
  freezeClock,
  isFirstPage,
  markNode,
  mountError,
  nodeMark,
  openHost,
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

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';

const delivered = (fields = {}) => email({ recipient: ADA, events: [event('delivered', { timestamp: SENT + 5 })], ...fields });

/** Freezes the clock, records requests, answers with `answers` and opens the preview page. */
async function openLive(page: Page, answers: ApiAnswer[], older = {}) {
  await freezeClock(page);
  await recordRequests(page);
  const api = await mockApi(page, scripted(answers, older));
  await openWidget(page);
  return api;
}

/** The polite live region that announces badge changes. */
const announcer = (page: Page) => widget(page).root.locator('.ch-announcer[role="status"]');

test.describe('Polling', () => {
  test('re-reads the first page every 30 seconds by default while the page is visible', async ({ page }) => {
    await openLive(page, [{ json: apiPage([delivered({ id: 'a', sent_at: SENT })], 'older') }]);
    await expect(widget(page).entry('a')).toBeVisible();
    expect(await requestCount(page)).toBe(1);

    await expectNoRequestFor(page, POLL - 1, 'no poll before 30 s');
    await page.clock.runFor(1);
    await expect.poll(() => requestCount(page)).toBe(2);
    await requestsDone(page);
    await expect(widget(page).entry('a')).toBeVisible();
    expect(await timeToNextRequest(page, POLL + 1_000)).toBe(POLL);

    const requests = await startedRequests(page);
    expect(requests.every(isFirstPage), 'polls ask for the first page (no cursor)').toBe(true);
    expect(new Set(requests.map((r) => r.url)).size, 'every poll asks for the same URL').toBe(1);
  });

  test('pollIntervalMs set on the mount point (data-poll-interval-ms) sets the pace, and polls never carry a cursor', async ({ page }) => {
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(
      page,
      scripted([{ json: apiPage([delivered({ id: 'new', sent_at: SENT })], 'c2') }], {
        c2: apiPage([delivered({ id: 'old', sent_at: SENT - DAY })], null),
      }),
    );
    await openHost(page, { pollIntervalMs: 1_000 });
    const w = widget(page);
    await w.loadOlder.click();
    await expect(w.entry('old')).toBeVisible();
    await requestsDone(page);

    for (let i = 0; i < 3; i++) {
      expect(await timeToNextRequest(page, 5_000, 250)).toBe(1_000);
      await requestsDone(page);
    }
    const requests = await startedRequests(page);
    expect(requests.map((r) => new URL(r.url).searchParams.get('cursor'))).toEqual([null, 'c2', null, null, null]);
    expect(await shownIds(page)).toEqual(['new', 'old']);
  });

  test('pollIntervalMs 0 turns polling off, also when the page is shown again', async ({ page }) => {
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(page, () => ({ json: apiPage([delivered({ id: 'a' })]) }));
    await openHost(page, { pollIntervalMs: 0 });
    await expect(widget(page).entry('a')).toBeVisible();

    await expectNoRequestFor(page, 10 * 60_000, 'no poll in 10 minutes');
    await setPageHidden(page, true);
    await setPageHidden(page, false);
    await expectNoRequestFor(page, 60_000, 'no refresh when shown again');
    expect(await requestCount(page)).toBe(1);
  });

  test('the mount() options pollIntervalMs and requestTimeoutMs are accepted and used', async ({ page }) => {
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(page, scripted([{ json: apiPage([delivered({ id: 'a' })]) }, { hang: true }]));
    await openHost(page, { via: 'mount', pollIntervalMs: 1_000, requestTimeoutMs: 2_000 }, false);
    expect(await mountError(page), 'mount() threw').toBeUndefined();
    await expect(widget(page).entry('a')).toBeVisible();

    expect(await timeToNextRequest(page, 5_000, 100), 'polled after pollIntervalMs').toBe(1_000);
    // The poll gets no answer: it times out after requestTimeoutMs.
    await page.clock.runFor(1_999);
    await expect(widget(page).error).toHaveCount(0);
    await page.clock.runFor(1);
    await expect(widget(page).error).toHaveAttribute('data-error', 'timeout');
    await expect(widget(page).entry('a')).toBeVisible();
  });
});

test.describe('Polling and page visibility', () => {
  test('pauses while the page is hidden and refreshes at once when it is shown again, then polls on', async ({ page }) => {
    await openLive(page, [
      { json: apiPage([delivered({ id: 'a', sent_at: SENT })]) },
      { json: apiPage([delivered({ id: 'b', sent_at: SENT + 60 }), delivered({ id: 'a', sent_at: SENT })]) },
    ]);
    await expect(widget(page).entry('a')).toBeVisible();

    await setPageHidden(page, true);
    await expectNoRequestFor(page, 10 * POLL, 'no request while hidden (5 minutes)');

    await setPageHidden(page, false);
    await expect.poll(() => requestCount(page), { message: 'refresh as soon as shown' }).toBe(2);
    await expect(widget(page).entry('b')).toBeVisible();
    expect(await shownIds(page)).toEqual(['b', 'a']);
    await requestsDone(page);

    expect(await timeToNextRequest(page, POLL + 1_000), 'polling resumed at its pace').toBe(POLL);
  });

  test('hidden before a poll is due: nothing is requested until shown, and only one refresh then', async ({ page }) => {
    await openLive(page, [{ json: apiPage([delivered({ id: 'a' })]) }]);
    await expect(widget(page).entry('a')).toBeVisible();
    await expectNoRequestFor(page, POLL / 2, 'no poll yet');

    await setPageHidden(page, true);
    await expectNoRequestFor(page, POLL, 'the poll that came due while hidden waits');
    await setPageHidden(page, false);
    await expect.poll(() => requestCount(page)).toBe(2);
    await requestsDone(page);
    // Showing the page again does not add a second request for the poll that came due.
    await page.waitForTimeout(200);
    expect(await requestCount(page)).toBe(2);
  });
});

test.describe('Live updates in place', () => {
  test('a new email appears at the top while the entries already shown keep their DOM nodes', async ({ page }) => {
    await openLive(page, [
      { json: apiPage([delivered({ id: 'a', sent_at: SENT }), delivered({ id: 'b', sent_at: SENT - DAY })]) },
      {
        json: apiPage([
          delivered({ id: 'new', sent_at: SENT + 60, recipient: GRACE }),
          delivered({ id: 'a', sent_at: SENT }),
          delivered({ id: 'b', sent_at: SENT - DAY }),
        ]),
      },
    ]);
    const w = widget(page);
    await markNode(w.entry('a'), 'a');
    await markNode(w.entry('b'), 'b');
    await markNode(w.list, 'list');

    await page.clock.runFor(POLL);
    await expect(w.entry('new')).toBeVisible();
    expect(await shownIds(page)).toEqual(['new', 'a', 'b']);
    await expect(w.count).toHaveText('3 emails');
    expect(await nodeMark(w.entry('a'))).toBe('a');
    expect(await nodeMark(w.entry('b'))).toBe('b');
    expect(await nodeMark(w.list)).toBe('list');
    // A new email is not a badge change: nothing is announced.
    await expect(announcer(page)).toHaveText('');
  });

  test('a badge that changes keeps its entry, its keyboard focus and its open tooltip, which follows the new status', async ({ page }) => {
    await openLive(page, [
      { json: apiPage([delivered({ id: 'a', sent_at: SENT }), delivered({ id: 'b', sent_at: SENT - DAY })]) },
      {
        json: apiPage([
          delivered({ id: 'a', sent_at: SENT, events: [event('delivered'), event('open', { timestamp: SENT + 99 })] }),
          delivered({ id: 'b', sent_at: SENT - DAY }),
        ]),
      },
    ]);
    const w = widget(page);
    const entry = w.entry('a');
    const badge = badgeIn(entry);
    await markNode(entry, 'entry-a');
    await markNode(badge.button, 'badge-a');
    await markNode(badge.tooltip, 'tip-a');

    await badge.button.focus();
    await expect(badge.tooltip).toBeVisible();
    await expect(badge.tooltip).toContainText('mail server accepted the email');

    await page.clock.runFor(POLL);
    await expect(badge.label).toHaveText('Opened');
    await expect(badge.button).toHaveAttribute('data-status', 'opened');
    expect(await nodeMark(entry)).toBe('entry-a');
    expect(await nodeMark(badge.button)).toBe('badge-a');
    expect(await nodeMark(badge.tooltip)).toBe('tip-a');
    await expect(badge.button).toBeFocused();
    await expect(badge.tooltip).toBeVisible();
    await expect(badge.tooltip).toContainText('opened or a link in it was clicked');
  });

  test('older pages already loaded and the scroll position stay through refreshes', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 500 });
    const firstIds = Array.from({ length: 8 }, (_, i) => `p1_${i}`);
    const olderIds = Array.from({ length: 8 }, (_, i) => `p2_${i}`);
    const first = firstIds.map((id, i) => delivered({ id, sent_at: SENT - i * 3600 }));
    const older = olderIds.map((id, i) => delivered({ id, sent_at: SENT - DAY - i * 3600 }));
    // Second answer: one badge changes (Delivered -> Opened: same height).
    const opened = first.map((e, i) => (i === 6 ? { ...e, events: [event('open', { timestamp: SENT + 9 })] } : e));
    // Third: a new email on top, and one above the reader bounces (its entry grows).
    const grown = [
      delivered({ id: 'newest', sent_at: SENT + 60 }),
      ...opened.map((e, i) => (i === 5 ? { ...e, events: [event('bounce', { reason: '550 5.1.1 user unknown' })] } : e)),
    ];
    await openLive(
      page,
      [{ json: apiPage(first, 'c2') }, { json: apiPage(opened, 'c2') }, { json: apiPage(grown, 'c2') }],
      { c2: apiPage(older, null) },
    );
    const w = widget(page);
    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(16);
    await expect(w.loadOlder).toHaveCount(0);

    // Read somewhere in the older page.
    const reading = w.entry('p2_3');
    await reading.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY).toBeGreaterThan(0);
    const readingTop = async () => (await reading.boundingBox())!.y;
    const topBefore = await readingTop();

    await page.clock.runFor(POLL);
    await expect(badgeIn(w.entry('p1_6')).label).toHaveText('Opened');
    expect(await shownIds(page)).toEqual([...firstIds, ...olderIds]);
    await expect(w.loadOlder, 'no "Load older" offered again for pages already loaded').toHaveCount(0);
    expect(await page.evaluate(() => window.scrollY), 'scroll position after a badge change').toBe(scrollY);
    expect(await readingTop()).toBe(topBefore);

    await page.clock.runFor(POLL);
    await expect(w.entry('newest')).toHaveCount(1);
    await expect(badgeIn(w.entry('p1_5')).label).toHaveText('Bounced');
    expect(await shownIds(page)).toEqual(['newest', ...firstIds, ...olderIds]);
    // Content grew above the entry being read: the view does not jump.
    expect(Math.abs((await readingTop()) - topBefore), 'entry being read moved on screen').toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => window.scrollY), 'not scrolled back to the top').toBeGreaterThan(scrollY);
  });
});

test.describe('Announcing badge changes', () => {
  /** Records every text the live region shows, in the page, as it changes. */
  async function recordAnnouncements(page: Page) {
    await announcer(page).evaluate((region) => {
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    return () => page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter((t) => t.trim() !== ''));
  }

  test('a badge change is announced once through the polite live region, with kind, recipient and new badge', async ({ page }) => {
    const bounced = { events: [event('delivered'), event('bounce', { reason: '550 5.1.1 user unknown' })] };
    await openLive(page, [
      { json: apiPage([delivered({ id: 'a', sent_at: SENT }), delivered({ id: 'b', kind: 'email_blast', recipient: GRACE, sent_at: SENT - 60 })]) },
      { json: apiPage([delivered({ id: 'a', sent_at: SENT, ...bounced }), delivered({ id: 'b', kind: 'email_blast', recipient: GRACE, sent_at: SENT - 60 })]) },
    ]);
    const region = announcer(page);
    await expect(region).toHaveCount(1);
    await expect(region).toHaveText('');
    await expect(region).not.toHaveAttribute('aria-live', 'assertive');
    const said = await recordAnnouncements(page);

    await page.clock.runFor(POLL);
    await expect(region).toHaveText(`Interview invitation to ${ADA}: Bounced`);
    // Later polls with nothing new say nothing more.
    for (let i = 0; i < 3; i++) {
      await page.clock.runFor(POLL);
      await requestsDone(page);
    }
    expect(await requestCount(page)).toBe(5);
    expect(await said()).toEqual([`Interview invitation to ${ADA}: Bounced`]);
  });

  test('several badges changing in one refresh are announced together, joined with ". "', async ({ page }) => {
    await openLive(page, [
      {
        json: apiPage([
          delivered({ id: 'a', sent_at: SENT }),
          email({ id: 'b', kind: 'email_blast', recipient: GRACE, sent_at: SENT - 60, status: 'processed' }),
          delivered({ id: 'c', kind: 'interview_reminder', recipient: 'unchanged@example.com', sent_at: SENT - 120 }),
        ]),
      },
      {
        json: apiPage([
          delivered({ id: 'a', sent_at: SENT, events: [event('click', { timestamp: SENT + 50 })] }),
          email({ id: 'b', kind: 'email_blast', recipient: GRACE, sent_at: SENT - 60, status: 'dropped' }),
          delivered({ id: 'c', kind: 'interview_reminder', recipient: 'unchanged@example.com', sent_at: SENT - 120 }),
        ]),
      },
    ]);
    const said = await recordAnnouncements(page);
    await page.clock.runFor(POLL);
    await expect(badgeIn(widget(page).entry('b')).label).toHaveText('Dropped');
    const text = (await announcer(page).textContent()) ?? '';
    expect(text.split('. ').sort()).toEqual([`Email blast to ${GRACE}: Dropped`, `Interview invitation to ${ADA}: Opened`]);
    expect(await said()).toHaveLength(1);
  });
});

test.describe('Live updates and what the recruiter is doing', () => {
  test('keyboard focus on "Load older emails" stays on the same button through a refresh', async ({ page }) => {
    await openLive(page, [{ json: apiPage([delivered({ id: 'a', sent_at: SENT })], 'c2') }], {
      c2: apiPage([delivered({ id: 'old', sent_at: SENT - DAY })], null),
    });
    const w = widget(page);
    await markNode(w.loadOlder, 'older');
    await w.loadOlder.focus();
    await page.clock.runFor(POLL);
    await expect.poll(() => requestCount(page)).toBe(2);
    await requestsDone(page);
    await expect(w.loadOlder).toBeFocused();
    expect(await nodeMark(w.loadOlder)).toBe('older');
  });

  test('a poll that comes due while older emails are loading does not cancel that load', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(page, async (call) => {
      if (call.cursor === 'c2') {
        await gate;
        return { json: apiPage([delivered({ id: 'old', sent_at: SENT - DAY })], null) };
      }
      return { json: apiPage([delivered({ id: 'a', sent_at: SENT })], 'c2') };
    });
    await openWidget(page);
    const w = widget(page);
    // Ask for older emails a second before the poll is due (well inside the request
    // timeout), then let the poll come due while they load.
    await page.clock.runFor(POLL - 1_000);
    await w.loadOlder.click();
    await expect(w.loadOlder).toHaveText('Loading older emails…');
    await page.clock.runFor(1_000);
    await expect.poll(() => requestCount(page)).toBe(3);
    release();
    await expect(w.entry('old'), 'the older page the recruiter asked for').toBeVisible();
    expect(await shownIds(page)).toEqual(['a', 'old']);
  });

  test('a second badge change that reads the same as the first is announced again', async ({ page }) => {
    // Two invitations to the same address bounce one after the other.
    const bounce = { events: [event('bounce', { reason: '550 user unknown' })] };
    const first = delivered({ id: 'inv1', sent_at: SENT });
    const second = delivered({ id: 'inv2', sent_at: SENT - 3600 });
    await openLive(page, [
      { json: apiPage([first, second]) },
      { json: apiPage([{ ...first, ...bounce }, second]) },
      { json: apiPage([{ ...first, ...bounce }, { ...second, ...bounce }]) },
    ]);
    const region = announcer(page);
    await region.evaluate((el) => {
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      new MutationObserver(() => said.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter((t) => t.trim() !== ''));

    await page.clock.runFor(POLL);
    await expect(badgeIn(widget(page).entry('inv1')).label).toHaveText('Bounced');
    await expect.poll(said).toEqual([`Interview invitation to ${ADA}: Bounced`]);
    await page.clock.runFor(POLL);
    await expect(badgeIn(widget(page).entry('inv2')).label).toHaveText('Bounced');
    await expect
      .poll(said, { message: 'the second bounce reaches the live region as a new announcement' })
      .toEqual([`Interview invitation to ${ADA}: Bounced`, `Interview invitation to ${ADA}: Bounced`]);
  });
});
