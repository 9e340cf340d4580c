import { apiPage, email, expect, mockApi, openWidget, shownIds, test, widget } from './support';

const UNREADABLE = /could not read/;

test.describe('Responses the widget cannot read', () => {
  test('a 200 whose body is not JSON shows the unreadable message, and Retry recovers', async ({ page }) => {
    await mockApi(page, (call) =>
      call.n === 1 ? { body: '{"emails": [ {"id": "x", ', contentType: 'application/json' } : { json: apiPage([email({ id: 'fine' })]) },
    );
    await openWidget(page);

    const w = widget(page);
    await expect(w.error).toHaveAttribute('data-error', 'unreadable');
    await expect(w.error.locator('.ch-error__message')).toHaveText(UNREADABLE);
    await w.retry.click();
    await expect(w.entry('fine')).toBeVisible();
    await expect(w.error).toHaveCount(0);
  });

  const wrongShapes: [string, string][] = [
    ['an HTML page', '<!doctype html><title>Sign in</title><p>Please sign in</p>'],
    ['a JSON array', JSON.stringify([email()])],
    ['an object without emails', JSON.stringify({ candidate_id: 'cand_test', items: [] })],
    ['emails that are not a list', JSON.stringify({ candidate_id: 'cand_test', emails: { id: 'x' } })],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ];
  for (const [name, body] of wrongShapes) {
    test(`a 200 with ${name} shows the unreadable message`, async ({ page }) => {
      await mockApi(page, () => ({ body, contentType: 'application/json' }));
      await openWidget(page);

      const w = widget(page);
      await expect(w.error).toHaveAttribute('data-error', 'unreadable');
      await expect(w.error.locator('.ch-error__message')).toHaveText(UNREADABLE);
      await expect(w.list).toBeHidden();
      await expect(w.empty).toHaveCount(0);
    });
  }
});

test.describe('Malformed emails inside a good page', () => {
  test('skips one malformed email, shows the good ones, and says one was not shown', async ({ page }) => {
    const { id: _dropId, ...withoutId } = email();
    await mockApi(page, () => ({
      json: apiPage([
        email({ id: 'good_new', sent_at: '2026-12-02T10:00:00Z' }),
        withoutId,
        email({ id: 'good_old', sent_at: 1796000000 }),
      ]),
    }));
    await openWidget(page);

    const w = widget(page);
    expect(await shownIds(page)).toEqual(['good_new', 'good_old']);
    await expect(w.skipped).toHaveText('1 email could not be read and is not shown.');
    await expect(w.count).toHaveText('2 emails');
    await expect(w.error).toHaveCount(0);
  });

  test('skips every email missing a required field or with a wrong type, and counts them', async ({ page }) => {
    const malformed: unknown[] = [
      { kind: 'email_blast', recipient: 'a@example.com', sent_at: 1796000000 }, // no id
      email({ kind: undefined }), // no kind
      email({ recipient: undefined }), // no recipient
      email({ sent_at: undefined }), // no sent_at
      email({ kind: 42 as unknown as string }), // kind of the wrong type
      email({ recipient: ['a@example.com'] as unknown as string }), // recipient of the wrong type
      email({ sent_at: 'yesterday' }), // not RFC 3339
      email({ sent_at: true as unknown as number }), // sent_at of the wrong type
      'not an email',
      null,
    ];
    await mockApi(page, () => ({
      json: apiPage([email({ id: 'survivor', sent_at: 1796000000 }), ...malformed, email({ id: 'other', sent_at: 1795000000 })]),
    }));
    await openWidget(page);

    const w = widget(page);
    expect(await shownIds(page)).toEqual(['survivor', 'other']);
    await expect(w.skipped).toHaveText(`${malformed.length} emails could not be read and are not shown.`);
  });

  test('tolerates unknown fields, unknown events and a missing next_cursor', async ({ page }) => {
    await mockApi(page, () => ({
      json: {
        candidate_id: 'cand_test',
        emails: [
          email({
            id: 'extra',
            future_field: { nested: [1, 2, 3] },
            events: [
              { type: 'delivered', timestamp: 1796000005, brand_new_field: 'x' },
              { type: 'teleported', timestamp: 1796000010 },
              { no_type_at_all: true },
            ],
          }),
        ],
      },
    }));
    await openWidget(page);

    const w = widget(page);
    await expect(w.entry('extra').locator('button.ch-badge')).toHaveAttribute('data-status', 'delivered');
    await expect(w.skipped).toHaveCount(0);
    await expect(w.loadOlder).toHaveCount(0);
  });
});
