import { apiPage, badgeIn, email, event, expect, mockApi, openWidget, test, widget, type ApiEmail } from './support';

const MACHINE_NOTE = /mail privacy proxy.*not proof that a person read it/;

interface Case {
  name: string;
  email: Partial<ApiEmail>;
  badge: 'sending' | 'delayed' | 'delivered' | 'opened' | 'bounced' | 'dropped' | 'unknown';
  label: string;
}

// Each email's evidence, listed the way providers deliver it: out of order and duplicated.
const cases: Case[] = [
  {
    name: 'an open listed before its delivered event, both duplicated, is Opened',
    email: {
      status: 'delivered',
      events: [
        event('open', { timestamp: '2026-11-30T12:30:00Z', sg_event_id: 'o1' }),
        event('delivered', { timestamp: '2026-11-30T12:00:05Z', sg_event_id: 'd1' }),
        event('processed', { timestamp: '2026-11-30T12:00:01Z', sg_event_id: 'p1' }),
        event('open', { timestamp: '2026-11-30T12:30:00Z', sg_event_id: 'o1' }),
        event('delivered', { timestamp: '2026-11-30T12:00:05Z', sg_event_id: 'd1' }),
      ],
    },
    badge: 'opened',
    label: 'Opened',
  },
  {
    name: 'a click alone (SendGrid "event" field) is Opened',
    email: { events: [{ event: 'click', timestamp: 1796202100, url: 'https://example.com/x' }] },
    badge: 'opened',
    label: 'Opened',
  },
  {
    name: 'a person open on top of a machine open is Opened',
    email: {
      events: [
        event('open', { timestamp: 1796202300 }),
        event('open', { timestamp: 1796202100, machine_open: true }),
        event('delivered', { timestamp: 1796202005 }),
      ],
    },
    badge: 'opened',
    label: 'Opened',
  },
  {
    name: 'a delivered event listed after later deferrals is Delivered',
    email: {
      events: [
        event('delivered', { timestamp: '2026-11-30T12:10:00Z' }),
        event('deferred', { timestamp: '2026-11-30T12:05:00Z', reason: '451 try later' }),
        event('processed', { timestamp: '2026-11-30T12:00:01Z' }),
        event('deferred', { timestamp: '2026-11-30T12:05:00Z', reason: '451 try later' }),
      ],
    },
    badge: 'delivered',
    label: 'Delivered',
  },
  {
    name: 'a spam report alone implies Delivered',
    email: { events: [event('spamreport', { timestamp: 1796202500 })] },
    badge: 'delivered',
    label: 'Delivered',
  },
  {
    name: 'an unsubscribe alone implies Delivered',
    email: { events: [event('unsubscribe', { timestamp: 1796202500 })] },
    badge: 'delivered',
    label: 'Delivered',
  },
  {
    name: 'status delivered beats a processed event',
    email: { status: 'delivered', events: [event('processed', { timestamp: 1796202001 })] },
    badge: 'delivered',
    label: 'Delivered',
  },
  {
    name: 'deferrals after processing, duplicated and out of order, are Delayed',
    email: {
      events: [
        event('deferred', { timestamp: 1796202600, response: '451 4.3.0 Mailbox temporarily unavailable' }),
        event('processed', { timestamp: 1796202001 }),
        event('deferred', { timestamp: 1796202060, reason: '451 4.3.0 Mailbox temporarily unavailable' }),
        event('deferred', { timestamp: 1796202600, response: '451 4.3.0 Mailbox temporarily unavailable' }),
      ],
    },
    badge: 'delayed',
    label: 'Delayed',
  },
  {
    name: 'status deferred with no events is Delayed',
    email: { status: 'deferred' },
    badge: 'delayed',
    label: 'Delayed',
  },
  {
    name: 'a processed event alone is Sending',
    email: { events: [event('processed', { timestamp: 1796202001 })] },
    badge: 'sending',
    label: 'Sending',
  },
  {
    name: 'status queued is Sending',
    email: { status: 'queued' },
    badge: 'sending',
    label: 'Sending',
  },
  {
    name: 'no evidence at all is Sending',
    email: {},
    badge: 'sending',
    label: 'Sending',
  },
  {
    name: 'a bounce after delivered and opened events is Bounced',
    email: {
      status: 'delivered',
      events: [
        event('open', { timestamp: 1796202300 }),
        event('bounce', { timestamp: 1796202009, reason: '550 5.1.1 user unknown' }),
        event('delivered', { timestamp: 1796202005 }),
      ],
    },
    badge: 'bounced',
    label: 'Bounced',
  },
  {
    name: 'status bounced with no events is Bounced',
    email: { status: 'bounced' },
    badge: 'bounced',
    label: 'Bounced',
  },
  {
    name: 'a dropped event beats status delivered',
    email: { status: 'delivered', events: [event('dropped', { timestamp: 1796202002, reason: 'Bounced Address' })] },
    badge: 'dropped',
    label: 'Dropped',
  },
  {
    name: 'status suppressed is Dropped',
    email: { status: 'suppressed' },
    badge: 'dropped',
    label: 'Dropped',
  },
  {
    name: 'only an unrecognised status is Unknown',
    email: { status: 'archived' },
    badge: 'unknown',
    label: 'Unknown',
  },
  {
    name: 'an unrecognised status with only unrecognised events is Unknown',
    email: { status: 'archived', events: [event('teleported', { timestamp: 1796202002 })] },
    badge: 'unknown',
    label: 'Unknown',
  },
  {
    name: 'an unrecognised status with a processed event is Sending',
    email: { status: 'archived', events: [event('processed', { timestamp: 1796202001 })] },
    badge: 'sending',
    label: 'Sending',
  },
];

