// The practical limit: the same widget written by hand in plain JavaScript, with no
// framework, no virtual DOM and no WebAssembly. It fetches the same JSON (same URLs),
// decodes it as tolerantly, derives every badge from the events by the contract's rank
// table, and builds the same DOM (elements, classes, attributes and text per entry, and
// the same chrome around the list) with direct DOM calls. Live updates are keyed by
// email id and patch only what changed, which is the least DOM work possible.
//
// It is what the widget is measured against (bench/run.mjs checks that both pages
// produce the same DOM before timing them). Keep it in step with the widget's markup.
'use strict';

const T = {
  title: 'Contact history',
  listLabel: 'Contact history',
  loading: 'Loading contact history…',
  loadingOlder: 'Loading older emails…',
  loadOlder: 'Load older emails',
  noSubject: '(no subject)',
  to: 'To',
  sent: 'Sent',
  reason: 'Reason',
  whatToDo: 'What to do',
  status: 'Status',
  machineNote:
    'Opened automatically by a mail privacy proxy (such as Apple Mail Privacy Protection). This is not proof that a person read it.',
  updateEmail: 'Update email address',
  resend: 'Send again',
  badges: ['Unknown', 'Sending', 'Delayed', 'Delivered', 'Opened', 'Bounced', 'Dropped'],
  badgeWords: ['unknown', 'sending', 'delayed', 'delivered', 'opened', 'bounced', 'dropped'],
  descriptions: [
    'The delivery service reported a status this page does not recognise. Check again later.',
    'The email has been handed to the delivery service and is on its way. This usually takes seconds to a few minutes.',
    "The recipient's mail server has not accepted the email yet. The delivery service keeps retrying, for up to 72 hours.",
    "The recipient's mail server accepted the email. Delivered but not Opened does not mean unread: many mail apps block the images used to detect opens, and privacy proxies can open mail automatically.",
    'The email was opened or a link in it was clicked. Opens are detected with an image, so they are a good sign but not a guarantee that it was read.',
    "The recipient's mail server rejected the email, so it never reached the inbox.",
    'The delivery service did not send the email, usually because this address bounced before, unsubscribed or marked an email as spam.',
  ],
  bouncePermanent: 'Permanent bounce',
  bounceTemporary: 'Temporary block',
  guidancePermanent:
    'Verify the email address with the candidate or update it, then send again. Until then, contact the candidate another way, such as by phone.',
  guidanceTemporary:
    'This was a temporary block: the address may be fine. Try sending again later; if it keeps happening, contact the candidate another way.',
  guidanceDropped:
    'Verify or update the email address. If the candidate unsubscribed or reported spam, contact them another way, such as by phone.',
  kinds: {
    interview_invitation: 'Interview invitation',
    email_blast: 'Email blast',
    interview_reminder: 'Interview reminder',
    resume_reminder: 'Resume upload request',
    deadline_reminder: 'Deadline reminder',
  },
  otherKind: 'Email',
  trailHide: 'Hide delivery details',
  trailLabel: 'Delivery events, oldest first',
  filtersLabel: 'Filter emails',
  filterKind: 'Type of email',
  filterKindAll: 'All types',
  searchLabel: 'Search subject and recipient',
  resetFilters: 'Reset filters',
  alertLabel: 'Delivery problem',
  help: {
    title: 'Help: email delivery',
    faq: 'Frequently asked questions',
    statuses: 'What each status means',
    bounces: 'What to do about bounces and drops',
    tips: 'Tips for better delivery',
    topics: [
      ['Why Delivered but not Opened?', [
        "Delivered means the candidate's mail server accepted the email. Opens are detected with a tiny image, and many mail apps block images by default, so a candidate can read an email without it ever showing Opened.",
        'Some mail apps also open every email automatically through a privacy proxy. Those opens are marked, because they do not prove that a person read it.',
      ]],
      ['Can I resend a bounced email?', [
        'Yes, once the cause is fixed. For a permanent bounce, first verify the address with the candidate or update it: sending again to the same wrong address bounces again and harms delivery of your other emails.',
        'For a temporary block (the reason often mentions a rate limit or a full mailbox) the address may be fine: try again later.',
      ]],
      ['What is the difference between Bounced and Dropped?', [
        "Bounced: the email was sent, but the candidate's mail server rejected it. Dropped: the delivery service did not send it at all, usually because the address bounced before, unsubscribed or reported an email as spam.",
      ]],
      ['Why is an email still Sending or Delayed?', [
        'Sending usually lasts seconds. Delayed means the receiving server asked the delivery service to try later; it keeps retrying for up to 72 hours before giving up, and the status then changes to Delivered or Bounced.',
      ]],
    ],
    bounceAdvice: [
      'Bounced (permanent): check the address for typos, confirm it with the candidate by phone or another channel, and update it before sending again.',
      'Bounced (temporary block): the receiving server refused the email for now. Wait a few hours and send again.',
      'Dropped: the address is on a suppression list because of an earlier bounce, unsubscribe or spam report. Update the address, or reach the candidate another way.',
    ],
    reduceBounces: 'Reduce bounces',
    reduceBouncesList: [
      "Confirm the candidate's email address when you first speak with them.",
      'Fix obvious typos (gmial.com, hotmial.com) before sending.',
      'Do not resend to an address that bounced permanently; update it first.',
    ],
    openRates: 'Improve open rates',
    openRatesList: [
      'Write a clear, specific subject that names the role and the next step.',
      'Send when candidates read mail: weekday mornings in their time zone work well.',
      'Keep email blasts relevant and infrequent, so candidates keep opening your emails.',
    ],
  },
};
const plural = (n, one, many) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
const BADGE_NAMES = ['unknown', 'sending', 'delayed', 'delivered', 'opened', 'bounced', 'dropped'];
const ICONS = ['?', '↻', '⏱', '✓', '👁', '✕', '⚠'];
const [UNKNOWN, SENDING, DELAYED, DELIVERED, OPENED, BOUNCED, DROPPED] = [0, 1, 2, 3, 4, 5, 6];
const STATUS_RANK = {
  dropped: 6, not_sent: 6, suppressed: 6, bounce: 5, bounced: 5, blocked: 5, open: 4, opened: 4,
  click: 4, clicked: 4, delivered: 3, deferred: 2, delayed: 2, queued: 1, processed: 1, sent: 1,
};
const RECOGNISED = new Set([
  'processed', 'deferred', 'delivered', 'open', 'click', 'bounce', 'dropped', 'spamreport',
  'unsubscribe', 'group_unsubscribe', 'group_resubscribe',
]);

