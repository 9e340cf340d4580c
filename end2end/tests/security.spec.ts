import { apiPage, email, event, expect, mockApi, openWidget, test, widget } from './support';

const SUBJECT = '<img src=x onerror=alert(1)>';
const RECIPIENT = '"Ada" <ada@example.com><script>alert(2)</script><b>bold</b>';
const REASON = '550 <img src=x onerror=alert(3)> user unknown';
const KIND = '<svg onload=alert(4)>';

test.describe('Text from the network is shown as text', () => {
  test('a subject, recipient, kind and bounce reason with markup render literally, inert', async ({ page, guards }) => {
    // Any request for the injected image's "x" would prove an <img> was created.
    const imageRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/x(\?|$)/.test(new URL(request.url()).pathname)) imageRequests.push(request.url());
    });
    await mockApi(page, () => ({
      json: apiPage([
        email({
          id: 'hostile',
          kind: KIND,
          subject: SUBJECT,
          recipient: RECIPIENT,
          events: [event('bounce', { timestamp: 1796000009, reason: REASON, bounce_classification: '<i>Invalid</i>' })],
        }),
      ]),
    }));
    await openWidget(page);

    const entry = widget(page).entry('hostile');
    await expect(entry).toBeVisible();
    expect(await entry.locator('p.ch-subject').evaluate((el) => el.textContent)).toBe(SUBJECT);
    expect(await entry.locator('dd.ch-recipient').evaluate((el) => el.textContent)).toBe(RECIPIENT);
    expect(await entry.locator('.ch-failure__diagnostic').evaluate((el) => el.textContent)).toBe(REASON);
    await expect(entry.locator('.ch-failure__kind')).toHaveText('Permanent bounce · <i>Invalid</i>');
    await expect(entry.locator('.ch-kind')).toHaveText('Email');
    await expect(entry.locator('.ch-kind')).toHaveAttribute('data-kind', KIND);

    // No element was made from the markup anywhere in the widget.
    const root = widget(page).root;
    await expect(root.locator('img, script, svg, b, i')).toHaveCount(0);

    // Give an injected handler time to fire, then check that nothing did.
    await page.waitForTimeout(500);
    expect(guards.dialogs).toEqual([]);
    expect(imageRequests).toEqual([]);
  });
});
