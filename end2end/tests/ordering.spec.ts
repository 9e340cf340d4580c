import { apiPage, email, expect, mockApi, openWidget, shownIds, test, unixSeconds, utc, widget } from './support';

test.describe('Order of the timeline', () => {
  test('shows emails newest first from an unordered page mixing RFC 3339 and Unix seconds', async ({ page }) => {
    const emails = [
      email({ id: 'oldest', sent_at: unixSeconds('2026-11-01T08:00:00Z') }),
      email({ id: 'newest', sent_at: '2026-12-03T09:15:00Z' }),
      // 16:00 at +01:00 is 15:00 UTC: between the two below once read as instants.
      email({ id: 'offset', sent_at: '2026-12-01T16:00:00+01:00' }),
      email({ id: 'seconds', sent_at: unixSeconds('2026-12-01T15:30:00Z') }),
      email({ id: 'fraction', sent_at: '2026-12-01T14:59:59.250Z' }),
      email({ id: 'middle', sent_at: unixSeconds('2026-11-20T12:00:00Z') }),
    ];
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    expect(await shownIds(page)).toEqual(['newest', 'seconds', 'offset', 'fraction', 'middle', 'oldest']);
    await expect(widget(page).count).toHaveText('6 emails');
  });

  test('orders emails sent at the same instant by id, whatever order the API listed them in', async ({ page }) => {
    const at = '2026-11-30T12:00:00Z';
    const emails = [
      email({ id: 'b', sent_at: unixSeconds(at) }),
      email({ id: 'c', sent_at: at }),
      email({ id: 'a', sent_at: '2026-11-30T13:00:00+01:00' }),
    ];
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    expect(await shownIds(page)).toEqual(['a', 'b', 'c']);
  });

  test('writes each sent time as an RFC 3339 UTC instant in the time element', async ({ page }) => {
    const emails = [
      email({ id: 'text', sent_at: '2026-12-01T16:00:00+01:00' }),
      email({ id: 'number', sent_at: 1796202000 }),
    ];
    await mockApi(page, () => ({ json: apiPage(emails) }));
    await openWidget(page);

    const w = widget(page);
    await expect(w.entry('text').locator('time')).toHaveAttribute('datetime', '2026-12-01T15:00:00Z');
    await expect(w.entry('number').locator('time')).toHaveAttribute('datetime', utc(1796202000));
    // Shown in the viewer's time zone (UTC in these tests), with the zone named.
    await expect(w.entry('text').locator('time')).toContainText('2026');
    await expect(w.entry('text').locator('time')).toContainText('15:00');
    await expect(w.entry('text').locator('time')).toContainText('UTC');
  });
});