// ---------------------------------------------------------------------------------
// Decoding (tolerant, as the contract asks) and derivation.

const text = (v) => (typeof v === 'string' ? v : null);
const opaque = (v) => {
  const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
  return s ? s : null;
};
function instant(v) {
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? null : ms;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return Number.isInteger(v) ? v * 1000 : Math.round(v * 1000);
  return null;
}
const truthy = (v) => v === true || v === 1 || v === 'true';

function decodeEvent(o) {
  if (!o || typeof o !== 'object') return null;
  let kind;
  let typeIsBounceType = false;
  if (typeof o.event === 'string') {
    kind = o.event;
    typeIsBounceType = true;
  } else if (typeof o.type === 'string') kind = o.type;
  else return null;
  let bounceType = o.bounce_type === 'bounce' || o.bounce_type === 'blocked' ? o.bounce_type : null;
  if (!bounceType && typeIsBounceType && (o.type === 'bounce' || o.type === 'blocked')) bounceType = o.type;
  return {
    kind,
    at: o.timestamp == null ? null : instant(o.timestamp),
    id: opaque(o.id) ?? opaque(o.sg_event_id),
    reason: text(o.reason) ?? text(o.response),
    bounceType,
    classification: text(o.bounce_classification),
    machine: truthy(o.machine_open) || truthy(o.sg_machine_open),
    url: text(o.url),
  };
}

function decodeEmail(o) {
  if (!o || typeof o !== 'object') return null;
  const id = opaque(o.id);
  const kind = text(o.kind);
  const recipient = text(o.recipient);
  const sentAt = o.sent_at == null ? null : instant(o.sent_at);
  if (id === null || kind === null || recipient === null || sentAt === null) return null;
  const events = [];
  if (Array.isArray(o.events)) {
    for (const raw of o.events) {
      const e = decodeEvent(raw);
      if (e) events.push(e);
    }
  }
  return { id, kind, recipient, subject: text(o.subject), sentAt, status: text(o.status), events };
}

