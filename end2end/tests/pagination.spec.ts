import { apiPage, email, expect, mockApi, openWidget, pagesByCursor, shownIds, test, widget } from './support';

// A cursor with characters that must be percent-encoded in a query value.
const CURSOR = 'c/2 ä+&=?#';
const DAY = 86_400;
const T0 = 1796400000;

const firstPage = apiPage(
  [
    email({ id: 'p1_a', sent_at: T0 }),
    email({ id: 'p1_c', sent_at: T0 - 2 * DAY }),
    email({ id: 'p1_b', sent_at: T0 - DAY }),
    email({ id: 'shared', sent_at: T0 - 3 * DAY }),
  ],
  CURSOR,
);
const olderPage = apiPage(
  [
    email({ id: 'p2_b', sent_at: T0 - 5 * DAY }),
    // The same email again, as a server whose pages overlap sends it.
    email({ id: 'shared', sent_at: T0 - 3 * DAY }),
    email({ id: 'p2_a', sent_at: T0 - 4 * DAY }),
  ],
  null,
);

test.describe('Loading older emails', () => {
  test('Load older emails sends the encoded cursor, appends older entries once each, then disappears', async ({ page }) => {
    const api = await mockApi(page, pagesByCursor({ [CURSOR]: olderPage }, firstPage));
    await openWidget(page);

    const w = widget(page);
    expect(await shownIds(page)).toEqual(['p1_a', 'p1_b', 'p1_c', 'shared']);
    await expect(w.count).toHaveText('4 emails');
    await expect(w.loadOlder).toHaveText('Load older emails');

    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(6);
    expect(await shownIds(page)).toEqual(['p1_a', 'p1_b', 'p1_c', 'shared', 'p2_a', 'p2_b']);
    await expect(w.entry('shared')).toHaveCount(1);
    await expect(w.count).toHaveText('6 emails');
    await expect(w.loadOlder).toHaveCount(0);

    expect(api.calls).toHaveLength(2);
    const older = api.calls[1];
    expect(older.url.pathname).toBe('/api/v1/candidates/cand_test/emails');
    expect(older.cursor).toBe(CURSOR);
    expect(older.url.searchParams.get('limit')).toBe('50');
    // Every reserved character of the cursor is percent-encoded.
    expect(older.rawUrl).toContain(`cursor=${'c%2F2%20%C3%A4%2B%26%3D%3F%23'}`);
    expect((await older.request.allHeaders())['accept']).toBe('application/json');
  });

  test('follows next_cursor through several pages until it is null', async ({ page }) => {
    const pages = {
      two: apiPage([email({ id: 'p2', sent_at: T0 - DAY })], 'three'),
      three: apiPage([email({ id: 'p3', sent_at: T0 - 2 * DAY })], null),
    };
    const api = await mockApi(page, pagesByCursor(pages, apiPage([email({ id: 'p1', sent_at: T0 })], 'two')));
    await openWidget(page);

    const w = widget(page);
    await w.loadOlder.click();
    await expect(w.entry('p2')).toBeVisible();
    await w.loadOlder.click();
    await expect(w.entry('p3')).toBeVisible();
    await expect(w.loadOlder).toHaveCount(0);
    expect(api.calls.map((c) => c.cursor)).toEqual([null, 'two', 'three']);
    expect(await shownIds(page)).toEqual(['p1', 'p2', 'p3']);
  });

  test('an older page that fails keeps the list, offers Retry below it on the same button, and Retry appends the page', async ({ page }) => {
    let olderAttempts = 0;
    const api = await mockApi(page, (call) => {
      if (call.cursor === null) return { json: firstPage };
      olderAttempts += 1;
      return olderAttempts === 1 ? { status: 503, body: 'Service Unavailable', contentType: 'text/plain' } : { json: olderPage };
    });
    await openWidget(page);

    const w = widget(page);
    await w.loadOlder.click();
    const olderError = page.locator('.ch-older .ch-error');
    await expect(olderError).toHaveAttribute('data-error', 'server');
    await expect(olderError).toHaveAttribute('role', 'alert');
    await expect(olderError).toContainText('Older emails could not be loaded.');
    // The list stays as it was, and the error sits below it.
    expect(await shownIds(page)).toEqual(['p1_a', 'p1_b', 'p1_c', 'shared']);
    await expect(w.count).toHaveText('4 emails');
    await expect(w.error).toHaveCount(1);
    // The "Load older emails" button itself becomes the Retry, so focus never moves.
    await expect(w.loadOlder).toHaveText('Retry loading older emails');
    await expect(w.loadOlder).toHaveClass(/ch-retry/);
    const listBottom = (await w.list.boundingBox())!.y + (await w.list.boundingBox())!.height;
    expect((await olderError.boundingBox())!.y).toBeGreaterThanOrEqual(listBottom);

    await w.loadOlder.click();
    await expect(w.entries).toHaveCount(6);
    await expect(w.error).toHaveCount(0);
    await expect(w.loadOlder).toHaveCount(0);
    expect(api.calls.map((c) => c.cursor)).toEqual([null, CURSOR, CURSOR]);
  });

  test('counts a malformed email on an older page in the skipped notice', async ({ page }) => {
    await mockApi(
      page,
      pagesByCursor(
        { more: apiPage([email({ id: 'older', sent_at: T0 - DAY }), { id: 'broken' }], null) },
        apiPage([email({ id: 'newer', sent_at: T0 })], 'more'),
      ),
    );
    await openWidget(page);

    const w = widget(page);
    await expect(w.skipped).toHaveCount(0);
    await w.loadOlder.click();
    await expect(w.entry('older')).toBeVisible();
    await expect(w.skipped).toHaveText('1 email could not be read and is not shown.');
  });

  test('keeps keyboard focus in the widget after Load older emails and its Retry are pressed with the keyboard', async ({ page }) => {
    let olderAttempts = 0;
    await mockApi(page, (call) => {
      if (call.cursor === null) return { json: apiPage([email({ id: 'newer', sent_at: T0 })], 'two') };
      if (call.cursor === 'two') {
        olderAttempts += 1;
        return olderAttempts === 1 ? { status: 500, body: '' } : { json: apiPage([email({ id: 'older', sent_at: T0 - DAY })], 'three') };
      }
      return { json: apiPage([email({ id: 'oldest', sent_at: T0 - 2 * DAY })], null) };
    });
    await openWidget(page);
    const w = widget(page);
    const focusInWidget = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return !!active && active !== document.body && !!active.closest('section.ch-root');
      });

    await w.loadOlder.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.ch-older .ch-error')).toBeVisible();
    expect(await focusInWidget(), 'focus after the older page failed').toBe(true);

    await page.locator('.ch-older button.ch-retry').focus();
    await page.keyboard.press('Enter');
    await expect(w.entry('older')).toBeVisible();
    expect(await focusInWidget(), 'focus after Retry loaded the older page').toBe(true);
  });
});
