import { apiPage, badgeIn, email, event, expect, mockApi, openWidget, test, widget, type ApiMock } from './support';
import type { Page } from '@playwright/test';

const DELIVERED_TIP = /mail server accepted the email/;
const BOUNCED_TIP = /rejected the email/;

async function openTwoEntries(page: Page): Promise<ApiMock> {
  const api = await mockApi(page, () => ({
    json: apiPage([
      email({ id: 'first', sent_at: 1796300000, events: [event('delivered', { timestamp: 1796300005 })] }),
      email({ id: 'second', sent_at: 1796200000, events: [event('bounce', { timestamp: 1796200005 })] }),
    ]),
  }));
  await openWidget(page);
  return api;
}

/** Presses Tab until `target` has keyboard focus (at most `max` presses). */
async function tabTo(page: Page, target: ReturnType<typeof badgeIn>['button'], max = 25) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the element');
}

test.describe('Badge tooltip', () => {
  test('the badge is described by its role=tooltip element, hidden until asked for', async ({ page }) => {
    await openTwoEntries(page);
    const first = badgeIn(widget(page).entry('first'));

    const tipId = await first.button.getAttribute('aria-describedby');
    expect(tipId).toBeTruthy();
    const tip = page.locator(`[id="${tipId}"]`);
    await expect(tip).toHaveCount(1);
    await expect(tip).toHaveAttribute('role', 'tooltip');
    await expect(tip).toHaveAttribute('hidden', '');
    await expect(tip).toBeHidden();
    // Each badge has a tooltip of its own.
    const second = badgeIn(widget(page).entry('second'));
    expect(await second.button.getAttribute('aria-describedby')).not.toBe(tipId);
    // The accessible description is the tooltip's text.
    await expect(first.button).toHaveAccessibleDescription(DELIVERED_TIP);
  });

  test('opens on hover, stays while the pointer is over it, and closes when the pointer leaves', async ({ page }) => {
    await openTwoEntries(page);
    const first = badgeIn(widget(page).entry('first'));

    await first.button.hover();
    await expect(first.tooltip).toBeVisible();
    await expect(first.tooltip).toHaveText(DELIVERED_TIP);
    await expect(first.tooltip).not.toHaveAttribute('hidden');

    // Moving onto the tooltip itself keeps it open.
    await first.tooltip.hover();
    await expect(first.tooltip).toBeVisible();

    await page.mouse.move(1, 1);
    await expect(first.tooltip).toBeHidden();
  });

  test('stays open while the pointer travels from the badge down onto the tooltip (WCAG 1.4.13 hoverable)', async ({ page }) => {
    await openTwoEntries(page);
    const first = badgeIn(widget(page).entry('first'));

    await first.button.hover();
    await expect(first.tooltip).toBeVisible();
    const badge = (await first.button.boundingBox())!;
    const tip = (await first.tooltip.boundingBox())!;
    // Move the way a hand does: through every pixel between the badge and the tooltip.
    const x = Math.min(Math.max(badge.x + badge.width / 2, tip.x + 4), tip.x + tip.width - 4);
    await page.mouse.move(x, badge.y + badge.height / 2);
    await page.mouse.move(x, tip.y + Math.min(10, tip.height / 2), { steps: 25 });
    // Once closed it does not come back by itself: no need to wait long.
    await expect(first.tooltip).toBeVisible({ timeout: 1_000 });
  });

  test('Escape closes a tooltip opened by hover', async ({ page }) => {
    await openTwoEntries(page);
    const first = badgeIn(widget(page).entry('first'));

    await first.button.hover();
    await expect(first.tooltip).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(first.tooltip).toBeHidden();
  });

  test('opens on keyboard focus with Tab, closes on Escape, and on blur when focus moves on', async ({ page }) => {
    await openTwoEntries(page);
    const first = badgeIn(widget(page).entry('first'));
    const second = badgeIn(widget(page).entry('second'));

    await tabTo(page, first.button);
    await expect(first.button).toBeFocused();
    await expect(first.tooltip).toBeVisible();
    await expect(first.tooltip).toHaveText(DELIVERED_TIP);

    await page.keyboard.press('Escape');
    await expect(first.tooltip).toBeHidden();
    await expect(first.button).toBeFocused();

    // Tab to the next badge: the first one blurs and its tooltip stays closed; the next opens.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(first.tooltip).toBeVisible();
    // Tab on (past the entry's other controls) to the next badge.
    await tabTo(page, second.button);
    await expect(second.button).toBeFocused();
    await expect(first.tooltip).toBeHidden();
    await expect(second.tooltip).toBeVisible();
    await expect(second.tooltip).toHaveText(BOUNCED_TIP);

    // Blur without focusing another badge.
    await second.button.evaluate((el) => (el as HTMLElement).blur());
    await expect(second.tooltip).toBeHidden();
  });
});