function evidence(e) {
  switch (e.kind) {
    case 'dropped': return DROPPED;
    case 'bounce': return BOUNCED;
    case 'click': return OPENED;
    case 'open': return e.machine ? DELIVERED : OPENED;
    case 'delivered': case 'spamreport': case 'unsubscribe': return DELIVERED;
    case 'deferred': return DELAYED;
    case 'processed': return SENDING;
    default: return -1;
  }
}

const eventKey = (e) => (e.id !== null ? `#${e.id}` : `${e.kind}|${e.at}|${e.reason}|${e.bounceType}|${e.classification}|${e.machine}|${e.url}`);

/** The latest event of `kind` with a non-blank `field` (by time; untimed count as latest). */
function latestWith(events, kind, field) {
  let found = null;
  for (const e of events) {
    if (e.kind !== kind || !e[field] || !e[field].trim()) continue;
    if (found === null || (found.at !== null && (e.at === null || e.at >= found.at))) found = e;
  }
  return found ? found[field] : null;
}

/** The badge and what the entry says about delivery, by the contract's rank table. */
function derive(email) {
  let best = -1;
  let recognised = false;
  let machineOpen = false;
  const seen = new Set();
  for (const e of email.events) {
    const r = evidence(e);
    if (r > best) best = r;
    if (RECOGNISED.has(e.kind)) recognised = true;
    if (e.kind === 'open' && e.machine) machineOpen = true;
    seen.add(eventKey(e));
  }
  const status = email.status === null ? undefined : STATUS_RANK[email.status] ?? null;
  let badge;
  if (best >= 0 && status != null) badge = Math.max(best, status);
  else if (best >= 0) badge = best;
  else if (status != null) badge = status;
  else if (status === null && !recognised) badge = UNKNOWN;
  else badge = SENDING;
  let failure = null;
  if (badge === BOUNCED) {
    const bounces = email.events.filter((e) => e.kind === 'bounce');
    const temporary = bounces.length === 0 ? email.status === 'blocked' : bounces.every((e) => e.bounceType === 'blocked');
    failure = { reason: latestWith(email.events, 'bounce', 'reason'), classification: latestWith(email.events, 'bounce', 'classification'), temporary };
  } else if (badge === DROPPED) {
    failure = { reason: latestWith(email.events, 'dropped', 'reason'), classification: latestWith(email.events, 'dropped', 'classification'), temporary: false };
  }
  return { badge, machineOnly: badge === DELIVERED && machineOpen, failure, eventCount: seen.size };
}

const kindLabel = (kind) => T.kinds[kind] ?? T.otherKind;
const KIND_ORDER = new Map(Object.keys(T.kinds).map((kind, i) => [kind, i]));
const guidance = (badge, failure) =>
  badge === BOUNCED ? (failure.temporary ? T.guidanceTemporary : T.guidancePermanent) : badge === DROPPED ? T.guidanceDropped : '';

// ---------------------------------------------------------------------------------
// Dates: the browser's Intl, in the browser's locale and time zone.

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
});
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
const dayHeadingFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const dayKeys = new Map();
function dayKey(ms) {
  let key = dayKeys.get(ms);
  if (key === undefined) {
    key = dayKeyFormat.format(ms);
    dayKeys.set(ms, key);
  }
  return key;
}

