// Generated contact histories for the benchmark: deterministic (seeded), shaped like the
// contract's JSON (../shared/api/CONTRACT.md) and like real provider data: several
// events per email, duplicates sharing an id, out of order, SendGrid aliases (`event`,
// `sg_event_id`, `response`, `sg_machine_open`, a bounce's `type`), RFC 3339 and Unix
// second times, a server `status` that is sometimes missing or behind the events, and
// every badge (mostly Delivered and Opened, a few Bounced, Dropped, Delayed, Sending,
// Unknown).
//
//   node bench/gen.mjs [--write]   prints a summary; --write also writes
//                                  bench/data/history-10000.json for `cargo bench`

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** mulberry32: a small, fast, seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const KINDS = [
  ['interview_invitation', 30],
  ['email_blast', 25],
  ['interview_reminder', 20],
  ['resume_reminder', 10],
  ['deadline_reminder', 13],
  ['offer_letter', 2], // not in the contract: shown as "Email"
];

const SUBJECTS = {
  interview_invitation: (r) => `Interview invitation: ${r.pick(ROLES)} (round ${1 + r.below(3)})`,
  email_blast: (r) => `${r.pick(['New roles this week', 'Hiring event in Berlin', 'Our engineering blog', 'Open day'])}: ${r.pick(ROLES)}`,
  interview_reminder: (r) => `Reminder: your interview for ${r.pick(ROLES)} is tomorrow at ${9 + r.below(8)}:00`,
  resume_reminder: (r) => `Please upload your résumé for ${r.pick(ROLES)}`,
  deadline_reminder: (r) => `Only ${1 + r.below(6)} days left to apply: ${r.pick(ROLES)}`,
  offer_letter: (r) => `Your offer for ${r.pick(ROLES)}`,
};

const ROLES = [
  'Senior Backend Engineer', 'Product Designer', 'Data Analyst', 'Engineering Manager',
  'Site Reliability Engineer', 'Technical Writer', 'QA Engineer', 'Frontend Developer',
];

const BOUNCES = [
  ['550 5.1.1 The email account that you tried to reach does not exist.', 'Invalid Address', 'bounce'],
  ['552 5.2.2 The recipient\'s mailbox is full and can\'t accept messages now.', 'Mailbox Unavailable', 'blocked'],
  ['421 4.7.28 Unusual rate of unsolicited mail originating from your IP; try again later.', 'Reputation', 'blocked'],
  ['554 5.7.1 Message rejected due to content restrictions.', 'Content', 'bounce'],
];

const DROPS = ['Bounced Address', 'Unsubscribed Address', 'Spam Reporting Address', 'Invalid'];

function pickWeighted(r, table) {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let x = r.next() * total;
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1][0];
}

