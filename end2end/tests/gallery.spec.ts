import { DIST_URL, expect, GALLERY_URL, test } from './support';

const ALL_BADGES = ['sending', 'delayed', 'delivered', 'opened', 'bounced', 'dropped', 'unknown'];

test.describe('Designer gallery', () => {
  // The release build with the `gallery` feature (the bundle hosts embed has no gallery).
  test.use({ baseURL: GALLERY_URL });

  test('shows every badge and the loading, empty and error states', async ({ page }) => {
    await page.goto('/index.html?view=gallery');
    const gallery = page.locator('.ch-root.ch-gallery');
    await expect(gallery).toBeVisible();

    const badges = gallery.locator('.ch-gallery__badges button.ch-badge');
    const statuses = await badges.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-status')));
    for (const badge of ALL_BADGES) expect(statuses, `a ${badge} badge`).toContain(badge);
    // Every badge's explanation is shown beside it.
    await expect(gallery.locator('.ch-gallery__badges .ch-gallery__tip').first()).toBeVisible();

    const state = (caption: string) =>
      gallery.locator('figure.ch-gallery__state', { has: page.locator('figcaption', { hasText: new RegExp(`^${caption}$`) }) });
    await expect(state('Loading').locator('p.ch-status--loading[role="status"]')).toBeVisible();
    await expect(state('Empty').locator('p.ch-empty')).toHaveText('No emails have been sent to this candidate yet');
    await expect(state('Error').locator('.ch-error[role="alert"]')).toHaveAttribute('data-error', 'server');
    await expect(state('Error').locator('button.ch-retry')).toHaveText('Retry');

    const entries = state('Entries');
    for (const badge of ALL_BADGES) {
      await expect(entries.locator(`li.ch-entry button.ch-badge[data-status="${badge}"]`).first()).toBeVisible();
    }
    await expect(entries.locator('.ch-skipped')).toBeVisible();
    await expect(entries.locator('button.ch-load-older')).toBeVisible();
  });

  test('is not in the release bundle hosts embed: ?view=gallery shows the widget', async ({ page }) => {
    await page.goto(new URL('/index.html?view=gallery', DIST_URL).href);
    await expect(page.locator('.ch-root').first()).toBeVisible();
    await expect(page.locator('.ch-gallery')).toHaveCount(0);
  });
});
