// The second language: `?locale=de-DE` (or a German browser) gives the German catalog
// and German dates; the layout takes the longer words at 320 px and at 1280 px. Another
// English locale (en-US) changes only how dates are written.

import type { Page } from '@playwright/test';
import { apiPage, email, event, expect, mockApi, test, type ApiPage } from './support';
import { expectInsideWidget, headingsByEntry, insight, open, pinNow, trailIn } from './insight-support';

/**
 * Four emails; "now" is 1 Dec 2026 12:00 UTC (13:00 in Berlin).
 *   A 1 Dec 10:00Z   bounced (processed + bounce): the alert, 2 events
 *   B 30 Nov 23:30Z  delivered, opened only by a privacy proxy (2 events); 1 Dec in Berlin
 *   C 30 Nov 12:00Z  sending
 *   D 28 Nov 15:00Z  opened
 */
function germanHistory(): ApiPage {
  return apiPage([
    email({
      id: 'A',
      kind: 'interview_invitation',
      subject: 'Einladung zum Gespräch',
      recipient: 'ada@old.example',
      sent_at: '2026-12-01T10:00:00Z',
      events: [
        event('processed', { timestamp: '2026-12-01T10:00:01Z', id: 'a1' }),
        event('bounce', { timestamp: '2026-12-01T10:00:09Z', id: 'a2', reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' }),
      ],
    }),
    email({
      id: 'B',
      kind: 'email_blast',
      subject: 'Offene Stellen',
      sent_at: '2026-11-30T23:30:00Z',
      events: [
        event('delivered', { timestamp: '2026-11-30T23:30:05Z', id: 'b1' }),
        event('open', { timestamp: '2026-11-30T23:45:00Z', id: 'b2', machine_open: true }),
      ],
    }),
    email({ id: 'C', kind: 'interview_reminder', subject: 'Erinnerung', sent_at: '2026-11-30T12:00:00Z', status: 'queued' }),
    email({ id: 'D', kind: 'resume_reminder', subject: 'Lebenslauf', sent_at: '2026-11-28T15:00:00Z', status: 'opened' }),
  ]);
}

/** Controls under 24 x 24 px whose 24 px circle (on the centre) reaches another control. */
function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('section.ch-root :is(button, select, input, summary, a[href])'),
    ).filter((el) => el.getClientRects().length > 0);
    const boxes = controls.map((el) => el.getBoundingClientRect());
    const problems: string[] = [];
    controls.forEach((el, i) => {
      const r = boxes[i];
      if (r.width >= 24 && r.height >= 24) return;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const hit = boxes.some((o, j) => {
        if (j === i || controls[j].contains(el) || el.contains(controls[j])) return false;
        const dx = Math.max(o.left - cx, 0, cx - o.right);
        const dy = Math.max(o.top - cy, 0, cy - o.bottom);
        return Math.hypot(dx, dy) < 12;
      });
      if (hit) problems.push(`${el.tagName.toLowerCase()}.${el.className} ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    });
    return problems;
  });
}

async function openGerman(page: Page, options: { locale?: string } = { locale: 'de-DE' }) {
  await pinNow(page);
  await mockApi(page, () => ({ json: germanHistory() }));
  await open(page, { ...options, tz: 'Europe/Berlin' });
  return insight(page);
}

test.describe('German (?locale=de-DE)', () => {
  test('the widget speaks German: title, lang, badges, kinds, summary and filters', async ({ page }) => {
    const w = await openGerman(page);

    await expect(w.root).toHaveAttribute('lang', 'de');
    await expect(w.root.locator('h2.ch-title')).toHaveText('Kontaktverlauf');
    await expect(w.count).toHaveText('4 E-Mails');
    await expect(page.getByRole('list', { name: 'Kontaktverlauf' })).toBeVisible();
    await expect(w.entries.locator('.ch-badge__label')).toHaveText(['Unzustellbar', 'Zugestellt', 'Wird gesendet', 'Geöffnet']);
    await expect(w.entry('A').locator('.ch-kind')).toHaveText(/Einladung zum Vorstellungsgespräch/i);
    await expect(w.entry('B').locator('.ch-entry__note')).toContainText('Datenschutz-Proxy');

    await expect(w.filters).toHaveAttribute('aria-label', 'E-Mails filtern');
    await expect(w.summary).toContainText('4 E-Mails:');
    await expect(w.chips).toHaveText(['1 unzustellbar', '1 geöffnet', '1 zugestellt', '1 werden gesendet']);
    await expect(page.getByLabel('Art der E-Mail')).toHaveClass(/\bch-select\b/);
    await expect(w.kind.locator('option').first()).toHaveText('Alle Arten');
    await expect(page.getByLabel('Betreff und Empfänger durchsuchen')).toHaveClass(/\bch-search\b/);
    await expect(w.reset).toHaveText('Filter zurücksetzen');

    await w.chip('bounced').click();
    await expect(w.matchCount).toHaveText('1 von 4 E-Mails passen');
    await w.search.fill('gibt es nicht');
    await expect(w.noMatch).toHaveText('Keine E-Mails passen zu diesen Filtern.');
    await expect(w.helpSummary).toHaveText('Hilfe: E-Mail-Zustellung');
  });

  test('the trail, the alert and the dates are German', async ({ page }) => {
    const w = await openGerman(page);

    // Alert.
    await expect(w.alert).toHaveAttribute('aria-label', 'Zustellproblem');
    await expect(w.alert).toContainText('Die letzte E-Mail an ada@old.example war unzustellbar.');
    await expect(w.alert).toContainText('Grund: 550 5.1.1 user unknown');
    await expect(w.alert).toContainText('Was tun:');
    await expect(w.alertAction).toHaveText('E-Mail-Adresse aktualisieren');

    // Trail.
    const t = trailIn(w.entry('B'));
    await expect(t.toggle).toHaveText('Zustelldetails anzeigen (2 Ereignisse)');
    await t.toggle.click();
    await expect(t.toggle).toHaveText('Zustelldetails ausblenden');
    await expect(t.list).toHaveAttribute('aria-label', 'Zustellereignisse, älteste zuerst');
    await expect(t.events.locator('.ch-trail__what')).toHaveText([
      'An den Mailserver der Empfängerin bzw. des Empfängers zugestellt',
      'Automatisch geöffnet (Datenschutz-Proxy), nicht unbedingt von einem Menschen',
    ]);
    await expect(t.events.locator('.ch-trail__time')).toHaveText(['1. Dez. 2026, 00:30 MEZ', '1. Dez. 2026, 00:45 MEZ']);
    const bounce = trailIn(w.entry('A'));
    await bounce.toggle.click();
    await expect(bounce.events.nth(1).locator('.ch-trail__detail')).toHaveText([
      'Grund: 550 5.1.1 user unknown',
      'Einstufung: Invalid Address',
    ]);

    // Dates, relative times and day headings, German and in Berlin time.
    await expect(w.entry('A').locator('.ch-meta time')).toHaveText('1. Dez. 2026, 11:00 MEZ');
    await expect(w.entries.locator('.ch-relative')).toHaveText(['vor 2 Stunden', 'vor 12 Stunden', 'gestern', 'vorgestern']);
    expect(await headingsByEntry(page)).toEqual([
      ['A', 'Heute'],
      ['B', null],
      ['C', 'Gestern'],
      ['D', 'Sa., 28. Nov.'],
    ]);
  });

  test.describe('a German browser, no locale given', () => {
    test.use({ locale: 'de-DE' });

    test('follows the browser language', async ({ page }) => {
      const w = await openGerman(page, {});
      await expect(w.root).toHaveAttribute('lang', 'de');
      await expect(w.root.locator('h2.ch-title')).toHaveText('Kontaktverlauf');
      await expect(trailIn(w.entry('A')).toggle).toHaveText('Zustelldetails anzeigen (2 Ereignisse)');
      await expect(w.entry('A').locator('.ch-meta time')).toHaveText('1. Dez. 2026, 11:00 MEZ');
    });
  });

  test('English stays English: lang="en" and English words', async ({ page }) => {
    const w = await openGerman(page, {});
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(w.root.locator('h2.ch-title')).toHaveText('Contact history');
    await expect(trailIn(w.entry('B')).toggle).toHaveText('Show delivery details (2 events)');
  });

  test('the layout takes the longer German text at 320 px and at 1280 px', async ({ page }) => {
    const w = await openGerman(page);
    // Everything that can be shown, shown.
    for (const id of ['A', 'B']) await trailIn(w.entry(id)).toggle.click();
    await w.helpSummary.click();
    for (const topic of await w.help.locator('details.ch-help__topic > summary').all()) await topic.click();
    await w.chip('bounced').click();
    await w.chip('delivered').click();
    await expect(w.matchCount).toHaveText('2 von 4 E-Mails passen');

    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await expectInsideWidget(page, `German at ${width} px`);
      // WCAG 2.5.8: each control is at least 24 x 24 px, or a 24 px circle on its centre
      // touches no other control.
      expect(await undersizedTargets(page), `${width} px: targets below 24 px without spacing`).toEqual([]);
    }
    // Nothing matching, in German, at the narrowest width.
    await page.setViewportSize({ width: 320, height: 800 });
    await w.search.fill('gibt es nicht');
    await expect(w.noMatch).toBeVisible();
    await expectInsideWidget(page, 'German, nothing matching, at 320 px');
  });
});

test.describe('Another English locale (?locale=en-US)', () => {
  test('writes dates the US way; the words stay English', async ({ page }) => {
    const w = await openGerman(page, { locale: 'en-US' });
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(w.entry('A').locator('.ch-meta time')).toHaveText('Dec 1, 2026, 11:00 AM GMT+1');
    expect(await headingsByEntry(page)).toEqual([
      ['A', 'Today'],
      ['B', null],
      ['C', 'Yesterday'],
      ['D', 'Sat, Nov 28'],
    ]);
  });
});
