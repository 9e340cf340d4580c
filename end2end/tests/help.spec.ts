import { apiPage, email, expect, mockApi, openWidget, test, widget } from './support';

test.describe('Help panel', () => {
  test.beforeEach(async ({ page }) => {
    await mockApi(page, () => ({ json: apiPage([email()]) }));
    await openWidget(page);
  });

  test('is closed by default and opens to show the FAQ when its summary is clicked', async ({ page }) => {
    const help = widget(page).help;
    const summary = help.locator('summary.ch-help__summary');
    const question = help.locator('summary', { hasText: 'Why Delivered but not Opened?' });

    await expect(summary).toHaveText('Help: email delivery');
    await expect(help).not.toHaveAttribute('open');
    await expect(question).toBeHidden();

    await summary.click();
    await expect(help).toHaveAttribute('open', '');
    await expect(question).toBeVisible();
    await expect(help.locator('summary', { hasText: 'Can I resend a bounced email?' })).toBeVisible();

    // A FAQ answer is itself a disclosure, closed until its question is opened.
    const answer = help.getByText(/Opens are detected with a tiny image/);
    await expect(answer).toBeHidden();
    await question.click();
    await expect(answer).toBeVisible();

    // Clicking the summary again closes the panel.
    await summary.click();
    await expect(help).not.toHaveAttribute('open');
    await expect(question).toBeHidden();
  });

  test('opens from the keyboard', async ({ page }) => {
    const help = widget(page).help;
    const summary = help.locator('summary.ch-help__summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(help).toHaveAttribute('open', '');
    await expect(help.locator('summary', { hasText: 'Why Delivered but not Opened?' })).toBeVisible();
  });

  test('explains every status a recruiter acts on', async ({ page }) => {
    const help = widget(page).help;
    await help.locator('summary.ch-help__summary').click();
    const legend = help.locator('.ch-help__statuses .ch-badge__label');
    await expect(legend).toHaveText(['Dropped', 'Bounced', 'Opened', 'Delivered', 'Delayed', 'Sending']);
  });
});
