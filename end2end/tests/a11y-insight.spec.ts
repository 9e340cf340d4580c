// WCAG 2.2 AA for the recruiter-insight features: axe-core on every state (loaded,
// trail expanded, filtered, nothing matching, alert, loading, error, help open,
// tooltip open, German) in the light and the dark colour scheme; headings and
// landmarks; reduced motion; text at 200 %.

import type { Page } from '@playwright/test';
import { email, event, expect, mockApi, test, type ApiPage } from './support';
import {
  bouncedHistory,
  expectInsideWidget,
  expectNoViolations,
  filterHistory,
  insight,
  open,
  pinNow,
  trailIn,
} from './insight-support';

/** Every badge and kind, plus a bounced newest email (so the alert shows) whose trail
 * has every kind of detail: reasons, a classification, a machine open, a click and an
 * event without a time. */
function richHistory(): ApiPage {
  const history = filterHistory();
  history.emails.unshift(
    email({
      id: 'rich',
      kind: 'interview_invitation',
      subject: 'Final interview',
      recipient: 'ada@old.example',
      sent_at: '2026-12-01T11:30:00Z',
      events: [
        event('processed', { timestamp: '2026-12-01T11:30:01Z', id: 'r1' }),
        event('deferred', { timestamp: '2026-12-01T11:30:02Z', id: 'r2', reason: '421 try later' }),
        event('delivered', { timestamp: '2026-12-01T11:31:00Z', id: 'r3' }),
        event('open', { timestamp: '2026-12-01T11:32:00Z', id: 'r4', machine_open: true }),
        event('click', { timestamp: '2026-12-01T11:33:00Z', id: 'r5', url: 'https://meet.example.com/x' }),
        event('bounce', { timestamp: '2026-12-01T11:34:00Z', id: 'r6', reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' }),
        event('spamreport', { id: 'r7' }),
      ],
    }),
  );
  return history;
}

async function openWith(page: Page, history: () => ApiPage, locale?: string) {
  await pinNow(page);
  await mockApi(page, () => ({ json: history() }));
  await open(page, { locale, tz: 'Europe/Berlin' });
  return insight(page);
}

async function expandAllTrails(page: Page) {
  const toggles = page.locator('button.ch-trail__toggle[aria-expanded="false"]');
  const n = await toggles.count();
  for (let i = 0; i < n; i++) await toggles.first().click();
  await expect(page.locator('button.ch-trail__toggle[aria-expanded="false"]')).toHaveCount(0);
}

/** Runs axe in the light and then the dark colour scheme, on the page as it is. */
async function expectNoViolationsInBothSchemes(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect
      .poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
      .toBe(colorScheme === 'dark');
    await test.step(`axe: ${state} (${colorScheme})`, () => expectNoViolations(page));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// Each state is checked in the light and in the dark colour scheme, on the same page.
test.describe('axe: no WCAG 2.2 A/AA violations', () => {
  test.describe.configure({ timeout: 45_000 });

  test('loaded: summary, filters, day headings and relative times', async ({ page }) => {
    const w = await openWith(page, filterHistory);
    await expect(w.chips).toHaveCount(7);
    await expect(page.locator('h3.ch-day').first()).toBeVisible();
    await expectNoViolationsInBothSchemes(page, 'loaded');
  });

  test('filtered (chips, kind and search, with the match count), then nothing matching', async ({ page }) => {
    const w = await openWith(page, filterHistory);
    await w.chip('delivered').click();
    await w.chip('opened').click();
    await w.kind.selectOption('email_blast');
    await w.search.fill('newsletter');
    await expect(w.matchCount).toHaveText('2 of 11 emails match');
    await expectNoViolationsInBothSchemes(page, 'filtered');

    await w.search.fill('no such email');
    await expect(w.noMatch).toBeVisible();
    await expectNoViolationsInBothSchemes(page, 'nothing matching');
  });

  test('the deliverability alert, then every event trail expanded', async ({ page }) => {
    const w = await openWith(page, richHistory);
    await expect(w.alert).toBeVisible();
    await expectNoViolationsInBothSchemes(page, 'alert');

    await expandAllTrails(page);
    await expect(trailIn(w.entry('rich')).events).toHaveCount(7);
    await expectNoViolationsInBothSchemes(page, 'trails expanded');
  });

  test('the help panel open (every topic), then a badge tooltip open', async ({ page }) => {
    const w = await openWith(page, bouncedHistory);
    await w.helpSummary.click();
    const topics = w.help.locator('details.ch-help__topic > summary');
    for (const topic of await topics.all()) await topic.click();
    await expect(w.help.locator('details.ch-help__topic:not([open])')).toHaveCount(0);
    await expectNoViolationsInBothSchemes(page, 'help open');

    await w.entry('b1').locator('button.ch-badge').focus();
    await expect(w.entry('b1').locator('[role="tooltip"]')).toBeVisible();
    await expectNoViolationsInBothSchemes(page, 'tooltip open');
  });

  test('loading', async ({ page }) => {
    await mockApi(page, () => ({ hang: true }));
    await open(page, { wait: false });
    await expect(page.locator('.ch-status--loading')).toBeVisible();
    await expectNoViolationsInBothSchemes(page, 'loading');
  });

  test('error', async ({ page }) => {
    // 404 is not retried automatically, so the page holds still while axe reads it.
    await mockApi(page, () => ({ status: 404, json: { error: { code: 'not_found', message: 'no such candidate' } } }));
    await open(page);
    await expect(page.locator('.ch-error')).toBeVisible();
    await expectNoViolationsInBothSchemes(page, 'error');
  });

  test('German: alert, filters, expanded trails', async ({ page }) => {
    const w = await openWith(page, richHistory, 'de-DE');
    await expect(w.root).toHaveAttribute('lang', 'de');
    await expandAllTrails(page);
    await w.chip('bounced').click();
    await expect(w.matchCount).toHaveText('2 von 12 E-Mails passen');
    await expectNoViolationsInBothSchemes(page, 'German');
  });
});

test.describe('Structure, motion and zoom', () => {
  test('headings and landmarks: a named region with an h2, day headings at h3, a named alert region, filter group and list', async ({ page }) => {
    await openWith(page, richHistory);
    const region = page.getByRole('region', { name: 'Contact history' });
    await expect(region).toHaveCount(1);
    await expect(region.getByRole('heading', { level: 2, name: 'Contact history' })).toBeVisible();
    const days = region.getByRole('heading', { level: 3 });
    await expect(days).toHaveText(['Today']);
    await expect(region.getByRole('region', { name: 'Delivery problem' })).toBeVisible();
    await expect(region.getByRole('group', { name: 'Filter emails' })).toBeVisible();
    await expect(region.getByRole('list', { name: 'Contact history' })).toBeVisible();
    await expect(region.getByRole('combobox', { name: 'Type of email' })).toBeVisible();
    await expect(region.getByRole('searchbox', { name: 'Search subject and recipient' })).toBeVisible();
    await expect(region.getByRole('button', { name: '4 delivered', pressed: false })).toBeVisible();
    await expect(region.getByRole('button', { name: /Show delivery details \(7 events\)/, expanded: false })).toBeVisible();
    await trailIn(insight(page).entry('rich')).toggle.click();
    await expect(region.getByRole('list', { name: 'Delivery events, oldest first' })).toBeVisible();
    // Heading levels never skip: the widget's h2 is followed only by h3s (and the help's own).
    const levels = await page.locator('section.ch-root').evaluate((root) =>
      Array.from(root.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1])),
    );
    expect(levels[0]).toBe(2);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });

  test.describe('with prefers-reduced-motion: reduce', () => {
    test.use({ reducedMotion: 'reduce' });

    test('the loading spinner does not spin and the trail chevron does not animate', async ({ page }) => {
      await mockApi(page, () => ({ hang: true }));
      await open(page, { wait: false });
      const spinner = page.locator('.ch-status--loading .ch-spinner');
      await expect(spinner).toBeAttached();
      expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

      await page.unrouteAll();
      await mockApi(page, () => ({ json: bouncedHistory() }));
      await open(page);
      const chevron = trailIn(insight(page).entry('b1')).toggle.locator('.ch-trail__chevron');
      const duration = await chevron.evaluate((el) => getComputedStyle(el).transitionDuration);
      expect(duration.split(',').every((d) => parseFloat(d) === 0), `transition-duration ${duration}`).toBe(true);
    });
  });

  test('without reduced motion the spinner does spin (the check above means something)', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await mockApi(page, () => ({ hang: true }));
    await open(page, { wait: false });
    const spinner = page.locator('.ch-status--loading .ch-spinner');
    await expect(spinner).toBeAttached();
    expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
  });

  for (const width of [1280, 640]) {
    test(`text at 200 % (${width} px wide): nothing overflows and every control still works`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const w = await openWith(page, richHistory);
      const before = await page.locator('h2.ch-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const after = await page.locator('h2.ch-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(after, 'the widget text scales with the root font size').toBeCloseTo(before * 2, 0);

      await w.helpSummary.click();
      await expandAllTrails(page);
      await expectInsideWidget(page, `200 % text at ${width} px`);

      // The controls are still there to be used (Playwright clicks only what is visible,
      // stable and not covered).
      await w.chip('delivered').click();
      await expect(w.matchCount).toHaveText('4 of 12 emails match');
      await w.kind.selectOption('email_blast');
      await w.search.fill('november');
      await expect(w.matchCount).toHaveText('1 of 12 emails match');
      await w.reset.click();
      await expect(w.visibleEntries).toHaveCount(12);
      await w.alertAction.click();
      const badge = w.entry('rich').locator('button.ch-badge');
      await badge.hover();
      await expect(w.entry('rich').locator('[role="tooltip"]')).toBeVisible();
      await expectInsideWidget(page, `200 % text at ${width} px, tooltip open`);
    });
  }
});
