import { expect, expectNoViolations, scrollThrough, settled, shownIds, test, widget } from './support';

const ALL_BADGES = ['sending', 'delayed', 'delivered', 'opened', 'bounced', 'dropped', 'unknown'];

test.describe('Designer preview from the demo fixtures', () => {
  test('with no query parameters shows every badge from the demo fixture', async ({ page }) => {
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/demo/api/')) apiRequests.push(new URL(r.url()).pathname);
    });
    await page.goto('/index.html');
    await settled(page);

    const w = widget(page);
    await expect(w.entries).toHaveCount(9);
    const statuses = await w.root
      .locator('button.ch-badge[data-status]')
      .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-status')));
    for (const badge of ALL_BADGES) expect(statuses, `a ${badge} badge`).toContain(badge);

    // One request, for the first page of the page's own candidate.
    expect(apiRequests).toHaveLength(1);
    expect(apiRequests[0]).toMatch(/^\/demo\/api\/candidates\/cand_demo\/emails/);
    await expect(w.entry('em_machine').locator('.ch-entry__note')).toContainText('mail privacy proxy');
    await expect(w.entry('em_sending').locator('.ch-subject')).toHaveText('(no subject)');
    await expect(w.entry('em_blocked').locator('.ch-failure__kind')).toHaveText(/^Temporary block/);
    await expect(w.entry('em_bounce').locator('.ch-failure__kind')).toHaveText('Permanent bounce · Invalid Address');
    await expect(w.entry('em_unknown').locator('.ch-kind')).toHaveText('Email');

    // Newest first.
    const times = await w.root
      .locator('li.ch-entry time')
      .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('?candidate=cand_paged pages through the fixture pages until there are no more', async ({ page }) => {
    await page.goto('/index.html?candidate=cand_paged');
    await settled(page);

    const w = widget(page);
    await expect(w.entries).toHaveCount(6);
    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(12);
    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(18);
    await expect(w.loadOlder).toHaveCount(0);
    await expect(w.count).toHaveText('18 emails');

    const ids = await shownIds(page);
    expect(new Set(ids).size).toBe(18);
    expect(ids).toEqual(Array.from({ length: 18 }, (_, i) => `pg_${String(i).padStart(2, '0')}`));
  });

  test('?candidate=cand_long shows the newest 50, then more with Show more and as the reader scrolls', async ({ page }) => {
    await page.goto('/index.html?candidate=cand_long');
    await settled(page);
    const w = widget(page);
    await expect(w.count).toHaveText('140 emails');
    await expect(w.list).toHaveAttribute('aria-busy', 'false');
    await expect(w.entries).toHaveCount(50);
    await expect(w.showMore).toHaveText('Show more (90 not shown yet)');
    await expectNoViolations(page);
    // A click where it is, without scrolling it into view (which would render more by
    // itself): 50 more.
    await w.showMore.dispatchEvent('click');
    await expect(w.entries).toHaveCount(100);
    await expect(w.showMore).toHaveText('Show more (40 not shown yet)');
    await scrollThrough(page, async () => (await w.entries.count()) === 140);
    await expect(w.showMore).toHaveCount(0);
    const ids = await shownIds(page);
    expect(new Set(ids).size).toBe(140);
  });

  test('?candidate=cand_empty shows the empty state and an unknown candidate is not found', async ({ page }) => {
    await page.goto('/index.html?candidate=cand_empty');
    await settled(page);
    await expect(widget(page).empty).toBeVisible();

    await page.goto('/index.html?candidate=cand_missing');
    await settled(page);
    await expect(widget(page).error).toHaveAttribute('data-error', 'not-found');
  });
});
