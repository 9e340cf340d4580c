// A badge change in a long history touches only that entry's DOM.
//
// The widget is mounted through its JavaScript API with 1 000 emails on one page
// (pageSize 1000, polling off). `widget.refresh()` then reads the first page again,
// identical but for one email whose events now support another badge. A
// MutationObserver on the list (child lists, attributes and text, whole subtree)
// records every change the update makes: each one must lie inside that email's
// `li.ch-entry`. This is a count of DOM mutations, not a timing (see
// docs/performance.md).

import { test, expect, apiPage, email, event, mockApi, scrollThrough, steadyCount, type ApiEmail } from './support';

const COUNT = 1000;
const HOST_PATH = '/mutations-host.html';

/** A host page that mounts one widget with 1 000 emails per page and no polling. */
const HOST_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Contact History: DOM mutations of a live update</title>
<link rel="stylesheet" href="/contact-history.css">
<script type="module">
import init, { mount } from '/contact-history.js';
await init();
window.widget = mount(document.getElementById('mount'), {
  candidateId: 'cand_test',
  apiBase: '/api/v1',
  pageSize: ${COUNT},
  pollIntervalMs: 0,
});
</script>
</head>
<body><div id="mount"></div></body>
</html>`;

/** 1 000 emails, newest first, one a minute, with a mix of badges; the 500th is Delivered. */
function history(): ApiEmail[] {
  const newest = Date.parse('2026-11-30T12:00:00Z') / 1000;
  const kinds = ['interview_invitation', 'email_blast', 'interview_reminder', 'resume_reminder', 'deadline_reminder'];
  return Array.from({ length: COUNT }, (_, i) => {
    const id = `em_${String(COUNT - i).padStart(4, '0')}`;
    const sent = newest - i * 60 * 37; // several emails a day, over about a month
    const events = [event('processed', { timestamp: sent + 1, id: `${id}.p` }), event('delivered', { timestamp: sent + 5, id: `${id}.d` })];
    if (i % 10 === 3) events.push(event('open', { timestamp: sent + 600, id: `${id}.o` }));
    if (i % 97 === 7) {
      events.splice(1, 1, event('bounce', { timestamp: sent + 5, id: `${id}.b`, reason: '550 5.1.1 user unknown', bounce_classification: 'Invalid Address' }));
    }
    // Duplicates and disorder, as the provider sends them.
    events.reverse().push({ ...events[0] });
    return email({ id, kind: kinds[i % kinds.length], sent_at: sent, subject: `Update ${COUNT - i}`, events });
  });
}

/** The same history with email `id` given `extra` events. */
function withEvents(emails: ApiEmail[], id: string, extra: ApiEmail['events']): ApiEmail[] {
  return emails.map((e) => (e.id === id ? { ...e, events: [...(e.events ?? []), ...(extra ?? [])] } : e));
}

interface Mutation {
  type: string;
  /** The `data-email-id` of the entry the mutated node is in, or null outside any entry. */
  entry: string | null;
  node: string;
}

/** Starts recording every mutation under the list. */
async function observeList(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    const list = document.querySelector('ul.ch-list');
    if (!list) throw new Error('no list');
    const seen: Mutation[] = [];
    const describe = (record: MutationRecord): Mutation => {
      const node = record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : record.target.parentElement;
      const entry = node?.closest('li.ch-entry');
      const what = node ? `${node.localName}${node.className ? '.' + String(node.className).trim().replace(/\s+/g, '.') : ''}` : '(detached)';
      return {
        type: record.type === 'attributes' ? `attributes(${record.attributeName})` : record.type,
        // The list itself is in no entry: adding, removing or moving items there is not
        // a change confined to the one entry.
        entry: entry ? entry.getAttribute('data-email-id') : null,
        node: what,
      };
    };
    const observer = new MutationObserver((records) => records.forEach((r) => seen.push(describe(r))));
    observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    (window as unknown as { __mutations: () => Mutation[] }).__mutations = () => {
      observer.takeRecords().forEach((r) => seen.push(describe(r)));
      return seen;
    };
  });
}

async function mutations(page: import('@playwright/test').Page): Promise<Mutation[]> {
  return page.evaluate(() => (window as unknown as { __mutations: () => Mutation[] }).__mutations());
}

/** Lets late updates land: two frames and a short pause. */
async function quiet(page: import('@playwright/test').Page) {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 250)))),
  );
}

for (const change of [
  {
    name: 'Delivered → Opened (a person opened it)',
    to: 'opened',
    label: 'Opened',
    extra: (id: string, sent: number) => [event('open', { timestamp: sent + 3600, id: `${id}.new` })],
  },
  {
    name: 'Delivered → Bounced (the entry gains its failure details)',
    to: 'bounced',
    label: 'Bounced',
    extra: (id: string, sent: number) => [
      event('bounce', { timestamp: sent + 3600, id: `${id}.new`, reason: '550 5.2.1 mailbox disabled', bounce_type: 'bounce' }),
    ],
  },
]) {
  test(`one badge change in ${COUNT} entries touches only that entry's DOM: ${change.name}`, async ({ page }) => {
    test.setTimeout(60_000);
    const before = history();
    const target = before[500];
    expect(target.events?.some((e) => e.type === 'open' || e.type === 'bounce'), 'the target starts Delivered').toBe(false);
    const after = withEvents(before, target.id, change.extra(target.id, target.sent_at as number));
    let changed = false;
    const api = await mockApi(page, () => ({ json: apiPage(changed ? after : before) }));
    await page.route(`**${HOST_PATH}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: HOST_HTML }));

    await page.goto(HOST_PATH);
    const entries = page.locator('li.ch-entry');
    await expect(page.locator('.ch-count')).toHaveText(`${COUNT} emails`, { timeout: 30_000 });
    // The list renders entries as the reader nears its end: scroll down to the target.
    const entry = page.locator(`li.ch-entry[data-email-id="${target.id}"]`);
    await scrollThrough(page, async () => (await entry.count()) > 0);
    await entry.scrollIntoViewIfNeeded();
    const badge = entry.locator('button.ch-badge');
    await expect(badge).toHaveAttribute('data-status', 'delivered');
    await expect(page.locator('.ch-timeline')).toHaveAttribute('aria-busy', 'false');
    const rendered = await steadyCount(page);
    expect(rendered, 'the list holds the entries scrolled to, not all 1 000').toBeLessThan(COUNT);

    await observeList(page);
    changed = true;
    await page.evaluate(() => (window as unknown as { widget: { refresh(): void } }).widget.refresh());
    await expect(badge).toHaveAttribute('data-status', change.to, { timeout: 15_000 });
    await expect(badge.locator('.ch-badge__label')).toHaveText(change.label);
    await expect(entry).toHaveClass(new RegExp(`\\bch-entry--${change.to}\\b`));
    await quiet(page);
    const seen = await mutations(page);

    expect(api.calls.length, 'the refresh asked the API once more').toBe(2);
    expect(seen.length, 'the observer saw the badge change').toBeGreaterThan(0);
    const elsewhere = seen.filter((m) => m.entry !== target.id);
    expect(
      elsewhere.map((m) => `${m.type} on ${m.node} in ${m.entry ? `entry ${m.entry}` : 'the list itself'}`),
      `every mutation is inside entry ${target.id} (${seen.length} mutations in all)`,
    ).toEqual([]);
    await expect(entries).toHaveCount(rendered);
  });
}
