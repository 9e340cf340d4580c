import {
  apiPage,
  badgeIn,
  email,
  event,
  expect,
  mockApi,
  openWidget,
  pagesByCursor,
  scrollThrough,
  shownIds,
  test,
  utc,
  widget,
  type ApiEmail,
  type ApiEvent,
} from './support';
import { expectInsideWidgetAtBothWidths, freezeClock, recordRequests, startedRequests } from './live-support';
import type { Page } from '@playwright/test';

const SENT = 1796400000;

/** Elements the markup in the test data would make. No entry of the widget holds any. */
const INJECTABLE = 'img, script, svg, a, iframe, style, object, embed, math, b, i';

/** Text as the widget stores it in the DOM: `textContent` of each match. */
function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
}

/** Nothing ran: no flag set, no injected element, no request for the injected image. */
async function expectInert(page: Page, imageRequests: string[]) {
  // Give an injected handler (onerror, onload) time to fire, then check none did.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned), 'window.__pwned').toBeUndefined();
  await expect(widget(page).root.locator('li.ch-entry').locator(INJECTABLE), 'elements made from markup').toHaveCount(0);
  await expect(widget(page).root.locator('script, iframe, object, embed, style'), 'active elements in the widget').toHaveCount(0);
  expect(imageRequests, 'requests for injected images').toEqual([]);
}

function watchImageRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\/(x|pwned[^/]*)$/.test(path)) seen.push(request.url());
  });
  return seen;
}

test.describe('Markup and script from the network', () => {
  const PAYLOADS = [
    '<script>window.__pwned = "script"</script>',
    '<img src=x onerror="window.__pwned = \'img\'">',
    '<a href="javascript:window.__pwned=\'a\'">Open</a>',
    '"><svg onload="window.__pwned=\'svg\'">',
    "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    '<style>.ch-root { display: none !important }</style>',
    '<img src="/pwned.png" onload="window.__pwned=\'load\'"><b>bold</b><i>it</i>',
    '&lt;b&gt;entities&lt;/b&gt; &amp; &#x3C;i&#x3E; stay as typed',
    '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=2}',
  ];
  const CURSOR = 'javascript:window.__pwned=1//"><img src=x onerror=window.__pwned=3>';

  /** The API data, with every hostile string replaced by `text(payload, i)`. */
  function data(text: (payload: string, i: number) => string, cursor: string) {
    const emails = PAYLOADS.map((payload, i) =>
      email({
        id: `${i}${text(payload, i)}`,
        kind: i % 2 ? text(payload, i) : 'interview_invitation',
        subject: text(payload, i),
        recipient: text(payload, i),
        status: i % 3 === 0 ? text(payload, i) : undefined,
        sent_at: SENT - i * 60,
        events: [
          event('bounce', {
            timestamp: SENT - i * 60 + 9,
            reason: text(payload, i),
            bounce_classification: text(payload, i),
            url: `javascript:window.__pwned='url${i}'`,
          }),
        ],
      }),
    );
    const older = apiPage([email({ id: 'older', subject: text(PAYLOADS[1], 1), sent_at: SENT - 86_400 })], null);
    return { emails, first: apiPage(emails, cursor), older };
  }

  /** How many elements of each tag the widget holds. */
  function tagCounts(page: Page): Promise<Record<string, number>> {
    return widget(page).root.evaluate((root) => {
      const counts: Record<string, number> = {};
      for (const el of Array.from(root.querySelectorAll('*'))) counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
      return counts;
    });
  }

  test('markup in subjects, addresses, kinds, statuses, ids, reasons and cursors is shown as text and runs nothing', async ({ page }) => {
    const imageRequests = watchImageRequests(page);
    const hostile = data((payload) => payload, CURSOR);
    // The same data with plain words in place of the markup: the widget's own elements.
    const plain = data((_, i) => `plain text ${i}`, 'plain-cursor');
    let answer = hostile;
    await mockApi(page, (call) => ({ json: call.cursor === null ? answer.first : answer.older }));

    answer = plain;
    await openWidget(page);
    await expect(widget(page).entries).toHaveCount(PAYLOADS.length);
    const ownElements = await tagCounts(page);

    answer = hostile;
    await openWidget(page);
    const w = widget(page);
    await expect(w.entries).toHaveCount(PAYLOADS.length);
    expect(await tagCounts(page), 'the same elements as with plain text: none made from markup').toEqual(ownElements);

    expect(await texts(page, 'li.ch-entry p.ch-subject')).toEqual(PAYLOADS);
    expect(await texts(page, 'li.ch-entry dd.ch-recipient')).toEqual(PAYLOADS);
    expect(await texts(page, 'li.ch-entry .ch-failure__diagnostic')).toEqual(PAYLOADS);
    expect(await shownIds(page)).toEqual(hostile.emails.map((e) => e.id));
    const kinds = await w.entries.locator('.ch-kind').evaluateAll((els) => els.map((el) => [el.getAttribute('data-kind'), el.textContent]));
    expect(kinds).toEqual(hostile.emails.map((e) => [e.kind, e.kind === 'interview_invitation' ? 'Interview invitation' : 'Email']));
    // The action buttons name the email with the hostile address, as text.
    const labels = await w.entries.locator('button.ch-action').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect(labels.filter((l) => l?.includes(PAYLOADS[1]))).toHaveLength(2);
    await expect(w.root).toBeVisible();

    // The hostile cursor goes back verbatim (encoded) and nothing navigates.
    await w.loadOlder.click();
    await expect(w.entry('older')).toBeVisible();
    expect(await page.evaluate(() => location.pathname)).toBe('/index.html');

    // Open every badge's tooltip: still nothing runs.
    for (const button of await w.root.locator('button.ch-badge').all()) await button.focus();

    await expectInert(page, imageRequests);
    // No inline handler and no javascript: link anywhere in the widget.
    const handlers = await w.root.evaluate((root) =>
      Array.from(root.querySelectorAll('*')).flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => /^on/i.test(a.name) || (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)))
          .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
      ),
    );
    expect(handlers, 'inline handlers or javascript: URLs').toEqual([]);
    await expectInsideWidgetAtBothWidths(page);
  });
});

