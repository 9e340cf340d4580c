// Keyboard-only use: every control of the widget (alert action, filter chips, kind
// select, search, reset, badge tooltips, event trails, help) is reached with Tab /
// Shift+Tab and operated with Enter, Space, arrow keys and Escape. The mouse is never
// used. Every focused control shows a visible focus ring.

import type { Locator, Page } from '@playwright/test';
import { expect, mockApi, test } from './support';
import {
  bouncedHistory,
  expectVisibleFocusRing,
  insight,
  open,
  recordActions,
  recordedActions,
  trailIn,
  visibleIds,
} from './insight-support';

/** A short description of the focused element. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const cls = el.getAttribute('class') ?? '';
    const extra = el.getAttribute('data-filter-status') ?? el.getAttribute('data-action') ?? '';
    return `${el.tagName.toLowerCase()}.${cls.split(/\s+/).join('.')}${extra ? `[${extra}]` : ''}`;
  });
}

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/**
 * Presses `key` (Tab or Shift+Tab) until `target` has focus, at most `max` times. Each
 * press must move focus somewhere else, and every stop inside the widget must show a
 * focus ring.
 */
async function keyTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 30) {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    const before = await describeFocus(page);
    const beforeHandle = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press(key);
    const moved = await page.evaluate((prev) => document.activeElement !== prev, beforeHandle);
    await beforeHandle.dispose();
    const now = await describeFocus(page);
    path.push(now);
    expect(moved, `${key} moved focus away from ${before}`).toBe(true);
    const inWidget = await page.evaluate(() => !!document.activeElement?.closest('section.ch-root'));
    if (inWidget) await expectVisibleFocusRing(page, `${key} to ${now}`);
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} never reached the element; focus went through: ${path.join(' > ')}`);
}

async function openBounced(page: Page) {
  await mockApi(page, () => ({ json: bouncedHistory() }));
  await open(page);
  await recordActions(page);
  return insight(page);
}

test.describe('Keyboard only', () => {
  test('Tab visits every control of the widget in reading order, each with a visible focus ring; Shift+Tab goes back', async ({ page }) => {
    const w = await openBounced(page);
    const b1 = w.entry('b1');
    const d0 = w.entry('d0');
    const stops: Array<[string, Locator]> = [
      ['alert action', w.alertAction],
      ['bounced chip', w.chip('bounced')],
      ['delivered chip', w.chip('delivered')],
      ['kind select', w.kind],
      ['search', w.search],
      // Reset filters stays focusable (aria-disabled) so focus survives using it.
      ['reset', w.reset],
      ['b1 badge', b1.locator('button.ch-badge')],
      ['b1 update address', b1.locator('button.ch-action[data-action="update-email"]')],
      ['b1 send again', b1.locator('button.ch-action[data-action="resend"]')],
      ['b1 trail', trailIn(b1).toggle],
      ['d0 badge', d0.locator('button.ch-badge')],
      ['d0 trail', trailIn(d0).toggle],
      ['help', w.helpSummary],
    ];

    await keyTo(page, stops[0][1]);
    for (const [name, target] of stops.slice(1)) {
      await page.keyboard.press('Tab');
      expect(await isFocused(target), `Tab reaches ${name}, not ${await describeFocus(page)}`).toBe(true);
      await expectVisibleFocusRing(page, name);
    }
    for (const [name, target] of stops.slice(0, -1).reverse()) {
      await page.keyboard.press('Shift+Tab');
      expect(await isFocused(target), `Shift+Tab reaches ${name}, not ${await describeFocus(page)}`).toBe(true);
      await expectVisibleFocusRing(page, name);
    }
  });

  test('the alert action, filter chips, kind select, search and reset work from the keyboard', async ({ page }) => {
    const w = await openBounced(page);

    // The alert's "Update email address": Enter and Space each send one action.
    await keyTo(page, w.alertAction);
    await page.keyboard.press('Enter');
    await expect.poll(() => recordedActions(page)).toHaveLength(1);
    await page.keyboard.press('Space');
    await expect.poll(() => recordedActions(page)).toHaveLength(2);
    for (const action of await recordedActions(page)) {
      expect(action.detail).toEqual({ action: 'update-email', candidateId: 'cand_test', emailId: 'b1', recipient: 'ada@old.example' });
    }

    // A chip toggles with Space and with Enter.
    await keyTo(page, w.chip('bounced'));
    await page.keyboard.press('Space');
    await expect(w.chip('bounced')).toHaveAttribute('aria-pressed', 'true');
    await expect(w.matchCount).toHaveText('1 of 2 emails match');
    await expect.poll(() => visibleIds(page)).toEqual(['b1']);
    await expect(w.chip('bounced')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(w.chip('bounced')).toHaveAttribute('aria-pressed', 'false');
    await expect(w.matchCount).toHaveText('');
    await page.keyboard.press('Tab');
    await expect(w.chip('delivered')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(w.chip('delivered')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => visibleIds(page)).toEqual(['d0']);

    // The kind select changes with the arrow keys.
    await page.keyboard.press('Tab');
    await expect(w.kind).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(w.kind).toHaveValue('interview_invitation');
    await expect(w.noMatch).toHaveText('No emails match these filters.');
    await page.keyboard.press('ArrowDown');
    await expect(w.kind).toHaveValue('email_blast');
    await expect.poll(() => visibleIds(page)).toEqual(['d0']);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(w.kind).toHaveValue('');
    await expect(w.matchCount).toHaveText('1 of 2 emails match');

    // The search filters as it is typed.
    await page.keyboard.press('Tab');
    await expect(w.search).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(w.kind).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(w.search).toBeFocused();
    // With "delivered" still pressed, "thursday" (the bounced email's subject) matches nothing.
    await page.keyboard.type('thursday');
    await expect(w.search).toHaveValue('thursday');
    await expect(w.visibleEntries).toHaveCount(0);
    await expect(w.matchCount).toHaveText('0 of 2 emails match');

    // Reset filters, now enabled, is the next stop and clears everything.
    await page.keyboard.press('Tab');
    await expect(w.reset).toBeFocused();
    await expectVisibleFocusRing(page, 'reset');
    await page.keyboard.press('Enter');
    await expect(w.search).toHaveValue('');
    await expect(w.chip('delivered')).toHaveAttribute('aria-pressed', 'false');
    await expect(w.visibleEntries).toHaveCount(2);
    await expect(w.matchCount).toHaveText('');
    // Keyboard navigation carries on into the timeline.
    await keyTo(page, w.entry('b1').locator('button.ch-badge'), 'Tab', 5);
  });

  test('after Reset filters, keyboard focus stays in the widget (not lost to the page)', async ({ page }) => {
    const w = await openBounced(page);
    await keyTo(page, w.search);
    await page.keyboard.type('roles');
    await expect(w.matchCount).toHaveText('1 of 2 emails match');
    await page.keyboard.press('Tab');
    await expect(w.reset).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(w.matchCount).toHaveText('');

    // The button that had focus is disabled now; focus must not fall back to <body>.
    const focused = await describeFocus(page);
    expect(focused, 'focus after pressing Reset filters').not.toBe('body');
    expect(await page.evaluate(() => !!document.activeElement?.closest('section.ch-root')), `focus inside the widget (is on ${focused})`).toBe(true);
  });

  test('a badge tooltip, an event trail and the help panel work from the keyboard', async ({ page }) => {
    const w = await openBounced(page);
    const b1 = w.entry('b1');
    const badge = b1.locator('button.ch-badge');
    const tooltip = b1.locator('[role="tooltip"]');
    const trail = trailIn(b1);

    // Tooltip: opens on focus, Escape closes it, focus stays.
    await keyTo(page, badge);
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('rejected the email');
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
    await expect(badge).toBeFocused();

    // Trail: Enter opens it, Space closes it, Enter opens it again.
    await keyTo(page, trail.toggle);
    await expect(tooltip).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(trail.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(trail.list).toBeVisible();
    await expect(trail.events).toHaveCount(2);
    await expect(trail.toggle).toBeFocused();
    await page.keyboard.press('Space');
    await expect(trail.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(trail.list).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(trail.list).toBeVisible();
    await expect(trail.toggle).toHaveText('Hide delivery details');

    // Help: Enter opens the panel, Tab reaches its first question, Space opens it.
    await keyTo(page, w.helpSummary);
    await page.keyboard.press('Enter');
    await expect(w.help).toHaveAttribute('open', '');
    const question = w.help.locator('details.ch-help__topic > summary').first();
    await page.keyboard.press('Tab');
    await expect(question).toBeFocused();
    await expectVisibleFocusRing(page, 'help question');
    await page.keyboard.press('Space');
    await expect(w.help.locator('details.ch-help__topic').first()).toHaveAttribute('open', '');
    await expect(w.help.locator('details.ch-help__topic').first()).toContainText('mail server accepted the email');
    // Shift+Tab goes back to the panel's summary; Enter closes the panel.
    await page.keyboard.press('Shift+Tab');
    await expect(w.helpSummary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(w.help).not.toHaveAttribute('open', '');

    // Back up through the trail to the entry's actions without the mouse.
    await keyTo(page, b1.locator('button.ch-action[data-action="resend"]'), 'Shift+Tab', 6);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await recordedActions(page)).map((a) => a.detail.action)).toEqual(['resend']);
  });
});
