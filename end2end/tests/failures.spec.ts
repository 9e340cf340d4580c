import { apiPage, email, event, expect, mockApi, openWidget, test, widget } from './support';

test.describe('Why an email failed and what to do', () => {
  test.beforeEach(async ({ page }) => {
    await mockApi(page, () => ({
      json: apiPage([
        email({
          id: 'permanent',
          sent_at: 1796300000,
          events: [
            event('delivered', { timestamp: 1796300005 }),
            event('bounce', {
              timestamp: 1796300009,
              bounce_type: 'bounce',
              reason: '550 5.1.1 The email account that you tried to reach does not exist',
              bounce_classification: 'Invalid Address',
            }),
            event('processed', { timestamp: 1796300001 }),
          ],
        }),
        // SendGrid's own shape: the event in "event", the bounce type in "type".
        email({
          id: 'temporary',
          sent_at: 1796200000,
          events: [
            {
              event: 'bounce',
              type: 'blocked',
              timestamp: 1796200009,
              response: '421 4.7.0 Too many messages from this sender, try again later',
              bounce_classification: 'Reputation',
            },
            event('deferred', { timestamp: 1796200004, reason: '421 4.7.0 Try again later' }),
          ],
        }),
        email({ id: 'blocked_status', sent_at: 1796150000, status: 'blocked' }),
        email({
          id: 'dropped',
          sent_at: 1796100000,
          status: 'not_sent',
          events: [event('dropped', { timestamp: 1796100002, reason: 'Bounced Address' })],
        }),
        email({ id: 'delivered', sent_at: 1796000000, events: [event('delivered', { timestamp: 1796000005 })] }),
      ]),
    }));
    await openWidget(page);
  });

  test('a permanent bounce shows its classification, the SMTP reason and to verify the address', async ({ page }) => {
    const entry = widget(page).entry('permanent');
    await expect(entry.locator('button.ch-badge')).toHaveAttribute('data-status', 'bounced');
    const failure = entry.locator('.ch-failure');
    await expect(failure.locator('.ch-failure__kind')).toHaveText('Permanent bounce · Invalid Address');
    await expect(failure.locator('.ch-failure__diagnostic')).toHaveText(
      '550 5.1.1 The email account that you tried to reach does not exist',
    );
    await expect(failure.locator('.ch-failure__guidance')).toContainText('Verify the email address');
    await expect(failure.locator('.ch-failure__guidance')).not.toContainText('temporary');
  });

  test('a temporary block says it is temporary and that the address may be fine', async ({ page }) => {
    const failure = widget(page).entry('temporary').locator('.ch-failure');
    await expect(widget(page).entry('temporary').locator('button.ch-badge')).toHaveAttribute('data-status', 'bounced');
    await expect(failure.locator('.ch-failure__kind')).toHaveText('Temporary block · Reputation');
    await expect(failure.locator('.ch-failure__diagnostic')).toHaveText(
      '421 4.7.0 Too many messages from this sender, try again later',
    );
    await expect(failure.locator('.ch-failure__guidance')).toContainText('temporary');
    await expect(failure.locator('.ch-failure__guidance')).toContainText('the address may be fine');
  });

  test('status blocked with no events is a temporary block without a reason', async ({ page }) => {
    const failure = widget(page).entry('blocked_status').locator('.ch-failure');
    await expect(failure.locator('.ch-failure__kind')).toHaveText('Temporary block');
    await expect(failure.locator('.ch-failure__diagnostic')).toHaveCount(0);
    await expect(failure.locator('.ch-failure__guidance')).toContainText('temporary');
  });

  test('a dropped email shows the reason and to verify or update the address', async ({ page }) => {
    const entry = widget(page).entry('dropped');
    await expect(entry.locator('button.ch-badge')).toHaveAttribute('data-status', 'dropped');
    await expect(entry.locator('.ch-failure__diagnostic')).toHaveText('Bounced Address');
    await expect(entry.locator('.ch-failure__guidance')).toContainText('Verify or update the email address');
    // "Permanent bounce" / "Temporary block" describe bounces only.
    await expect(entry.locator('.ch-failure__kind')).toHaveCount(0);
  });

  test('an email that did not fail shows no failure details', async ({ page }) => {
    await expect(widget(page).entry('delivered').locator('.ch-failure')).toHaveCount(0);
  });
});
