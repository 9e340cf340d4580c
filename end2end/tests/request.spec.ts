import { apiPage, email, expect, mockApi, openWidget, test, widget } from './support';

test.describe('The request to the API', () => {
  test('asks for the percent-encoded candidate path with a limit, JSON and no Authorization header', async ({ page }) => {
    const api = await mockApi(page, () => ({ json: apiPage([email({ id: 'only' })]) }));
    await openWidget(page, 'cand 7/Ä');

    await expect(widget(page).entry('only')).toBeVisible();
    expect(api.calls).toHaveLength(1);
    const [call] = api.calls;
    // The id is one path segment: the space, the slash and the UTF-8 bytes of Ä are encoded.
    expect(call.url.pathname).toBe('/api/v1/candidates/cand%207%2F%C3%84/emails');
    expect(call.url.searchParams.get('limit')).toBe('50');
    expect(call.url.searchParams.has('cursor')).toBe(false);
    expect(call.request.method()).toBe('GET');

    const headers = await call.request.allHeaders();
    expect(headers['accept']).toBe('application/json');
    expect(headers['authorization']).toBeUndefined();
  });

  test('joins an API base given with a trailing slash without doubling it', async ({ page }) => {
    const api = await mockApi(page, () => ({ json: apiPage([]) }));
    await openWidget(page, 'cand_7Hq2', '/api/v1/');

    await expect(widget(page).empty).toBeVisible();
    expect(api.calls.map((c) => c.url.pathname)).toEqual(['/api/v1/candidates/cand_7Hq2/emails']);
  });

  test('asks only once for a page that loads', async ({ page }) => {
    const api = await mockApi(page, () => ({ json: apiPage([email()]) }));
    await openWidget(page);
    await expect(widget(page).entries).toHaveCount(1);
    await page.waitForTimeout(300);
    expect(api.calls).toHaveLength(1);
  });
});