test.describe('Delivery badges derived from raw events', () => {
  test('every email shows the badge its evidence supports', async ({ page }) => {
    const emails = cases.map((c, i) => email({ id: `case_${i}`, sent_at: 1796300000 - i * 60, ...c.email }));
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    const w = widget(page);
    await expect(w.entries).toHaveCount(cases.length);
    for (const [i, c] of cases.entries()) {
      const badge = badgeIn(w.entry(`case_${i}`));
      await expect.soft(badge.button, c.name).toHaveAttribute('data-status', c.badge);
      await expect.soft(badge.label, c.name).toHaveText(c.label);
      await expect.soft(badge.icon, c.name).toHaveAttribute('aria-hidden', 'true');
      await expect.soft(w.entry(`case_${i}`), c.name).toHaveClass(new RegExp(`ch-entry--${c.badge}`));
    }
    // A note about privacy proxies belongs only to machine-only opens.
    await expect(w.root.locator('.ch-entry__note')).toHaveCount(0);
  });

  test('an email opened only by a privacy proxy shows Delivered with a note', async ({ page }) => {
    const emails = [
      email({
        id: 'contract_field',
        events: [
          event('open', { timestamp: 1796202100, machine_open: true, id: 'm1' }),
          event('delivered', { timestamp: 1796202005, id: 'd1' }),
          event('open', { timestamp: 1796202100, machine_open: true, id: 'm1' }),
        ],
      }),
      // SendGrid's own spelling: "event" and "sg_machine_open", and no delivered event.
      email({ id: 'sendgrid_field', events: [{ event: 'open', timestamp: 1796202100, sg_machine_open: true }] }),
    ];
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    for (const id of ['contract_field', 'sendgrid_field']) {
      const entry = widget(page).entry(id);
      const badge = badgeIn(entry);
      await expect(badge.button, id).toHaveAttribute('data-status', 'delivered');
      await expect(badge.label, id).toHaveText('Delivered');
      await expect(entry.locator('p.ch-entry__note'), id).toHaveText(MACHINE_NOTE);
      // The tooltip explains it too.
      await expect(badge.tooltip, id).toContainText('mail privacy proxy', { useInnerText: false });
    }
  });

  test('labels each kind of email, and an unknown kind as a generic Email', async ({ page }) => {
    const kinds: [string, string][] = [
      ['interview_invitation', 'Interview invitation'],
      ['email_blast', 'Email blast'],
      ['interview_reminder', 'Interview reminder'],
      ['resume_reminder', 'Resume upload request'],
      ['deadline_reminder', 'Deadline reminder'],
      ['offer_letter', 'Email'],
    ];
    const emails = kinds.map(([kind], i) => email({ id: `kind_${i}`, kind, sent_at: 1796300000 - i }));
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    for (const [i, [kind, label]] of kinds.entries()) {
      const tag = widget(page).entry(`kind_${i}`).locator('.ch-kind');
      await expect(tag).toHaveAttribute('data-kind', kind);
      await expect(tag).toHaveText(label);
    }
  });

  test('shows "(no subject)" for an empty, blank or absent subject', async ({ page }) => {
    const emails = [
      email({ id: 'empty', subject: '' }),
      email({ id: 'blank', subject: '   ' }),
      email({ id: 'null', subject: null }),
      email({ id: 'absent', subject: undefined }),
      email({ id: 'present', subject: 'Hello' }),
    ];
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    const w = widget(page);
    for (const id of ['empty', 'blank', 'null', 'absent']) {
      const subject = w.entry(id).locator('p.ch-subject');
      await expect(subject, id).toHaveText('(no subject)');
      await expect(subject, id).toHaveClass(/ch-subject--empty/);
    }
    await expect(w.entry('present').locator('p.ch-subject')).toHaveText('Hello');
    await expect(w.entry('present').locator('p.ch-subject')).not.toHaveClass(/ch-subject--empty/);
  });
});
