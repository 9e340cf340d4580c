import { apiPage, badgeIn, email, event, expect, expectNoViolations, GALLERY_URL, mockApi, openWidget, test, widget } from './support';


/** One email of each badge, failures with details, a machine open, and a next page. */
function everyKindOfEntry() {
  return apiPage(
    [
      email({ id: 'sending', sent_at: 1796300000, status: 'queued', subject: '' }),
      email({ id: 'delayed', sent_at: 1796290000, events: [event('deferred', { timestamp: 1796290010, reason: '451 later' })] }),
      email({ id: 'delivered', sent_at: 1796280000, events: [event('delivered', { timestamp: 1796280005 })] }),
      email({ id: 'machine', sent_at: 1796270000, events: [event('open', { timestamp: 1796270030, machine_open: true })] }),
      email({ id: 'opened', sent_at: 1796260000, kind: 'email_blast', events: [event('click', { timestamp: 1796260030 })] }),
      email({
        id: 'bounced',
        sent_at: 1796250000,
        kind: 'deadline_reminder',
        events: [event('bounce', { timestamp: 1796250009, reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' })],
      }),
      email({ id: 'blocked', sent_at: 1796240000, status: 'blocked' }),
      email({ id: 'dropped', sent_at: 1796230000, events: [event('dropped', { timestamp: 1796230002, reason: 'Bounced Address' })] }),
      email({ id: 'unknown', sent_at: 1796220000, kind: 'offer_letter', status: 'archived' }),
    ],
    'older',
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`Accessibility (${colorScheme} colour scheme)`, () => {
    test.use({ colorScheme });

    test('the loaded timeline with the help panel and a tooltip open has no WCAG A/AA violations', async ({ page }) => {
      await mockApi(page, () => ({ json: everyKindOfEntry() }));
      await openWidget(page);

      const w = widget(page);
      await expect(w.entries).toHaveCount(9);
      await w.help.locator('summary.ch-help__summary').click();
      await w.help.locator('summary', { hasText: 'Why Delivered but not Opened?' }).click();
      await expect(w.help).toHaveAttribute('open', '');
      const badge = badgeIn(w.entry('bounced'));
      await badge.button.focus();
      await expect(badge.tooltip).toBeVisible();

      await expectNoViolations(page);
    });

    test('the error state has no WCAG A/AA violations', async ({ page }) => {
      await mockApi(page, () => ({ status: 503, body: '' }));
      await openWidget(page);
      await expect(widget(page).error).toBeVisible();

      await expectNoViolations(page);
    });

    test('an older page failing below the list has no WCAG A/AA violations', async ({ page }) => {
      await mockApi(page, (call) => (call.cursor ? { status: 500, body: '' } : { json: everyKindOfEntry() }));
      await openWidget(page);
      await widget(page).loadOlder.click();
      await expect(page.locator('.ch-older .ch-error')).toBeVisible();

      await expectNoViolations(page);
    });

    test('the empty state has no WCAG A/AA violations', async ({ page }) => {
      await mockApi(page, () => ({ json: apiPage([]) }));
      await openWidget(page);
      await expect(widget(page).empty).toBeVisible();

      await expectNoViolations(page);
    });

    test('the designer gallery has no WCAG A/AA violations', async ({ page }) => {
      // The release build with the `gallery` feature (the bundle hosts embed has none).
      await page.goto(new URL('/index.html?view=gallery', GALLERY_URL).href);
      await expect(page.locator('.ch-gallery')).toBeVisible();

      await expectNoViolations(page);
    });
  });
}
