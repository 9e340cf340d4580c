// Recruiter insight beyond the badge: the event trail of each email, the summary and
// its filters, the deliverability alert, and day headings with relative times.

import type { Page } from '@playwright/test';
import { apiPage, email, event, expect, mockApi, test, utc, type ApiPage } from './support';
import {
  bouncedHistory,
  filterHistory,
  freezeAt,
  headingsByEntry,
  insight,
  NOW,
  NOW_MS,
  open,
  openJsHost,
  pinNow,
  recordActions,
  recordedActions,
  recoveredHistory,
  trailIn,
  visibleIds,
} from './insight-support';

// ---------------------------------------------------------------------------------
// The event trail.

/** Emails whose provider events arrive out of order and duplicated. */
function trailHistory(): ApiPage {
  return apiPage([
    email({
      id: 'trail',
      sent_at: '2026-12-01T10:00:00Z',
      events: [
        event('click', { timestamp: '2026-12-01T10:20:00Z', id: 'ev-c', url: 'https://Meet.Example.com:8443/room/42?token=s3cret#x' }),
        event('open', { timestamp: '2026-12-01T10:10:00Z', sg_event_id: 'ev-o1', sg_machine_open: true }),
        event('delivered', { timestamp: '2026-12-01T10:00:05Z', id: 'ev-d' }),
        { event: 'processed', timestamp: unix('2026-12-01T10:00:01Z'), sg_event_id: 'ev-p' },
        event('delivered', { timestamp: '2026-12-01T10:00:05Z', id: 'ev-d' }),
        event('click', { timestamp: '2026-12-01T10:20:00Z', id: 'ev-c', url: 'https://Meet.Example.com:8443/room/42?token=s3cret#x' }),
        event('open', { timestamp: '2026-12-01T10:15:00Z', id: 'ev-o2' }),
        event('open', { timestamp: '2026-12-01T10:10:00Z', id: 'ev-o1', machine_open: true }),
      ],
    }),
    email({
      id: 'bounce',
      kind: 'deadline_reminder',
      sent_at: '2026-12-01T09:00:00Z',
      events: [
        event('bounce', { timestamp: '2026-12-01T09:00:09Z', id: 'bb', reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' }),
        event('deferred', { timestamp: '2026-12-01T09:00:03Z', id: 'bd', response: '421 4.7.0 try again later' }),
        event('processed', { timestamp: '2026-12-01T09:00:01Z', id: 'bp' }),
      ],
    }),
    email({
      id: 'blocked',
      sent_at: '2026-12-01T08:00:00Z',
      events: [
        event('bounce', { timestamp: '2026-12-01T08:00:09Z', id: 'kb', bounce_type: 'blocked', reason: '421 rate limited' }),
        event('deferred', { id: 'kd' }),
      ],
    }),
    email({ id: 'one', sent_at: '2026-12-01T07:00:00Z', events: [event('delivered', { timestamp: '2026-12-01T07:00:05Z' })] }),
    email({ id: 'none', sent_at: '2026-12-01T06:00:00Z', status: 'delivered' }),
    email({ id: 'empty-events', sent_at: '2026-12-01T05:00:00Z', status: 'delivered', events: [] }),
  ]);
}

function unix(rfc3339: string): number {
  return Math.floor(Date.parse(rfc3339) / 1000);
}

async function openTrails(page: Page) {
  await mockApi(page, () => ({ json: trailHistory() }));
  await open(page);
}

test.describe('Event trail', () => {
  test('is a closed disclosure button that controls the list, opens and closes it, and only where there are events', async ({ page }) => {
    await openTrails(page);
    const t = trailIn(insight(page).entry('trail'));

    await expect(t.toggle).toHaveText('Show delivery details (5 events)');
    await expect(t.toggle).toHaveAttribute('aria-expanded', 'false');
    const controls = await t.toggle.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    await expect(t.list).toHaveAttribute('id', controls!);
    await expect(t.list).toHaveAttribute('aria-label', 'Delivery events, oldest first');
    await expect(t.list).toHaveAttribute('hidden', '');
    await expect(t.list).toBeHidden();

    await t.toggle.click();
    await expect(t.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(t.toggle).toHaveText('Hide delivery details');
    await expect(t.list).toBeVisible();
    await expect(t.events).toHaveCount(5);

    await t.toggle.click();
    await expect(t.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(t.toggle).toHaveText('Show delivery details (5 events)');
    await expect(t.list).toBeHidden();
    // Each entry has its own trail: opening one leaves the others closed.
    await trailIn(insight(page).entry('bounce')).toggle.click();
    await expect(t.list).toBeHidden();
    await expect(trailIn(insight(page).entry('blocked')).toggle).toHaveAttribute('aria-expanded', 'false');

    // "1 event" for one; no trail at all on emails without events.
    const w = insight(page);
    await expect(trailIn(w.entry('one')).toggle).toHaveText('Show delivery details (1 event)');
    await expect(w.entry('none')).toBeVisible();
    await expect(trailIn(w.entry('none')).trail).toHaveCount(0);
    await expect(trailIn(w.entry('empty-events')).trail).toHaveCount(0);
    await expect(page.locator('div.ch-trail')).toHaveCount(4);
  });

  test('shows each distinct event once (duplicates by id or sg_event_id), oldest first, with its local time; a click names only the host', async ({ page }) => {
    await openTrails(page);
    const t = trailIn(insight(page).entry('trail'));
    await t.toggle.click();

    await expect(t.events).toHaveCount(5);
    const rows = await t.events.evaluateAll((items) =>
      items.map((li) => ({
        type: li.getAttribute('data-event'),
        datetime: li.querySelector('time.ch-trail__time')?.getAttribute('datetime') ?? null,
        time: li.querySelector('.ch-trail__time')?.textContent?.trim() ?? '',
        what: li.querySelector('.ch-trail__what')?.textContent?.trim() ?? '',
        machine: li.classList.contains('ch-trail__event--machine'),
      })),
    );
    expect(rows.map((r) => r.type)).toEqual(['processed', 'delivered', 'open', 'open', 'click']);
    expect(rows.map((r) => r.datetime)).toEqual([
      '2026-12-01T10:00:01Z',
      '2026-12-01T10:00:05Z',
      '2026-12-01T10:10:00Z',
      '2026-12-01T10:15:00Z',
      '2026-12-01T10:20:00Z',
    ]);
    // Local time (the page runs in UTC, en-GB) with the zone.
    expect(rows.map((r) => r.time)).toEqual([
      '1 Dec 2026, 10:00 UTC',
      '1 Dec 2026, 10:00 UTC',
      '1 Dec 2026, 10:10 UTC',
      '1 Dec 2026, 10:15 UTC',
      '1 Dec 2026, 10:20 UTC',
    ]);
    expect(rows.map((r) => r.what)).toEqual([
      'Accepted by the delivery service',
      "Delivered to the recipient's mail server",
      'Automatic open (privacy proxy), not necessarily a person',
      'Opened',
      'Link clicked',
    ]);
    expect(rows.map((r) => r.machine)).toEqual([false, false, true, false, false]);

    // A click shows only the link's host, never its path or query.
    const click = t.events.and(page.locator('[data-event="click"]'));
    await expect(click.locator('.ch-trail__detail')).toHaveText('Link to meet.example.com');
    await expect(click).not.toContainText('s3cret');
    await expect(click).not.toContainText('room');
    await expect(click).not.toContainText('8443');
    // Only a click names a link.
    await expect(t.events.locator('.ch-trail__detail')).toHaveCount(1);
  });

  test('a bounce shows its reason and classification, a deferral its reason (`response` alias), a block reads as temporary, a missing time is said', async ({ page }) => {
    await openTrails(page);
    const t = trailIn(insight(page).entry('bounce'));
    await expect(t.toggle).toHaveText('Show delivery details (3 events)');
    await t.toggle.click();

    await expect(t.events).toHaveCount(3);
    expect(await t.events.evaluateAll((items) => items.map((li) => li.getAttribute('data-event')))).toEqual([
      'processed',
      'deferred',
      'bounce',
    ]);
    const deferred = t.events.nth(1);
    await expect(deferred.locator('.ch-trail__what')).toHaveText('Delayed: the receiving server asked to try again later');
    await expect(deferred.locator('.ch-trail__detail')).toHaveText(['Reason: 421 4.7.0 try again later']);
    const bounce = t.events.nth(2);
    await expect(bounce.locator('.ch-trail__what')).toHaveText('Bounced: the address was rejected');
    await expect(bounce.locator('.ch-trail__detail')).toHaveText([
      'Reason: 550 5.1.1 user unknown',
      'Classification: Invalid Address',
    ]);
    await expect(bounce.locator('time.ch-trail__time')).toHaveAttribute('datetime', utc('2026-12-01T09:00:09Z'));
    await expect(t.events.first().locator('.ch-trail__detail')).toHaveCount(0);

    // A temporary block reads as such; an event without a time says so.
    const k = trailIn(insight(page).entry('blocked'));
    await expect(k.toggle).toHaveText('Show delivery details (2 events)');
    await k.toggle.click();

    const block = k.events.and(page.locator('[data-event="bounce"]'));
    await expect(block.locator('.ch-trail__what')).toHaveText('Blocked for now: the receiving server refused it temporarily');
    await expect(block.locator('.ch-trail__detail')).toHaveText('Reason: 421 rate limited');
    const untimed = k.events.and(page.locator('[data-event="deferred"]'));
    await expect(untimed.locator('.ch-trail__time')).toHaveText('Time not reported');
    await expect(untimed.locator('time')).toHaveCount(0);
  });

});

// ---------------------------------------------------------------------------------
// Summary and filters.

const ALL = ['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e07', 'e08', 'e09', 'e10', 'e11'];

async function openFilters(page: Page) {
  await pinNow(page);
  await mockApi(page, () => ({ json: filterHistory() }));
  await open(page);
  return insight(page);
}

/** The filter shows exactly `ids`, and says so. */
async function expectShown(page: Page, ids: string[], total = ALL.length) {
  const w = insight(page);
  await expect.poll(() => visibleIds(page)).toEqual(ids);
  await expect(w.visibleEntries).toHaveCount(ids.length);
  // Entries the filter leaves out are not in the list at all.
  await expect(w.entries).toHaveCount(ids.length);
  for (const id of ALL.filter((id) => !ids.includes(id)).slice(0, 3)) {
    await expect(w.entry(id)).toBeHidden();
  }
  if (ids.length < total) await expect(w.matchCount).toHaveText(`${ids.length} of ${total} emails match`);
  // The header always counts everything loaded.
  await expect(w.count).toHaveText(`${total} emails`);
}

/** `filterHistory` after a live update: e07 got a machine open (still Delivered), and
 * two newer emails arrived: a delivered newsletter (e00) and a queued email of a kind
 * not seen before (e00b). */
function liveUpdate(): ApiPage {
  const page = filterHistory();
  const e07 = page.emails.find((e) => (e as { id: string }).id === 'e07') as { events: unknown[] };
  e07.events.push(event('open', { timestamp: NOW_MS / 1000 - 7 * 3600 + 600, id: 'mo_7', machine_open: true }));
  page.emails.unshift(
    email({ id: 'e00b', kind: 'reference_check', subject: 'References', recipient: 'ada@example.com', sent_at: NOW_MS / 1000 - 300, status: 'queued' }),
    email({ id: 'e00', kind: 'email_blast', subject: 'Newsletter January', recipient: 'ada@example.com', sent_at: NOW_MS / 1000 - 600, status: 'delivered' }),
  );
  return page;
}

test.describe('Summary and filters', () => {
  test('the summary counts each badge present, highest rank first, in a labelled group', async ({ page }) => {
    const w = await openFilters(page);

    await expect(w.filters).toHaveAttribute('aria-label', 'Filter emails');
    await expect(w.summary).toContainText('11 emails:');
    await expect(w.chips).toHaveText(['1 dropped', '1 bounced', '2 opened', '4 delivered', '1 delayed', '1 sending', '1 unknown']);
    expect(await w.chips.evaluateAll((chips) => chips.map((c) => c.getAttribute('data-filter-status')))).toEqual([
      'dropped',
      'bounced',
      'opened',
      'delivered',
      'delayed',
      'sending',
      'unknown',
    ]);
    for (const status of ['dropped', 'delivered', 'unknown']) {
      await expect(w.chip(status)).toHaveClass(new RegExp(`\\bch-chip--${status}\\b`));
      await expect(w.chip(status)).toHaveAttribute('aria-pressed', 'false');
    }
    await expect(w.count).toHaveText('11 emails');
    await expect(w.reset).toBeDisabled();
    await expect(w.reset).toHaveText('Reset filters');
    await expect(w.matchCount).toHaveText('');
    await expect(w.visibleEntries).toHaveCount(11);
    await expect(w.noMatch).toHaveCount(0);
  });

  test('only badges that occur get a chip', async ({ page }) => {
    await mockApi(page, () => ({
      json: apiPage([
        email({ id: 'x1', sent_at: 1796300000, events: [event('delivered', { timestamp: 1796300005 })] }),
        email({ id: 'x2', sent_at: 1796200000, status: 'delivered' }),
        email({ id: 'x3', sent_at: 1796100000, events: [event('bounce', { timestamp: 1796100005 })] }),
      ]),
    }));
    await open(page);
    const w = insight(page);
    await expect(w.summary).toContainText('3 emails:');
    await expect(w.chips).toHaveText(['1 bounced', '2 delivered']);
  });

  test('the kind select lists "All types" and each kind present in the contract\'s order, valued by its API name', async ({ page }) => {
    const w = await openFilters(page);

    await expect(page.getByLabel('Type of email')).toHaveCount(1);
    await expect(page.getByLabel('Type of email')).toHaveClass(/\bch-select\b/);
    const options = await w.kind.locator('option').evaluateAll((os) =>
      os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()]),
    );
    expect(options).toEqual([
      ['', 'All types'],
      ['interview_invitation', 'Interview invitation'],
      ['email_blast', 'Email blast'],
      ['interview_reminder', 'Interview reminder'],
      ['resume_reminder', 'Resume upload request'],
      ['deadline_reminder', 'Deadline reminder'],
      // Kinds the contract does not name read "Email", told apart by their own name.
      ['offer_letter', 'Email (offer_letter)'],
    ]);
    await expect(w.kind).toHaveValue('');
    await expect(page.getByLabel('Search subject and recipient')).toHaveClass(/\bch-search\b/);
  });

  test('a chip filters by badge; several chips add up (OR); pressing again releases it', async ({ page }) => {
    const w = await openFilters(page);

    await w.chip('delivered').click();
    await expect(w.chip('delivered')).toHaveAttribute('aria-pressed', 'true');
    await expectShown(page, ['e01', 'e03', 'e05', 'e07']);
    await expect(w.reset).toBeEnabled();

    await w.chip('opened').click();
    await expect(w.chip('opened')).toHaveAttribute('aria-pressed', 'true');
    await expectShown(page, ['e01', 'e02', 'e03', 'e05', 'e07', 'e08']);

    await w.chip('delivered').click();
    await expect(w.chip('delivered')).toHaveAttribute('aria-pressed', 'false');
    await expectShown(page, ['e02', 'e08']);
    // The counts are of everything loaded, not of what the filter shows.
    await expect(w.chips).toHaveText(['1 dropped', '1 bounced', '2 opened', '4 delivered', '1 delayed', '1 sending', '1 unknown']);

    await w.chip('opened').click();
    await expect(w.matchCount).toHaveText('');
    await expect(w.visibleEntries).toHaveCount(11);
    await expect(w.reset).toBeDisabled();
  });

  test('kind, badge and text combine (AND); text matches subject or recipient, ignoring case', async ({ page }) => {
    const w = await openFilters(page);

    await w.kind.selectOption('email_blast');
    await expectShown(page, ['e02', 'e05', 'e07']);
    await w.chip('delivered').click();
    await expectShown(page, ['e05', 'e07']);
    await w.search.fill('NOVEMBER');
    await expectShown(page, ['e07']);
    await expect(w.matchCount).toHaveText('1 of 11 emails match');

    await w.reset.click();
    await expectShown(page, ALL);
    // The recipient is searched too.
    await w.search.fill('Old@Example');
    await expectShown(page, ['e04']);
    await w.search.fill('acme');
    await expectShown(page, ['e01', 'e08', 'e11']);
    await w.kind.selectOption('interview_invitation');
    await w.chip('sending').click();
    await expectShown(page, ['e11']);
    // The unknown kind filters as "Email".
    await w.reset.click();
    await w.kind.selectOption({ label: 'Email (offer_letter)' });
    await expectShown(page, ['e09']);
  });

  test('no match says so; Reset filters clears every filter and shows everything', async ({ page }) => {
    const w = await openFilters(page);

    await w.chip('bounced').click();
    await w.kind.selectOption('email_blast');
    await w.search.fill('zzz');
    await expect(w.visibleEntries).toHaveCount(0);
    await expect(w.noMatch).toBeVisible();
    await expect(w.noMatch).toHaveText('No emails match these filters.');
    await expect(w.matchCount).toHaveText('0 of 11 emails match');
    await expect(w.count).toHaveText('11 emails');
    // The filters stay usable to get out of it.
    await expect(w.filters).toBeVisible();

    await w.reset.click();
    await expect(w.noMatch).toHaveCount(0);
    await expectShown(page, ALL);
    await expect(w.chip('bounced')).toHaveAttribute('aria-pressed', 'false');
    await expect(w.kind).toHaveValue('');
    await expect(w.search).toHaveValue('');
    await expect(w.matchCount).toHaveText('');
    await expect(w.reset).toBeDisabled();
  });

  test('a live update keeps the filters the recruiter set, and counts the new emails', async ({ page }) => {
    let stage = 0;
    await pinNow(page);
    await mockApi(page, () => ({ json: stage === 0 ? filterHistory() : liveUpdate() }));
    await openJsHost(page, { pollIntervalMs: 300 });
    const w = insight(page);

    await w.kind.selectOption('email_blast');
    await w.chip('delivered').click();
    await w.search.fill('news');
    await expectShown(page, ['e05', 'e07']);

    stage = 1;
    await expect(w.count).toHaveText('13 emails');
    await expect(w.summary).toContainText('13 emails:');
    await expect(w.chip('delivered')).toHaveText('5 delivered');
    await expect(w.chip('sending')).toHaveText('2 sending');
    // The new delivered newsletter matches and shows; the new "sending" email does not.
    await expectShown(page, ['e00', 'e05', 'e07'], 13);
    await expect(w.kind).toHaveValue('email_blast');
    await expect(w.chip('delivered')).toHaveAttribute('aria-pressed', 'true');
    await expect(w.search).toHaveValue('news');
  });

  test('a live update that brings a new event keeps that email\'s open trail open, and its focus', async ({ page }) => {
    let stage = 0;
    await pinNow(page);
    await mockApi(page, () => ({ json: stage === 0 ? filterHistory() : liveUpdate() }));
    await openJsHost(page, { pollIntervalMs: 300 });
    const w = insight(page);
    const trail = trailIn(w.entry('e07'));
    await trail.toggle.click();
    await expect(trail.events).toHaveCount(1);
    await trail.toggle.focus();

    stage = 1;
    await expect(w.count).toHaveText('13 emails');
    // e07 got a second event (a machine open): the trail the recruiter opened stays
    // open, lists it, and keeps keyboard focus on its button.
    await expect(trail.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(trail.toggle).toHaveText('Hide delivery details');
    await expect(trail.events).toHaveCount(2);
    await expect(trail.toggle).toBeFocused();
  });
});

// ---------------------------------------------------------------------------------
// The deliverability alert.

test.describe('Deliverability alert', () => {
  test('the most recent email to the address bounced: the alert says so, why, and what to do, above everything', async ({ page }) => {
    await pinNow(page);
    await mockApi(page, () => ({ json: bouncedHistory() }));
    await open(page);
    const w = insight(page);

    await expect(w.alert).toHaveCount(1);
    await expect(w.alert).toHaveAttribute('aria-label', 'Delivery problem');
    await expect(w.alert).toHaveAttribute('data-alert-email-id', 'b1');
    await expect(page.getByRole('region', { name: 'Delivery problem' })).toBeVisible();
    await expect(w.alert).toContainText('The most recent email to ada@old.example bounced.');
    await expect(w.alert).toContainText('Reason: 550 5.1.1 user unknown');
    await expect(w.alert).toContainText('What to do: Verify the email address');
    await expect(w.alertAction).toHaveText('Update email address');
    // At the top: before the filters and the timeline.
    const order = await page.evaluate(() => {
      const alert = document.querySelector('.ch-alert')!;
      const follows = (sel: string) =>
        !!(alert.compareDocumentPosition(document.querySelector(sel)!) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { filters: follows('.ch-filters'), timeline: follows('.ch-timeline') };
    });
    expect(order).toEqual({ filters: true, timeline: true });
    const alertBox = (await w.alert.boundingBox())!;
    const listBox = (await page.locator('ul.ch-list').boundingBox())!;
    expect(alertBox.y + alertBox.height).toBeLessThanOrEqual(listBox.y);
  });

  test('"Update email address" sends contact-history:action from the mount element', async ({ page }) => {
    await mockApi(page, () => ({ json: bouncedHistory() }));
    await open(page);
    await recordActions(page);

    await insight(page).alertAction.click();
    await expect.poll(() => recordedActions(page)).toHaveLength(1);
    const [action] = await recordedActions(page);
    expect(action.detail).toEqual({
      action: 'update-email',
      candidateId: 'cand_test',
      emailId: 'b1',
      recipient: 'ada@old.example',
    });
    expect(action.bubbles).toBe(true);
    expect(action.fromMount).toBe(true);
  });

  test('a dropped email raises the "was not sent" alert; a bounce known only by status raises one too', async ({ page }) => {
    let which = 'dropped';
    await mockApi(page, () => ({
      json:
        which === 'dropped'
          ? apiPage([
              email({ id: 'dr', recipient: 'ada@spam.example', sent_at: '2026-12-01T09:00:00Z', events: [event('dropped', { timestamp: '2026-12-01T09:00:01Z', reason: 'Bounced Address' })] }),
              email({ id: 'ok', recipient: 'ada@spam.example', sent_at: '2026-11-01T09:00:00Z', status: 'delivered' }),
            ])
          : apiPage([email({ id: 'st', recipient: 'ada@status.example', sent_at: '2026-12-01T09:00:00Z', status: 'bounced' })]),
    }));
    await open(page);
    const w = insight(page);
    await expect(w.alert).toHaveAttribute('data-alert-email-id', 'dr');
    await expect(w.alert).toContainText('The most recent email to ada@spam.example was not sent.');
    await expect(w.alert).toContainText('Reason: Bounced Address');
    await expect(w.alert).toContainText('What to do: Verify or update the email address.');

    which = 'status';
    await page.reload();
    await expect(w.alert).toHaveAttribute('data-alert-email-id', 'st');
    await expect(w.alert).toContainText('The most recent email to ada@status.example bounced.');
    await expect(w.alert.locator('.ch-alert__reason')).toHaveCount(0);
    await expect(w.alertAction).toBeVisible();
  });

  const noAlertCases: Array<[string, () => ApiPage]> = [
    ['a later email to another address was delivered', recoveredHistory],
    [
      'a later email to the same address was opened',
      () =>
        apiPage([
          email({ id: 'o', recipient: 'ada@x.example', sent_at: '2026-12-01T10:00:00Z', status: 'opened' }),
          email({ id: 'b', recipient: 'ada@x.example', sent_at: '2026-12-01T09:00:00Z', status: 'bounced' }),
        ]),
    ],
    [
      "the address's most recent email is still sending (the bounce is older)",
      () =>
        apiPage([
          email({ id: 's', recipient: 'ada@x.example', sent_at: '2026-12-01T10:00:00Z', status: 'queued' }),
          email({ id: 'b', recipient: 'ada@x.example', sent_at: '2026-12-01T09:00:00Z', status: 'bounced' }),
        ]),
    ],
    ['nothing failed', filterHistory],
  ];
  for (const [why, history] of noAlertCases) {
    test(`no alert when ${why}`, async ({ page }) => {
      await mockApi(page, () => ({ json: history() }));
      await open(page);
      await expect(insight(page).entries.first()).toBeVisible();
      await expect(insight(page).alert).toHaveCount(0);
    });
  }

  test('stays while a later email to another address is only sending or delayed', async ({ page }) => {
    const history = bouncedHistory();
    history.emails.unshift(
      email({ id: 'q', recipient: 'ada@new.example', sent_at: '2026-12-01T11:00:00Z', status: 'queued' }),
      email({ id: 'w', recipient: 'ada@new.example', sent_at: '2026-12-01T10:00:00Z', events: [event('deferred', { timestamp: '2026-12-01T10:00:03Z' })] }),
    );
    await mockApi(page, () => ({ json: history }));
    await open(page);
    await expect(insight(page).alert).toHaveAttribute('data-alert-email-id', 'b1');
  });

  test('clears once refresh() brings a newer delivered email (JavaScript API)', async ({ page }) => {
    let refreshed = false;
    await mockApi(page, () => ({ json: refreshed ? recoveredHistory() : bouncedHistory() }));
    await openJsHost(page);
    const w = insight(page);
    await expect(w.alert).toHaveAttribute('data-alert-email-id', 'b1');

    refreshed = true;
    await page.evaluate(() => (window as unknown as { widget: { refresh(): void } }).widget.refresh());
    await expect(w.entry('n2')).toBeVisible();
    await expect(w.alert).toHaveCount(0);
    await expect(w.count).toHaveText('3 emails');
  });

  test('appears and clears as polling brings new emails (pollIntervalMs)', async ({ page }) => {
    const answers = [apiPage([bouncedHistory().emails[1]]), bouncedHistory(), recoveredHistory()];
    let stage = 0;
    await mockApi(page, () => ({ json: answers[stage] }));
    await openJsHost(page, { pollIntervalMs: 300 });
    const w = insight(page);

    await expect(w.entry('d0')).toBeVisible();
    await expect(w.alert).toHaveCount(0);

    stage = 1; // the next poll brings a newer email that bounced
    await expect(w.alert).toHaveAttribute('data-alert-email-id', 'b1');
    await expect(w.alert).toContainText('The most recent email to ada@old.example bounced.');

    stage = 2; // and the one after, a newer email that was delivered
    await expect(w.entry('n2')).toBeVisible();
    await expect(w.alert).toHaveCount(0);
  });
});

// ---------------------------------------------------------------------------------
// Time: absolute and relative, grouped by day in the widget's time zone.

/**
 * Five emails around midnight UTC. With "now" at 1 Dec 2026 12:00 UTC:
 *   A 1 Dec 10:00Z   Berlin 1 Dec 11:00 (today)      New York 1 Dec 05:00 (today)
 *   B 30 Nov 23:30Z  Berlin 1 Dec 00:30 (today)      New York 30 Nov 18:30 (yesterday)
 *   C 30 Nov 12:00Z  Berlin 30 Nov (yesterday)       New York 30 Nov (yesterday)
 *   D 28 Nov 15:00Z  Berlin Sat 28 Nov               New York Sat 28 Nov
 *   E 28 Nov 02:00Z  Berlin Sat 28 Nov 03:00         New York Fri 27 Nov 21:00
 */
function dayHistory(): ApiPage {
  return apiPage([
    email({ id: 'A', kind: 'email_blast', subject: 'Alpha', sent_at: '2026-12-01T10:00:00Z' }),
    email({ id: 'B', subject: 'Bravo', sent_at: '2026-11-30T23:30:00Z' }),
    email({ id: 'C', subject: 'Charlie', sent_at: unix('2026-11-30T12:00:00Z') }),
    email({ id: 'D', subject: 'Delta', sent_at: '2026-11-28T15:00:00Z' }),
    email({ id: 'E', subject: 'Echo', sent_at: '2026-11-28T02:00:00Z' }),
  ]);
}

async function sentTimes(page: Page) {
  return page.locator('li.ch-entry').evaluateAll((items) =>
    items.map((li) => {
      const time = li.querySelector('.ch-meta time');
      return {
        id: li.getAttribute('data-email-id'),
        datetime: time?.getAttribute('datetime'),
        text: time?.textContent?.trim(),
        relative: li.querySelector('.ch-relative')?.textContent?.trim(),
      };
    }),
  );
}

test.describe('Time and day headings', () => {
  test('Europe/Berlin (?tz=): 23:30 UTC falls on the next day, under "Today"', async ({ page }) => {
    await pinNow(page);
    await mockApi(page, () => ({ json: dayHistory() }));
    await open(page, { tz: 'Europe/Berlin' });

    expect(await headingsByEntry(page)).toEqual([
      ['A', 'Today'],
      ['B', null],
      ['C', 'Yesterday'],
      ['D', 'Sat 28 Nov'],
      ['E', null],
    ]);
    // The heading is a level-3 heading inside the first entry of its day.
    await expect(page.locator('li.ch-entry > h3.ch-day')).toHaveCount(3);
    expect(await sentTimes(page)).toEqual([
      { id: 'A', datetime: '2026-12-01T10:00:00Z', text: '1 Dec 2026, 11:00 CET', relative: '2 hours ago' },
      { id: 'B', datetime: '2026-11-30T23:30:00Z', text: '1 Dec 2026, 00:30 CET', relative: '12 hours ago' },
      { id: 'C', datetime: '2026-11-30T12:00:00Z', text: '30 Nov 2026, 13:00 CET', relative: 'yesterday' },
      { id: 'D', datetime: '2026-11-28T15:00:00Z', text: '28 Nov 2026, 16:00 CET', relative: '2 days ago' },
      { id: 'E', datetime: '2026-11-28T02:00:00Z', text: '28 Nov 2026, 03:00 CET', relative: '3 days ago' },
    ]);
  });

  test.describe('in the browser\'s time zone', () => {
    test.use({ timezoneId: 'America/New_York' });

    test('America/New_York: 23:30 UTC stays on the same day, under "Yesterday"', async ({ page }) => {
      await pinNow(page);
      await mockApi(page, () => ({ json: dayHistory() }));
      await open(page);

      expect(await headingsByEntry(page)).toEqual([
        ['A', 'Today'],
        ['B', 'Yesterday'],
        ['C', null],
        ['D', 'Sat 28 Nov'],
        ['E', 'Fri 27 Nov'],
      ]);
      expect(await sentTimes(page)).toEqual([
        { id: 'A', datetime: '2026-12-01T10:00:00Z', text: '1 Dec 2026, 05:00 GMT-5', relative: '2 hours ago' },
        { id: 'B', datetime: '2026-11-30T23:30:00Z', text: '30 Nov 2026, 18:30 GMT-5', relative: '12 hours ago' },
        { id: 'C', datetime: '2026-11-30T12:00:00Z', text: '30 Nov 2026, 07:00 GMT-5', relative: 'yesterday' },
        { id: 'D', datetime: '2026-11-28T15:00:00Z', text: '28 Nov 2026, 10:00 GMT-5', relative: '2 days ago' },
        { id: 'E', datetime: '2026-11-28T02:00:00Z', text: '27 Nov 2026, 21:00 GMT-5', relative: '3 days ago' },
      ]);
    });
  });

  test('a filter moves the heading to the first shown entry of the day', async ({ page }) => {
    await pinNow(page);
    await mockApi(page, () => ({ json: dayHistory() }));
    await open(page, { tz: 'Europe/Berlin' });
    const w = insight(page);

    await w.kind.selectOption('interview_invitation'); // hides A
    await expect.poll(() => headingsByEntry(page)).toEqual([
      ['B', 'Today'],
      ['C', 'Yesterday'],
      ['D', 'Sat 28 Nov'],
      ['E', null],
    ]);
    // The hidden entry carries no heading of its own any more.
    await expect(w.entry('A').locator('h3.ch-day')).toHaveCount(0);

    await w.search.fill('echo');
    await expect.poll(() => headingsByEntry(page)).toEqual([['E', 'Sat 28 Nov']]);

    await w.reset.click();
    await expect.poll(() => headingsByEntry(page)).toEqual([
      ['A', 'Today'],
      ['B', null],
      ['C', 'Yesterday'],
      ['D', 'Sat 28 Nov'],
      ['E', null],
    ]);
  });

  test('relative times and "Today" are refreshed every minute, in the widget\'s time zone', async ({ page }) => {
    // 23:59 in Berlin; the email went out 59 minutes ago.
    await freezeAt(page, '2026-12-01T22:59:00Z');
    await mockApi(page, () => ({ json: apiPage([email({ id: 'late', sent_at: '2026-12-01T22:00:00Z' })]) }));
    await open(page, { tz: 'Europe/Berlin' });
    const late = insight(page).entry('late');

    await expect(late.locator('.ch-relative')).toHaveText('59 minutes ago');
    await expect(late.locator('h3.ch-day')).toHaveText('Today');

    // A minute later it is past midnight in Berlin.
    await page.clock.runFor(60_000);
    await expect(late.locator('.ch-relative')).toHaveText('1 hour ago');
    await expect(late.locator('h3.ch-day')).toHaveText('Yesterday');
    await expect(late.locator('.ch-meta time')).toHaveText('1 Dec 2026, 23:00 CET');
  });

  test('the pinned "now" is what the widget measures from', async ({ page }) => {
    // Same data, "now" a day later: every heading and phrase moves by one day.
    await pinNow(page, Date.parse(NOW) + 86_400_000);
    await mockApi(page, () => ({ json: dayHistory() }));
    await open(page, { tz: 'Europe/Berlin' });
    expect(await headingsByEntry(page)).toEqual([
      ['A', 'Yesterday'],
      ['B', null],
      ['C', 'Mon 30 Nov'],
      ['D', 'Sat 28 Nov'],
      ['E', null],
    ]);
    await expect(insight(page).entry('A').locator('.ch-relative')).toHaveText('yesterday');
  });
});
