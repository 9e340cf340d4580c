import { apiPage, email, expect, mockApi, openWidget, settled, test, widget } from './support';

test.describe('Errors loading the first page', () => {
  test('a server error shows a message with Retry, and Retry loads the history', async ({ page }) => {
    const api = await mockApi(page, (call) =>
      call.n === 1
        ? { status: 500, json: { error: { code: 'internal', message: 'boom' } } }
        : { json: apiPage([email({ id: 'after_retry' })]) },
    );
    await openWidget(page);

    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'server');
    await expect(w.error).toHaveAttribute('role', 'alert');
    await expect(w.error.locator('.ch-error__message')).toContainText('The server had a problem');
    await expect(w.list).toBeHidden();
    await expect(w.retry).toHaveText('Retry');

    await w.retry.click();
    await expect(w.entry('after_retry')).toBeVisible();
    await expect(w.error).toHaveCount(0);
    await expect(w.count).toHaveText('1 email');
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1].url.pathname).toBe(api.calls[0].url.pathname);
  });

  for (const status of [401, 403]) {
    test(`${status} tells the recruiter to sign in again and does not retry by itself`, async ({ page }) => {
      const api = await mockApi(page, () => ({ status, json: { error: { code: 'auth', message: 'no' } } }));
      await openWidget(page);

      const w = widget(page);
      await expect(w.error).toHaveAttribute('data-error', 'unauthorized');
      await expect(w.error.locator('.ch-error__message')).toContainText('sign in again', { ignoreCase: true });
      await expect(w.retry).toBeVisible();
      await page.waitForTimeout(1500);
      expect(api.calls).toHaveLength(1);
    });
  }

  test('404 says the candidate was not found', async ({ page }) => {
    await mockApi(page, () => ({ status: 404, body: '' }));
    await openWidget(page, 'cand_gone');

    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'not-found');
    await expect(w.error.locator('.ch-error__message')).toHaveText(/^Candidate not found/);
    await expect(w.empty).toHaveCount(0);
  });

  test('429 says when to try again from Retry-After', async ({ page }) => {
    await mockApi(page, () => ({ status: 429, headers: { 'Retry-After': '30' }, body: 'slow down', contentType: 'text/plain' }));
    await openWidget(page);

    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'rate-limited');
    await expect(w.error.locator('.ch-error__message')).toContainText('Try again in 30 seconds');
  });

  test('a failed connection says the server could not be reached, and Retry recovers', async ({ page }) => {
    await mockApi(page, (call) => (call.n === 1 ? { abort: true } : { json: apiPage([email({ id: 'back' })]) }));
    await openWidget(page);

    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'network');
    await expect(w.error.locator('.ch-error__message')).toContainText("Couldn't reach the server");
    await w.retry.click();
    await expect(w.entry('back')).toBeVisible();
    await expect(w.error).toHaveCount(0);
  });

  test('an answer that never comes becomes a timeout error after 15 seconds', async ({ page }) => {
    await page.clock.install();
    await mockApi(page, () => ({ hang: true }));
    await page.goto('/index.html?candidate=cand_test&api=/api/v1');

    const w = widget(page);
    await expect(page.locator('p.ch-status--loading[role="status"]')).toBeVisible();
    await page.clock.runFor(14_000);
    await expect(w.error).toHaveCount(0);
    await page.clock.runFor(1_500);
    await expect(w.error).toHaveAttribute('data-error', 'timeout');
    await expect(w.error.locator('.ch-error__message')).toContainText('took too long');
    await settled(page);
  });
});

test.describe('Loading and empty states', () => {
  test('shows a loading status until the page arrives', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await mockApi(page, async () => {
      await gate;
      return { json: apiPage([email({ id: 'late' })]) };
    });
    await page.goto('/index.html?candidate=cand_test&api=/api/v1');

    const w = widget(page);
    const loading = page.locator('p.ch-status--loading[role="status"]');
    await expect(loading).toBeVisible();
    await expect(page.locator('.ch-timeline')).toHaveAttribute('aria-busy', 'true');
    await expect(w.list).toBeHidden();
    release();
    await expect(w.entry('late')).toBeVisible();
    await expect(loading).toHaveCount(0);
    await settled(page);
  });

  test('an empty history says no emails have been sent', async ({ page }) => {
    await mockApi(page, () => ({ json: apiPage([]) }));
    await openWidget(page);

    const w = widget(page);
    await expect(w.empty).toHaveText('No emails have been sent to this candidate yet');
    await expect(w.list).toBeHidden();
    await expect(w.loadOlder).toHaveCount(0);
    await expect(w.error).toHaveCount(0);
  });
});
