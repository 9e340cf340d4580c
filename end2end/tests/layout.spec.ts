import { apiPage, badgeIn, email, event, expect, mockApi, openWidget, test, widget } from './support';
import type { Page } from '@playwright/test';

const WIDTH = 320;
const LONG_SUBJECT = 'A'.repeat(300);
const LONG_ADDRESS = `${'firstname.middlename.lastname'.repeat(6)}@${'subdomain-'.repeat(12)}example.com`;
const LONG_REASON = `550-5.1.1_${'x'.repeat(180)}`;

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'document scroll width').toBeLessThanOrEqual(WIDTH);
  expect(clientWidth).toBeLessThanOrEqual(WIDTH);
}

/** Every element matched lies horizontally inside the viewport. */
async function expectInsideViewport(page: Page, selector: string) {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { what: `${el.className} ${el.getAttribute('data-email-id') ?? ''}`.trim(), left: r.left, right: r.right };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left, `${box.what} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${box.what} right edge`).toBeLessThanOrEqual(WIDTH);
  }
}

test.describe(`Narrow screens (${WIDTH} px)`, () => {
  test.use({ viewport: { width: WIDTH, height: 640 } });

  test.beforeEach(async ({ page }) => {
    await mockApi(page, () => ({
      json: apiPage(
        [
          email({ id: 'long_subject', kind: 'interview_invitation', subject: LONG_SUBJECT, sent_at: 1796300000 }),
          email({ id: 'long_address', kind: 'resume_reminder', recipient: LONG_ADDRESS, sent_at: 1796200000 }),
          email({
            id: 'long_reason',
            kind: 'deadline_reminder',
            recipient: LONG_ADDRESS,
            subject: LONG_SUBJECT,
            sent_at: 1796100000,
            events: [event('bounce', { timestamp: 1796100009, reason: LONG_REASON, bounce_classification: 'Invalid Address' })],
          }),
        ],
        'more',
      ),
    }));
    await openWidget(page);
  });

  test('a 300-character unbroken subject and a very long address cause no horizontal overflow', async ({ page }) => {
    await expect(widget(page).entries).toHaveCount(3);
    await expectNoHorizontalOverflow(page);
    await expectInsideViewport(page, 'li.ch-entry');
    await expectInsideViewport(page, 'li.ch-entry .ch-subject, li.ch-entry .ch-recipient, li.ch-entry .ch-failure');
    await expectInsideViewport(page, 'button.ch-badge, button.ch-load-older');
    // The text is all there (wrapped or clamped, not cut from the DOM).
    expect(await widget(page).entry('long_subject').locator('.ch-subject').evaluate((el) => el.textContent)).toBe(LONG_SUBJECT);
    expect(await widget(page).entry('long_address').locator('.ch-recipient').evaluate((el) => el.textContent)).toBe(LONG_ADDRESS);
  });

  test('an open tooltip and the open help panel stay inside the viewport', async ({ page }) => {
    const w = widget(page);
    await w.help.locator('summary.ch-help__summary').click();
    for (const topic of await w.help.locator('details.ch-help__topic > summary').all()) await topic.click();
    await expectNoHorizontalOverflow(page);
    await expectInsideViewport(page, 'details.ch-help, details.ch-help p, details.ch-help li');

    for (const id of ['long_subject', 'long_reason']) {
      const badge = badgeIn(w.entry(id));
      await badge.button.hover();
      await expect(badge.tooltip).toBeVisible();
      await expectInsideViewport(page, `li.ch-entry[data-email-id="${id}"] [role="tooltip"]`);
      await expectNoHorizontalOverflow(page);
    }
  });
});

test.describe(`Tooltips on narrow screens (${WIDTH} px)`, () => {
  test.use({ viewport: { width: WIDTH, height: 640 } });

  test('every badge tooltip stays inside the viewport, also when the badge wraps under a long kind label', async ({ page }) => {
    const kinds = ['interview_invitation', 'email_blast', 'interview_reminder', 'resume_reminder', 'deadline_reminder', 'offer_letter'];
    const evidence = [[event('processed')], [event('deferred')], [event('delivered')], [event('click')], [event('bounce')], [event('dropped')]];
    const emails = kinds.flatMap((kind, k) =>
      evidence.map((events, e) => email({ id: `${kind}_${e}`, kind, events, sent_at: 1796300000 - (k * 10 + e) * 60 })),
    );
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);
    await expect(widget(page).entries).toHaveCount(emails.length);

    const outside: string[] = [];
    for (const { id } of emails) {
      const badge = badgeIn(widget(page).entry(id));
      await badge.button.hover();
      await expect(badge.tooltip).toBeVisible();
      const box = await badge.tooltip.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: Math.round(r.left), right: Math.round(r.right) };
      });
      const status = await badge.button.getAttribute('data-status');
      if (box.left < 0 || box.right > WIDTH) outside.push(`${id} (${status}): tooltip spans x=${box.left}..${box.right}`);
      await page.mouse.move(0, 0);
      await expect(badge.tooltip).toBeHidden();
    }
    expect(outside, 'tooltips reaching outside the 320 px viewport').toEqual([]);
  });
});