function dayHeading(ms, now) {
  const day = dayKey(ms);
  if (dayKey(now) === day) return capitalise(relativeFormat.format(0, 'day'));
  if (dayKey(now - 86_400_000) === day) return capitalise(relativeFormat.format(-1, 'day'));
  return dayHeadingFormat.format(ms);
}
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const UNITS = [[31_536_000, 'year'], [2_592_000, 'month'], [604_800, 'week'], [86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
function relative(ms, now) {
  const seconds = (ms - now) / 1000;
  for (const [size, unit] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat.format(0, 'second');
}

// ---------------------------------------------------------------------------------
// DOM.

let nextId = 1;
const uid = (prefix) => `${prefix}-${nextId++}`;

function el(tag, className, textContent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (textContent !== undefined) node.textContent = textContent;
  return node;
}

function button(className) {
  const b = el('button', className);
  b.type = 'button';
  return b;
}

function term(label) {
  return el('span', 'ch-failure__term', `${label}: `);
}

function failureDetails(entry) {
  const { email, delivery } = entry;
  const { badge, failure } = delivery;
  const box = el('div', 'ch-failure');
  if (badge === BOUNCED) {
    let kind = failure.temporary ? T.bounceTemporary : T.bouncePermanent;
    if (failure.classification) kind += ` · ${failure.classification}`;
    box.append(el('p', 'ch-failure__kind', kind));
  }
  if (failure.reason !== null) {
    const p = el('p', 'ch-failure__reason');
    p.append(term(T.reason), el('span', 'ch-failure__diagnostic', failure.reason));
    box.append(p);
  }
  const what = el('p', 'ch-failure__guidance');
  what.append(term(T.whatToDo), guidance(badge, failure));
  const actions = el('div', 'ch-actions');
  for (const [action, label] of [['update-email', T.updateEmail], ['resend', T.resend]]) {
    const b = button('ch-button ch-button--secondary ch-action');
    b.dataset.action = action;
    b.setAttribute('aria-label', `${label}: ${kindLabel(email.kind)} to ${email.recipient}`);
    b.textContent = label;
    actions.append(b);
  }
  box.append(what, actions);
  return box;
}

function tooltipLines(tip, delivery) {
  tip.textContent = '';
  tip.append(el('span', 'ch-tooltip__line', T.descriptions[delivery.badge]));
  if (delivery.machineOnly) tip.append(el('span', 'ch-tooltip__line', T.machineNote));
}

/** Builds one entry; returns the row with the nodes a live update may patch. */
function buildEntry(entry, heading, now) {
  const { email, delivery } = entry;
  const badgeName = BADGE_NAMES[delivery.badge];
  const li = el('li', `ch-entry ch-entry--${badgeName}`);
  li.dataset.emailId = email.id;
  const row = { li, entry, heading: null, headingNode: null };
  setHeading(row, heading);
  const card = el('div', 'ch-entry__card');
  const head = el('div', 'ch-entry__head');
  const kind = el('span', 'ch-kind', kindLabel(email.kind));
  kind.dataset.kind = email.kind;
  const wrap = el('span', 'ch-badge-wrap');
  const badge = button(`ch-badge ch-badge--${badgeName}`);
  badge.dataset.status = badgeName;
  const tipId = uid('ch-tip');
  badge.setAttribute('aria-describedby', tipId);
  const icon = el('span', 'ch-badge__icon', ICONS[delivery.badge]);
  icon.setAttribute('aria-hidden', 'true');
  const label = el('span', 'ch-badge__label', T.badges[delivery.badge]);
  badge.append(icon, el('span', 'ch-visually-hidden', `${T.status}: `), label);
  const tip = el('span', 'ch-tooltip');
  tip.setAttribute('role', 'tooltip');
  tip.id = tipId;
  tip.hidden = true;
  tooltipLines(tip, delivery);
  wrap.append(badge, tip);
  head.append(kind, wrap);
  const subjectText = email.subject && email.subject.trim() ? email.subject : null;
  const subject = el('p', subjectText ? 'ch-subject' : 'ch-subject ch-subject--empty', subjectText ?? T.noSubject);
  const meta = el('dl', 'ch-meta');
  const to = el('div', 'ch-meta__item');
  to.append(el('dt', undefined, T.to), el('dd', 'ch-recipient', email.recipient));
  const sent = el('div', 'ch-meta__item');
  const dd = el('dd');
  const time = el('time', undefined, dateTime.format(email.sentAt));
  time.setAttribute('datetime', iso(email.sentAt));
  dd.append(time, el('span', 'ch-relative', relative(email.sentAt, now)));
  sent.append(el('dt', undefined, T.sent), dd);
  meta.append(to, sent);
  card.append(head, subject, meta);
  const failure = delivery.failure ? failureDetails(entry) : null;
  if (failure) card.append(failure);
  const note = delivery.machineOnly ? el('p', 'ch-entry__note', T.machineNote) : null;
  if (note) card.append(note);
  let trail = null;
  let trailLabel = null;
  if (delivery.eventCount > 0) {
    trail = el('div', 'ch-trail');
    const toggle = button('ch-trail__toggle');
    const listId = uid('ch-trail');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', listId);
    const chevron = el('span', 'ch-trail__chevron');
    chevron.setAttribute('aria-hidden', 'true');
    trailLabel = document.createTextNode(`Show delivery details (${plural(delivery.eventCount, 'event', 'events')})`);
    toggle.append(chevron, trailLabel);
    const list = el('ol', 'ch-trail__list');
    list.id = listId;
    list.setAttribute('aria-label', T.trailLabel);
    list.hidden = true;
    trail.append(toggle, list);
    card.append(trail);
  }
  li.append(card);
  Object.assign(row, { card, badge, icon, label, tip, failure, note, trail, trailLabel });
  return row;
}

function setHeading(row, heading) {
  if (row.heading === heading) return;
  if (heading === null) {
    row.headingNode.remove();
    row.headingNode = null;
  } else if (row.headingNode) {
    row.headingNode.textContent = heading;
  } else {
    row.headingNode = el('h3', 'ch-day', heading);
    row.li.prepend(row.headingNode);
  }
  row.heading = heading;
}

/** Patches a row whose email changed: only the nodes whose content differs. */
function updateEntry(row, entry, now) {
  const before = row.entry.delivery;
  const after = entry.delivery;
  const old = row.entry.email;
  const email = entry.email;
  if (before.badge !== after.badge) {
    const name = BADGE_NAMES[after.badge];
    row.li.className = `ch-entry ch-entry--${name}`;
    row.badge.className = `ch-badge ch-badge--${name}`;
    row.badge.dataset.status = name;
    row.icon.textContent = ICONS[after.badge];
    row.label.textContent = T.badges[after.badge];
  }
  if (before.badge !== after.badge || before.machineOnly !== after.machineOnly) tooltipLines(row.tip, after);
  const failureChanged =
    before.badge !== after.badge || JSON.stringify(before.failure) !== JSON.stringify(after.failure) ||
    old.kind !== email.kind || old.recipient !== email.recipient;
  const noteChanged = before.machineOnly !== after.machineOnly;
  const otherChanged =
    old.kind !== email.kind || old.recipient !== email.recipient || old.subject !== email.subject ||
    old.sentAt !== email.sentAt || (before.eventCount > 0) !== (after.eventCount > 0);
  row.entry = entry;
  if (otherChanged) {
    // Rare (the API changed what was sent): rebuild the entry in place.
    const fresh = buildEntry(entry, row.heading, now);
    row.li.replaceWith(fresh.li);
    Object.assign(row, fresh);
    return;
  }
  if (before.eventCount !== after.eventCount) {
    row.trailLabel.data = `Show delivery details (${plural(after.eventCount, 'event', 'events')})`;
  }
  if (failureChanged) {
    const failure = after.failure ? failureDetails(entry) : null;
    if (row.failure && failure) row.failure.replaceWith(failure);
    else if (row.failure) row.failure.remove();
    else if (failure) row.card.insertBefore(failure, row.note ?? row.trail);
    row.failure = failure;
  }
  if (noteChanged) {
    const note = after.machineOnly ? el('p', 'ch-entry__note', T.machineNote) : null;
    if (row.note) row.note.remove();
    if (note) row.card.insertBefore(note, row.trail);
    row.note = note;
  }
}

// ---------------------------------------------------------------------------------
// The widget.

const query = new URLSearchParams(location.search);
const candidateId = query.get('candidate');
const apiBase = '/api/v1';
const pageSize = Number(query.get('pageSize') ?? 1000);

const byId = new Map(); // id -> { email, delivery }
let sorted = [];
let nextCursor = null;
let hasOlderPages = false;
let loaded = false;
const rows = new Map(); // id -> row

const mountPoint = document.getElementById('mount');
const root = el('section', 'ch-root');
root.lang = 'en';
const titleId = uid('ch-title');
root.setAttribute('aria-labelledby', titleId);
root.tabIndex = -1;
const header = el('header', 'ch-header');
const title = el('h2', 'ch-title', T.title);
title.id = titleId;
const count = el('span', 'ch-count');
header.append(title, count);
const announcer = el('div', 'ch-visually-hidden ch-announcer');
announcer.setAttribute('role', 'status');
const alertSlot = document.createComment('');
const filtersSlot = document.createComment('');
const timeline = el('div', 'ch-timeline');
timeline.setAttribute('aria-busy', 'true');
const loadingStatus = el('p', 'ch-status ch-status--loading');
loadingStatus.setAttribute('role', 'status');
const spinner = el('span', 'ch-spinner');
spinner.setAttribute('aria-hidden', 'true');
loadingStatus.append(spinner, T.loading);
const list = el('ul', 'ch-list');
list.setAttribute('aria-label', T.listLabel);
// Never busy: every entry is built at once.
list.setAttribute('aria-busy', 'false');
list.hidden = true;
// The widget's marker of the list's end (it renders more as the reader nears it).
const listEnd = el('div', 'ch-list-end');
listEnd.setAttribute('aria-hidden', 'true');
const older = el('div', 'ch-older');
timeline.append(loadingStatus, list, listEnd, older);
root.append(header, announcer, alertSlot, filtersSlot, timeline, helpPanel());
mountPoint.append(root);

let olderButton = null;
let olderSpinner = null;
let olderLabel = null;
let loadingOlder = false;
let alertNode = null;
let alertKey = null;
let filters = null;

function helpPanel() {
  const h = T.help;
  const details = el('details', 'ch-help');
  const body = el('div', 'ch-help__body');
  details.append(el('summary', 'ch-help__summary', h.title), body);
  body.append(el('h3', undefined, h.faq));
  for (const [question, answer] of h.topics) {
    const topic = el('details', 'ch-help__topic');
    topic.append(el('summary', undefined, question));
    for (const p of answer) topic.append(el('p', undefined, p));
    body.append(topic);
  }
  body.append(el('h3', undefined, h.statuses));
  const statuses = el('dl', 'ch-help__statuses');
  for (let badge = DROPPED; badge > UNKNOWN; badge--) {
    const item = el('div', 'ch-help__status');
    const dt = el('dt');
    const chip = el('span', `ch-badge ch-badge--${BADGE_NAMES[badge]} ch-badge--static`);
    const icon = el('span', 'ch-badge__icon', ICONS[badge]);
    icon.setAttribute('aria-hidden', 'true');
    chip.append(icon, el('span', 'ch-badge__label', T.badges[badge]));
    dt.append(chip);
    item.append(dt, el('dd', undefined, T.descriptions[badge]));
    statuses.append(item);
  }
  body.append(statuses, el('h3', undefined, h.bounces));
  const ul = (items) => {
    const u = el('ul');
    for (const i of items) u.append(el('li', undefined, i));
    return u;
  };
  body.append(ul(h.bounceAdvice), el('h3', undefined, h.tips), el('h4', undefined, h.reduceBounces), ul(h.reduceBouncesList));
  body.append(el('h4', undefined, h.openRates), ul(h.openRatesList));
  return details;
}

function buildFilters() {
  const box = el('div', 'ch-filters');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', T.filtersLabel);
  const summary = el('p', 'ch-summary');
  const total = el('span', 'ch-summary__total');
  summary.append(total, ' ');
  const row = el('div', 'ch-filters__row');
  const kindField = el('div', 'ch-field');
  const kindId = uid('ch-kind');
  const searchId = uid('ch-search');
  const kindLabelNode = el('label', undefined, T.filterKind);
  kindLabelNode.htmlFor = kindId;
  const select = el('select', 'ch-select');
  select.id = kindId;
  const all = el('option', undefined, T.filterKindAll);
  all.value = '';
  select.append(all);
  kindField.append(kindLabelNode, select);
  const searchField = el('div', 'ch-field ch-field--grow');
  const searchLabel = el('label', undefined, T.searchLabel);
  searchLabel.htmlFor = searchId;
  const search = el('input', 'ch-search');
  search.id = searchId;
  search.type = 'search';
  search.autocomplete = 'off';
  searchField.append(searchLabel, search);
  const reset = button('ch-button ch-button--secondary ch-reset');
  // aria-disabled, not disabled: the widget's button keeps focus after resetting.
  reset.setAttribute('aria-disabled', 'true');
  reset.textContent = T.resetFilters;
  row.append(kindField, searchField, reset);
  const matches = el('p', 'ch-match-count');
  matches.setAttribute('role', 'status');
  box.append(summary, row, matches);
  return { box, summary, total, select, chips: [], kinds: [] };
}

function updateFilters() {
  if (sorted.length === 0) {
    if (filters) filters.box.remove();
    filters = null;
    return;
  }
  if (!filters) {
    filters = buildFilters();
    filtersSlot.after(filters.box);
  }
  filters.total.textContent = `${plural(sorted.length, 'email', 'emails')}:`;
  const counts = new Array(7).fill(0);
  const kinds = [];
  const seenKinds = new Set();
  for (const entry of sorted) {
    counts[entry.delivery.badge]++;
    if (!seenKinds.has(entry.email.kind)) {
      seenKinds.add(entry.email.kind);
      kinds.push(entry.email.kind);
    }
  }
  const chips = [];
  for (let badge = DROPPED; badge >= UNKNOWN; badge--) if (counts[badge] > 0) chips.push(`${counts[badge]} ${T.badgeWords[badge]}|${badge}`);
  if (chips.join() !== filters.chips.join()) {
    for (const node of filters.summary.querySelectorAll('.ch-chip')) node.remove();
    for (const chip of chips) {
      const [words, badge] = chip.split('|');
      const b = button(`ch-chip ch-chip--${BADGE_NAMES[badge]}`);
      b.dataset.filterStatus = BADGE_NAMES[badge];
      b.setAttribute('aria-pressed', 'false');
      b.textContent = words;
      filters.summary.append(b);
    }
    filters.chips = chips;
  }
  // The contract's kinds in its order, then any others by name (told apart by it).
  const rank = (kind) => (KIND_ORDER.has(kind) ? KIND_ORDER.get(kind) : KIND_ORDER.size);
  kinds.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  if (kinds.join() !== filters.kinds.join()) {
    while (filters.select.options.length > 1) filters.select.lastChild.remove();
    for (const kind of kinds) {
      const option = el('option', undefined, KIND_ORDER.has(kind) ? kindLabel(kind) : `${kindLabel(kind)} (${kind})`);
      option.value = kind;
      filters.select.append(option);
    }
    filters.kinds = kinds;
  }
}

/** The most recent email to an address bounced or was dropped, and nothing since was delivered. */
function updateAlert() {
  let alert = null;
  const seen = new Set();
  for (const entry of sorted) {
    const badge = entry.delivery.badge;
    if (badge === DELIVERED || badge === OPENED) break;
    const recipient = entry.email.recipient.trim().toLowerCase();
    if (seen.has(recipient)) continue;
    seen.add(recipient);
    if ((badge === BOUNCED || badge === DROPPED) && entry.delivery.failure) {
      alert = entry;
      break;
    }
  }
  const key = alert ? `${alert.email.id}|${alert.delivery.badge}|${JSON.stringify(alert.delivery.failure)}` : null;
  if (alertKey === key) return;
  if (alertNode) alertNode.remove();
  alertNode = null;
  alertKey = null;
  if (!alert) return;
  const { email, delivery } = alert;
  const box = el('div', 'ch-alert');
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', T.alertLabel);
  box.dataset.alertEmailId = email.id;
  const headline = el('p', 'ch-alert__headline');
  const icon = el('span', 'ch-alert__icon', '⚠');
  icon.setAttribute('aria-hidden', 'true');
  headline.append(
    icon,
    delivery.badge === DROPPED
      ? `The most recent email to ${email.recipient} was not sent. The candidate may not be getting your emails.`
      : `The most recent email to ${email.recipient} bounced. The candidate may not be getting your emails.`,
  );
  box.append(headline);
  if (delivery.failure.reason !== null) {
    const p = el('p', 'ch-alert__reason');
    p.append(term(T.reason), el('span', 'ch-failure__diagnostic', delivery.failure.reason));
    box.append(p);
  }
  const what = el('p', 'ch-alert__guidance');
  what.append(term(T.whatToDo), guidance(delivery.badge, delivery.failure));
  const action = button('ch-button ch-action');
  action.dataset.action = 'update-email';
  action.textContent = T.updateEmail;
  box.append(what, action);
  alertSlot.after(box);
  alertNode = box;
  alertKey = key;
}

function updateOlder() {
  if (nextCursor === null) {
    if (olderButton) olderButton.remove();
    olderButton = null;
    return;
  }
  if (!olderButton) {
    olderButton = button('ch-button ch-load-older');
    olderSpinner = el('span', 'ch-spinner');
    olderSpinner.setAttribute('aria-hidden', 'true');
    olderLabel = document.createTextNode('');
    olderButton.append(olderSpinner, olderLabel);
    olderButton.addEventListener('click', () => {
      if (!loadingOlder) loadOlder();
    });
    older.append(olderButton);
  }
  olderButton.setAttribute('aria-disabled', String(loadingOlder));
  olderSpinner.hidden = !loadingOlder;
  olderLabel.data = loadingOlder ? T.loadingOlder : T.loadOlder;
}

/** Upserts decoded emails; returns the badge changes of emails already shown. */
function upsert(emails) {
  const changes = [];
  for (const email of emails) {
    const entry = { email, delivery: derive(email) };
    const before = byId.get(email.id);
    if (before && before.delivery.badge !== entry.delivery.badge) changes.push(entry);
    byId.set(email.id, entry);
  }
  sorted = [...byId.values()].sort((a, b) => b.email.sentAt - a.email.sentAt || (a.email.id < b.email.id ? -1 : a.email.id > b.email.id ? 1 : 0));
  return changes;
}

/** Brings the list in step with `sorted`: new rows built, changed rows patched, order kept. */
function render() {
  const now = Date.now();
  let lastDay = null;
  let cursor = list.firstChild;
  let fragment = null;
  for (const entry of sorted) {
    const day = dayKey(entry.email.sentAt);
    const heading = day !== lastDay ? dayHeading(entry.email.sentAt, now) : null;
    lastDay = day;
    let row = rows.get(entry.email.id);
    if (row) {
      const inPlace = row.li === cursor;
      if (row.entry !== entry) updateEntry(row, entry, now);
      setHeading(row, heading);
      if (inPlace) {
        cursor = row.li.nextSibling;
        continue;
      }
      if (fragment) {
        list.insertBefore(fragment, cursor);
        fragment = null;
      }
      list.insertBefore(row.li, cursor);
      continue;
    }
    row = buildEntry(entry, heading, now);
    rows.set(entry.email.id, row);
    (fragment ??= document.createDocumentFragment()).append(row.li);
  }
  if (fragment) list.insertBefore(fragment, cursor);
  list.hidden = sorted.length === 0;
  count.textContent = plural(sorted.length, 'email', 'emails');
  if (loadingStatus.isConnected) loadingStatus.remove();
  timeline.setAttribute('aria-busy', 'false');
  updateAlert();
  updateFilters();
  updateOlder();
  root.dispatchEvent(new CustomEvent('contact-history:loaded', { bubbles: true, detail: { candidateId, count: sorted.length } }));
}

function pageUrl(cursor) {
  let url = `${apiBase}/candidates/${encodeURIComponent(candidateId)}/emails?limit=${pageSize}`;
  if (cursor !== null) url += `&cursor=${encodeURIComponent(cursor)}`;
  return url;
}

async function fetchPage(cursor) {
  const response = await fetch(pageUrl(cursor), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = JSON.parse(await response.text());
  const emails = [];
  for (const raw of body.emails) {
    const email = decodeEmail(raw);
    if (email) emails.push(email);
  }
  return { emails, nextCursor: opaque(body.next_cursor) };
}

async function loadFirst() {
  const page = await fetchPage(null);
  if (!hasOlderPages) nextCursor = page.nextCursor;
  const changes = upsert(page.emails);
  if (loaded && changes.length > 0) {
    announcer.textContent = changes
      .map((c) => `${kindLabel(c.email.kind)} to ${c.email.recipient}: ${T.badges[c.delivery.badge]}`)
      .join('. ');
  }
  loaded = true;
  render();
}

async function loadOlder() {
  loadingOlder = true;
  updateOlder();
  const page = await fetchPage(nextCursor);
  hasOlderPages = true;
  nextCursor = page.nextCursor;
  loadingOlder = false;
  upsert(page.emails);
  render();
}

loadFirst();
window.__app = { name: 'baseline', refresh: () => loadFirst(), wasmBytes: () => 0 };