test.describe('Right-to-left, emoji and unusual text', () => {
  const ARABIC = 'دعوة لإجراء مقابلة — يرجى تأكيد الموعد قبل يوم الخميس';
  const ARABIC_UNBROKEN = 'مقابلة'.repeat(120);
  const HEBREW = 'דוד.כהן@דוגמה.ישראל';
  const MIXED = 'Interview مقابلة עם ראיון 👋 at 10:00 (UTC)';
  const EMOJI = '🎉 Offer 👩🏽‍💻👨‍👩‍👧‍👦🏳️‍🌈🇯🇵 ✅'.repeat(30);
  const OVERRIDE = 'Invoice \u202Egnp.exe\u202C and \u2067isolated\u2069 text \u200F';
  const ZALGO = 'Z̷̡̢̛̳̲̜͍̗̣̯̫̪a̸̡̛̟̬̝͇̫̫l̴̢̧̛̖̘g̵̢o̵ '.repeat(20);
  const CASES: [string, string, string][] = [
    ['arabic', ARABIC, 'ahmed@example.com'],
    ['arabic_unbroken', ARABIC_UNBROKEN, `${'مستخدم'.repeat(30)}@مثال.مصر`],
    ['hebrew', 'ראיון עבודה ביום ראשון', HEBREW],
    ['mixed', MIXED, 'mixed@example.com'],
    ['emoji', EMOJI, '👩🏽‍💻@example.com'],
    ['override', OVERRIDE, '\u202Emoc.elpmaxe@ada'],
    ['zalgo', ZALGO, 'zalgo@example.com'],
  ];

  test('is shown exactly as sent, the entry keeps its own layout, and nothing leaves the widget', async ({ page }) => {
    await mockApi(page, () => ({
      json: apiPage(
        CASES.map(([id, subject, recipient], i) =>
          email({ id, subject, recipient, sent_at: SENT - i * 60, events: [event('bounce', { reason: subject })] }),
        ),
      ),
    }));
    await openWidget(page);
    const w = widget(page);
    await expect(w.entries).toHaveCount(CASES.length);
    expect(await texts(page, 'li.ch-entry p.ch-subject')).toEqual(CASES.map((c) => c[1]));
    expect(await texts(page, 'li.ch-entry dd.ch-recipient')).toEqual(CASES.map((c) => c[2]));

    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      // The entry's own parts are not reordered by the text inside it: the kind starts
      // the head line, the badge ends it, and the labels read left to right.
      for (const [id] of CASES) {
        const entry = w.entry(id);
        const kind = (await entry.locator('.ch-kind').boundingBox())!;
        const badge = (await badgeIn(entry).button.boundingBox())!;
        const box = (await entry.boundingBox())!;
        expect(kind.x - box.x, `${id} at ${width} px: kind at the start`).toBeLessThan(box.width / 2);
        if (Math.abs(badge.y - kind.y) < kind.height) {
          expect(badge.x, `${id} at ${width} px: badge after the kind`).toBeGreaterThan(kind.x);
        }
      }
    }
    await expectInsideWidgetAtBothWidths(page);
  });
});