function rfc3339(seconds) {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `count` emails, newest first, the newest sent a few minutes before `now` (ms), one
 * every few hours on average before that.
 */
export function generateHistory(count, { seed = 7, now = Date.now() } = {}) {
  const r = rng(seed * 1_000_003 + count);
  let sent = Math.floor(now / 1000) - 300;
  const emails = [];
  for (let i = 0; i < count; i++) {
    const id = `em_${String(count - i).padStart(6, '0')}`;
    const kind = pickWeighted(r, KINDS);
    const events = [];
    let k = 0;
    // One provider event; a fifth use SendGrid's own field names.
    const ev = (type, at, extra = {}) => {
      const alias = r.chance(0.2);
      const e = alias ? { event: type } : { type };
      e.timestamp = r.chance(0.5) ? at : rfc3339(at);
      e[alias ? 'sg_event_id' : 'id'] = `${id}.${k++}`;
      for (const [key, value] of Object.entries(extra)) {
        if (alias && key === 'reason') e.response = value;
        else if (alias && key === 'machine_open') e.sg_machine_open = value;
        else if (alias && key === 'bounce_type') e.type = value;
        else e[key] = value;
      }
      events.push(e);
    };
    const outcome = pickWeighted(r, [
      ['delivered', 45], ['opened', 25], ['machine', 6], ['deferred', 6], ['bounced', 7],
      ['dropped', 4], ['sending', 4], ['status_only', 3],
    ]);
    let status;
    switch (outcome) {
      case 'delivered':
        ev('processed', sent + 1);
        if (r.chance(0.15)) ev('deferred', sent + 2, { reason: '450 4.2.1 Mailbox busy, try again later.' });
        ev('delivered', sent + 3 + r.below(60));
        status = r.pick(['delivered', 'delivered', 'sent']);
        break;
      case 'opened':
        ev('processed', sent + 1);
        ev('delivered', sent + 4 + r.below(60));
        ev('open', sent + 120 + r.below(86_400));
        if (r.chance(0.4)) ev('click', sent + 200 + r.below(86_400), { url: `https://careers.example.com/jobs/${r.below(900) + 100}?utm_source=email` });
        if (r.chance(0.3)) ev('open', sent + 90_000 + r.below(86_400));
        status = r.pick(['opened', 'delivered', 'clicked']);
        break;
      case 'machine':
        ev('processed', sent + 1);
        ev('delivered', sent + 4 + r.below(60));
        ev('open', sent + 5 + r.below(30), { machine_open: true });
        status = 'delivered';
        break;
      case 'deferred':
        ev('processed', sent + 1);
        ev('deferred', sent + 60 + r.below(600), { reason: '421 4.7.0 Try again later, closing connection.' });
        if (r.chance(0.5)) ev('deferred', sent + 1_800 + r.below(600), { reason: '451 4.3.2 Please try again later.' });
        status = 'deferred';
        break;
      case 'bounced': {
        const [reason, classification, type] = r.pick(BOUNCES);
        ev('processed', sent + 1);
        ev('bounce', sent + 5 + r.below(60), { reason, bounce_type: type, bounce_classification: classification });
        status = type === 'blocked' ? 'blocked' : 'bounced';
        break;
      }
      case 'dropped':
        ev('dropped', sent + 1, { reason: r.pick(DROPS) });
        status = 'dropped';
        break;
      case 'sending':
        ev('processed', sent + 1);
        status = r.pick(['processed', 'queued']);
        break;
      default:
        status = r.pick(['delivered', 'queued', 'in_review']); // in_review: Unknown
    }
    // Providers deliver duplicates (same id) and out of order.
    for (let d = 0; d < 2 && events.length > 0 && r.chance(0.55); d++) events.push({ ...events[r.below(events.length)] });
    for (let j = events.length - 1; j > 0; j--) {
      const x = r.below(j + 1);
      [events[j], events[x]] = [events[x], events[j]];
    }
    const email = {
      id,
      kind,
      recipient: r.chance(0.9) ? 'ada.lovelace@example.com' : 'ada@work.example.org',
      sent_at: r.chance(0.25) ? sent : rfc3339(sent),
    };
    const subject = r.next();
    if (subject < 0.03) email.subject = '';
    else if (subject >= 0.05) email.subject = SUBJECTS[kind](r);
    if (r.chance(0.8)) email.status = status;
    if (events.length > 0 || r.chance(0.5)) email.events = events;
    emails.push(email);
    sent -= 60 + r.below(8 * 3600);
  }
  return emails;
}

/** The API's pages for a history: `{ cursor -> page }`, the first page under `null`. */
export function paginate(emails, pageSize, candidateId) {
  const pages = new Map();
  const count = Math.max(1, Math.ceil(emails.length / pageSize));
  for (let p = 0; p < count; p++) {
    const cursor = p === 0 ? null : `c${p}.${candidateId}`;
    const next = p + 1 < count ? `c${p + 1}.${candidateId}` : null;
    pages.set(cursor, {
      candidate_id: candidateId,
      emails: emails.slice(p * pageSize, (p + 1) * pageSize),
      next_cursor: next,
    });
  }
  return pages;
}

/**
 * The same history with one email's badge changed: the newest Delivered email (no
 * failure, no machine open) gains a person's `open`, so it becomes Opened.
 */
export function withOneBadgeChanged(emails) {
  const i = emails.findIndex(
    (e) =>
      (e.events ?? []).some((x) => (x.type ?? x.event) === 'delivered') &&
      (e.events ?? []).every((x) => ['processed', 'delivered'].includes(x.type ?? x.event)) &&
      (e.status === undefined || e.status === 'delivered' || e.status === 'sent'),
  );
  if (i < 0) throw new Error('no Delivered email to change');
  const changed = emails.slice();
  const email = { ...emails[i] };
  const sent = typeof email.sent_at === 'number' ? email.sent_at : Date.parse(email.sent_at) / 1000;
  email.events = [...email.events, { type: 'open', timestamp: sent + 3_600, id: `${email.id}.open` }];
  changed[i] = email;
  return { emails: changed, id: email.id, from: 'delivered', to: 'opened' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const emails = generateHistory(10_000);
  const pages = [...paginate(emails, 1000, 'cand_bench').values()];
  const json = JSON.stringify({ pages });
  const events = emails.reduce((n, e) => n + (e.events?.length ?? 0), 0);
  console.log(`10000 emails, ${events} events (${(events / emails.length).toFixed(2)} per email), ${json.length} bytes of JSON in ${pages.length} pages`);
  if (process.argv.includes('--write')) {
    const out = join(HERE, 'data', 'history-10000.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, json);
    console.log(`wrote ${out}`);
  }
}