test.describe('Extreme sizes', () => {
  test('a 10 000-character subject is kept whole in the DOM, clamped to three lines, and stays inside the widget', async ({ page }) => {
    const unbroken = 'W'.repeat(10_000);
    const words = Array.from({ length: 1_500 }, (_, i) => `word${i % 10}xx`).join(' ').slice(0, 10_000);
    const longReason = `550 ${'x'.repeat(9_996)}`;
    await mockApi(page, () => ({
      json: apiPage([
        email({ id: 'unbroken', subject: unbroken, sent_at: SENT }),
        email({ id: 'words', subject: words, recipient: `${'a'.repeat(5_000)}@${'b'.repeat(5_000)}.com`, sent_at: SENT - 60 }),
        email({ id: 'reason', subject: words, sent_at: SENT - 120, events: [event('bounce', { reason: longReason })] }),
      ]),
    }));
    await openWidget(page);
    const w = widget(page);
    await expect(w.entries).toHaveCount(3);
    expect((await texts(page, 'li.ch-entry p.ch-subject')).map((t) => t.length)).toEqual([10_000, 10_000, 10_000]);

    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      for (const id of ['unbroken', 'words']) {
        const subject = w.entry(id).locator('p.ch-subject');
        const { height, lineHeight } = await subject.evaluate((el) => ({
          height: el.getBoundingClientRect().height,
          lineHeight: parseFloat(getComputedStyle(el).lineHeight),
        }));
        expect(height, `${id} subject height at ${width} px (three lines of ${lineHeight} px)`).toBeLessThanOrEqual(lineHeight * 3 + 2);
      }
    }
    // Its tooltip stays inside too.
    await badgeIn(w.entry('unbroken')).button.focus();
    await expect(badgeIn(w.entry('unbroken')).tooltip).toBeVisible();
    await expectInsideWidgetAtBothWidths(page);
  });

  test('2 000 events on one email, duplicated and out of order, give one badge and render quickly', async ({ page }) => {
    const types = ['processed', 'deferred', 'delivered', 'open', 'click', 'spamreport', 'unknown_type'];
    const events: ApiEvent[] = Array.from({ length: 2_000 }, (_, i) =>
      event(types[(i * 7) % types.length], {
        id: `ev_${i % 500}`, // every event id four times: duplicates
        timestamp: SENT + ((i * 7919) % 2_000),
        machine_open: i % 2 === 0,
        reason: `250 ok ${i}`,
      }),
    );
    events[1_234] = event('bounce', { id: 'the_bounce', timestamp: SENT + 3_000, reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' });
    await mockApi(page, () => ({
      json: apiPage([email({ id: 'busy', sent_at: SENT, events }), email({ id: 'quiet', sent_at: SENT - 60, status: 'delivered' })]),
    }));
    const started = Date.now();
    await openWidget(page);
    const entry = widget(page).entry('busy');
    await expect(badgeIn(entry).label).toHaveText('Bounced');
    const took = Date.now() - started;
    test.info().annotations.push({ type: 'load and render with 2 000 events (ms)', description: String(took) });
    await expect(entry.locator('.ch-failure__diagnostic')).toHaveText('550 5.1.1 user unknown');
    await expect(entry.locator('.ch-failure__kind')).toHaveText('Permanent bounce · Invalid Address');
    await expect(badgeIn(widget(page).entry('quiet')).label).toHaveText('Delivered');
    expect(await entry.evaluate((el) => el.querySelectorAll('*').length), 'DOM size of the entry').toBeLessThan(100);
    await expectInsideWidgetAtBothWidths(page);
  });

  test('10 000 emails over 5 pages of 2 000, with overlaps between pages, load with "Load older emails", each shown once, newest first', async ({ page }) => {
    test.setTimeout(300_000);
    const PAGES = 5;
    const PER_PAGE = 2_000;
    const OVERLAP = 50;
    const kinds = ['interview_invitation', 'email_blast', 'interview_reminder', 'resume_reminder', 'deadline_reminder'];
    const make = (n: number): ApiEmail => {
      const base: ApiEmail = {
        id: `e${String(n).padStart(5, '0')}`,
        kind: kinds[n % kinds.length],
        recipient: `candidate${n}@example.com`,
        subject: `Message ${n}`,
        sent_at: SENT - n * 60,
      };
      if (n % 10 === 3) base.events = [event('bounce', { timestamp: SENT - n * 60 + 5, reason: '550 5.1.1 user unknown' })];
      else if (n % 4 === 1) base.events = [event('delivered', { timestamp: SENT - n * 60 + 5 })];
      else base.status = ['sent', 'opened', 'deferred'][n % 3];
      return base;
    };
    const cursors = Array.from({ length: PAGES }, (_, p) => (p === 0 ? null : `page${p + 1}`));
    const pages = cursors.map((_, p) => {
      const own = Array.from({ length: PER_PAGE }, (_, i) => make(p * PER_PAGE + i));
      // Each older page repeats the last emails of the page before it.
      const repeated = p === 0 ? [] : Array.from({ length: OVERLAP }, (_, i) => make(p * PER_PAGE - 1 - i));
      return apiPage([...repeated, ...own].reverse(), cursors[p + 1] ?? null);
    });
    const older: Record<string, ReturnType<typeof apiPage>> = {};
    cursors.forEach((cursor, p) => {
      if (cursor) older[cursor] = pages[p];
    });
    // No polls during the test: the clock stands still.
    await freezeClock(page);
    await recordRequests(page);
    await mockApi(page, pagesByCursor(older, pages[0]));

    const timings: number[] = [];
    let started = Date.now();
    await openWidget(page);
    const w = widget(page);
    await expect(w.count).toHaveText(`${PER_PAGE} emails`, { timeout: 60_000 });
    timings.push(Date.now() - started);
    for (let p = 1; p < PAGES; p++) {
      started = Date.now();
      // By keyboard: the button moves while the list renders ahead of the reader.
      await w.loadOlder.press('Enter', { timeout: 60_000 });
      await expect(w.count).toHaveText(`${(p + 1) * PER_PAGE} emails`, { timeout: 120_000 });
      timings.push(Date.now() - started);
    }
    test.info().annotations.push({ type: 'ms to show each page of 2 000 (first, then each Load older)', description: timings.join(', ') });
    console.log(`10 000 emails: ms per page of 2 000 = ${timings.join(', ')}; total ${timings.reduce((a, b) => a + b, 0)} ms`);

    await expect(w.loadOlder).toHaveCount(0);
    await expect(w.count).toHaveText('10000 emails');
    // The page holds the entries the reader has come near, not all 10 000.
    const early = await shownIds(page);
    expect(early.length).toBeLessThan(1_000);
    expect(early, 'newest first').toEqual(Array.from({ length: early.length }, (_, n) => make(n).id));
    // Scrolling down renders the rest, in order.
    started = Date.now();
    await scrollThrough(page, async () => (await w.entries.count()) >= PAGES * PER_PAGE, 240_000);
    test.info().annotations.push({ type: 'ms to scroll through 10 000 entries', description: String(Date.now() - started) });
    await expect(w.showMore).toHaveCount(0);
    const ids = await shownIds(page);
    expect(ids).toHaveLength(PAGES * PER_PAGE);
    expect(new Set(ids).size, 'each email shown once').toBe(ids.length);
    expect(ids, 'newest first').toEqual(Array.from({ length: PAGES * PER_PAGE }, (_, n) => make(n).id));
    expect((await startedRequests(page)).length).toBe(PAGES);

    started = Date.now();
    await expectInsideWidgetAtBothWidths(page);
    test.info().annotations.push({ type: 'ms to check the layout of 10 000 entries at two widths', description: String(Date.now() - started) });
  });
});

test.describe('Timestamps at the edges', () => {
  const moon = Date.UTC(1969, 6, 20, 20, 17, 40) / 1000;
  const CASES: [string, string | number, string][] = [
    ['far_future', '9999-12-31T23:59:59Z', '9999'],
    ['future_unix', 4102444800, '2100'],
    ['future_offset', '2087-02-03T04:05:06+05:30', '2087'],
    ['epoch', 0, '1970'],
    ['before_epoch_fraction', -1.5, '1969'],
    ['moon_rfc3339', '1969-07-20T20:17:40Z', '1969'],
    ['moon_unix', moon, '1969'],
    ['y1900_offset', '1900-01-01T00:00:00-05:00', '1900'],
    ['y1900_unix', -2208988800, '1900'],
    ['year_one', '0001-01-01T00:00:00Z', '1'],
  ];

  test('dates in the far future and before 1970, as RFC 3339 and as negative Unix seconds, are shown and ordered newest first', async ({ page }) => {
    await mockApi(page, () => ({
      json: apiPage(CASES.map(([id, sent_at]) => email({ id, sent_at, events: [event('delivered', { timestamp: sent_at })] })).reverse()),
    }));
    await openWidget(page);
    const w = widget(page);
    await expect(w.entries).toHaveCount(CASES.length);
    await expect(w.skipped).toHaveCount(0);

    const instant = (at: string | number) => (typeof at === 'number' ? at * 1000 : Date.parse(at));
    const expected = [...CASES].sort((a, b) => instant(b[1]) - instant(a[1]) || a[0].localeCompare(b[0])).map((c) => c[0]);
    expect(await shownIds(page)).toEqual(expected);

    for (const [id, at, year] of CASES) {
      const time = w.entry(id).locator('time');
      await expect(time, id).toHaveAttribute('datetime', utc(at));
      const shown = (await time.textContent()) ?? '';
      expect(shown, `${id} shown as`).toMatch(new RegExp(`(^|\\D)${year}(\\D|$)`));
      expect(shown, `${id} shown as`).not.toMatch(/Invalid|NaN|undefined/);
    }
    await expectInsideWidgetAtBothWidths(page);
  });
});

test.describe('Sparse and repeated data', () => {
  test('emails missing every optional field are shown with "(no subject)" and a badge from what is known', async ({ page }) => {
    const bare = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      kind: 'interview_invitation',
      recipient: `${id}@example.com`,
      sent_at: SENT,
      ...extra,
    });
    await mockApi(page, () => ({
      json: {
        candidate_id: 'cand_test',
        emails: [
          bare('bare'),
          bare('nulls', { subject: null, status: null, events: null }),
          bare('empty', { subject: '', events: [] }),
          bare('event_bare', { events: [{ type: 'delivered' }] }),
          bare('bounce_bare', { events: [{ event: 'bounce' }] }),
          bare('unknown', { kind: 'offer_letter', status: 'teleported' }),
          bare('extras', { subject: 'Extra fields', priority: 'high', meta: { nested: [1, 2, { deep: true }] }, events: [{ type: 'open', extra: 1 }] }),
          { ...bare('numeric'), id: 424242 },
        ],
        // next_cursor absent
      },
    }));
    await openWidget(page);
    const w = widget(page);
    await expect(w.entries).toHaveCount(8);
    await expect(w.skipped).toHaveCount(0);
    await expect(w.loadOlder).toHaveCount(0);
    for (const id of ['bare', 'nulls', 'empty']) {
      await expect(w.entry(id).locator('p.ch-subject')).toHaveText('(no subject)');
      await expect(badgeIn(w.entry(id)).label).toHaveText('Sending');
    }
    await expect(badgeIn(w.entry('event_bare')).label).toHaveText('Delivered');
    await expect(badgeIn(w.entry('bounce_bare')).label).toHaveText('Bounced');
    await expect(w.entry('bounce_bare').locator('.ch-failure__guidance')).toBeVisible();
    await expect(w.entry('bounce_bare').locator('.ch-failure__reason')).toHaveCount(0);
    await expect(badgeIn(w.entry('unknown')).label).toHaveText('Unknown');
    await expect(w.entry('unknown').locator('.ch-kind')).toHaveText('Email');
    await expect(badgeIn(w.entry('extras')).label).toHaveText('Opened');
    await expect(w.entry('424242')).toHaveCount(1);
    await expectInsideWidgetAtBothWidths(page);
  });

  test('the same email id twice in one page and again on an older page is shown once', async ({ page }) => {
    await mockApi(
      page,
      pagesByCursor(
        {
          two: apiPage([email({ id: 'dup', sent_at: SENT, status: 'opened' }), email({ id: 'only_older', sent_at: SENT - 600 })], null),
        },
        apiPage(
          [
            email({ id: 'dup', sent_at: SENT, status: 'sent' }),
            email({ id: 'other', sent_at: SENT - 60 }),
            email({ id: 'dup', sent_at: SENT, status: 'delivered' }),
          ],
          'two',
        ),
      ),
    );
    await openWidget(page);
    const w = widget(page);
    expect(await shownIds(page)).toEqual(['dup', 'other']);
    await expect(w.count).toHaveText('2 emails');
    await w.loadOlder.click();
    await expect(w.entry('only_older')).toBeVisible();
    expect(await shownIds(page)).toEqual(['dup', 'other', 'only_older']);
    await expect(w.count).toHaveText('3 emails');
  });
});
