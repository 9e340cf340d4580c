#!/usr/bin/env node
// The browser benchmark of Contact History: the release build against a plain-JavaScript
// baseline (pages/baseline.js), in one headless Chromium session, alternated, with the
// API answered by route interception from generated histories (gen.mjs).
//
//   node bench/run.mjs [--runs N] [--quick] [--sizes 50,1000,10000] [--page-size 1000]
//                      [--max-minutes 15] [--dist DIR] [--out DIR] [--criterion DIR]
//                      [--doc FILE] [--report-only]
//
// Every figure is the median of --runs runs (10; --quick: 3). --max-minutes is a guard
// against a pathologically slow build: a run that would end past it is not started (but
// at least 3 are made), and the report says how many runs were made.
// Writes <out>/latest.json (every sample) and <out>/latest.md (the tables), and, with
// --doc, replaces the generated part of that Markdown file (between
// `<!-- bench:begin -->` and `<!-- bench:end -->`). scripts/bench.sh builds first and
// runs this with the defaults. --report-only writes the report again from <out>/latest.json.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { generateHistory, paginate, withOneBadgeChanged } from './gen.mjs';
import { analyse } from './wasm-size.mjs';
import { serve } from './lib/server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
// Playwright as the end-to-end tests install it (scripts/setup.sh): no package of our own.
const require = createRequire(join(ROOT, 'end2end', 'package.json'));
const { chromium } = require('playwright-core');

// ---------------------------------------------------------------------------------
// Options.

function options(argv) {
  const o = {
    runs: 10,
    sizes: [50, 1000, 10000],
    pageSize: 1000,
    dist: join(ROOT, 'bench', 'dist'),
    out: join(ROOT, 'bench', 'results'),
    criterion: join(ROOT, 'target', 'criterion'),
    doc: null,
    maxMinutes: 15,
    chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  };
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--runs') o.runs = Number(value());
    else if (arg === '--quick') (o.runs = 3), (o.maxMinutes = 3);
    else if (arg === '--max-minutes') o.maxMinutes = Number(value());
    else if (arg === '--sizes') o.sizes = value().split(',').map(Number);
    else if (arg === '--page-size') o.pageSize = Number(value());
    else if (arg === '--dist') o.dist = resolve(value());
    else if (arg === '--out') o.out = resolve(value());
    else if (arg === '--criterion') o.criterion = resolve(value());
    else if (arg === '--doc') o.doc = resolve(value());
    else if (arg === '--report-only') o.reportOnly = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 19).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!(o.runs >= 1)) throw new Error('--runs must be at least 1');
  if (!(o.pageSize >= 1 && o.pageSize <= 1000)) throw new Error('--page-size must be 1..1000');
  return o;
}

const say = (...args) => console.log('[bench]', ...args);

// ---------------------------------------------------------------------------------
// Bytes.

function compressed(file) {
  const raw = readFileSync(file);
  const cli = (cmd, args) => {
    try {
      return execFileSync(cmd, [...args, file], { maxBuffer: 64 << 20 }).length;
    } catch {
      return null;
    }
  };
  return {
    raw: raw.length,
    gzip: cli('gzip', ['-9', '-c']) ?? zlib.gzipSync(raw, { level: 9 }).length,
    brotli:
      cli('brotli', ['-q', '11', '-c']) ??
      zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function bundleSizes(dist) {
  const files = {
    widget: { wasm: 'contact-history_bg.wasm', js: 'contact-history.js', css: 'contact-history.css' },
  };
  const widget = {};
  for (const [part, name] of Object.entries(files.widget)) widget[part] = { file: name, ...compressed(join(dist, name)) };
  const baseline = {
    js: { file: 'bench/pages/baseline.js', ...compressed(join(HERE, 'pages', 'baseline.js')) },
    css: widget.css,
  };
  const total = (parts) =>
    Object.values(parts).reduce((t, p) => ({ raw: t.raw + p.raw, gzip: t.gzip + p.gzip, brotli: t.brotli + p.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const sections = analyse(readFileSync(join(dist, files.widget.wasm))).sections;
  const section = (name) => sections.find((x) => x.name === name)?.size ?? 0;
  widget.wasm.code = section('code');
  widget.wasm.data = section('data');
  return { widget: { ...widget, total: total(widget) }, baseline: { ...baseline, total: total(baseline) } };
}

// ---------------------------------------------------------------------------------
// The browser side.

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  // performance.memory without its coarse buckets, and gc() to measure what is retained.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

/** The API's answers for one history, serialised once: cursor -> body. */
function apiFor(size, pageSize) {
  const candidate = `cand_${size}`;
  const emails = generateHistory(size);
  const bodies = new Map([...paginate(emails, pageSize, candidate)].map(([cursor, page]) => [cursor, JSON.stringify(page)]));
  const change = withOneBadgeChanged(emails);
  const changedFirst = JSON.stringify(paginate(change.emails, pageSize, candidate).get(null));
  const bytes = [...bodies.values()].reduce((n, b) => n + b.length, 0);
  return { size, candidate, bodies, changedFirst, change, bytes, pages: bodies.size };
}

/** One page load of `impl` with history `api`; with `badge`, then one badge change. */
async function measure(browser, origin, impl, api, { badge, showAll, pageSize }) {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  let changed = false;
  await page.route('**/api/v1/**', (route) => {
    const cursor = new URL(route.request().url()).searchParams.get('cursor');
    const body = cursor === null && changed ? api.changedFirst : api.bodies.get(cursor);
    if (body === undefined) return route.fulfill({ status: 404, contentType: 'application/json', body: '{}' });
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  try {
    await page.goto(`${origin}/bench/${impl}.html?candidate=${api.candidate}&pageSize=${pageSize}&total=${api.size}`);
    const pages = await page.evaluate(([total, size]) => window.__bench.loadAll(total, size), [api.size, pageSize]);
    const count = await page.evaluate(() => window.__bench.loaded());
    if (count !== api.size) throw new Error(`${impl} has loaded ${count} of ${api.size} emails`);
    const first = pages[0];
    const last = pages[pages.length - 1];
    const sample = await page.evaluate(
      ({ first, last }) => {
        const B = window.__bench;
        return {
          firstPaint: B.marks.firstPagePaint,
          firstEntryPaint: B.marks.firstEntryPaint,
          allPainted: B.marks.allPainted,
          longestFirst: B.longest(0, B.marks.firstPagePaint),
          longestRender: B.longest(first.loaded, last.painted),
          domNodes: document.getElementsByTagName('*').length,
          entriesInDom: B.count(),
        };
      },
      { first, last },
    );
    sample.renderMs = pages.reduce((t, p) => t + (p.painted - p.loaded), 0);
    // Per page: response -> DOM built (the update's script), and -> painted.
    sample.pageTimes = pages.map((p) => ({ built: p.shown - p.loaded, painted: p.painted - p.loaded }));
    sample.pages = pages.length;
    // Memory after load: what stays reachable once garbage is collected.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    sample.memory = await page.evaluate(() => {
      window.gc?.();
      window.gc?.();
      return { jsHeap: performance.memory?.usedJSHeapSize ?? null, wasm: window.__app.wasmBytes() };
    });
    if (showAll) {
      // Every loaded entry into the DOM (the widget renders a window; the baseline has
      // built them all already), then the badge change below runs on the full list.
      const t = await page.evaluate(async () => {
        const B = window.__bench;
        const times = await B.showAll();
        return { ...times, count: B.count(), longest: B.longest(times.start, times.painted) };
      });
      if (t.count !== api.size) throw new Error(`${impl} shows ${t.count} of ${api.size} emails after Show more`);
      sample.showAll = { ms: t.painted - t.start, longest: t.longest };
      sample.allEntriesMs = sample.renderMs + sample.showAll.ms;
    }
    if (badge) {
      changed = true;
      const { id, to } = api.change;
      const t = await page.evaluate(
        async ({ id, to }) => {
          const B = window.__bench;
          // Which entries the update touched (MutationObserver records under the list).
          const list = document.querySelector('ul.ch-list');
          const touched = new Set();
          let records = 0;
          const observer = new MutationObserver((batch) => {
            for (const r of batch) {
              records++;
              const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
              const entry = node?.closest('li.ch-entry');
              touched.add(entry ? entry.dataset.emailId : `(outside an entry: ${node?.localName}.${node?.className})`);
            }
          });
          observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
          const times = await B.changeBadge(id, to);
          await new Promise((r) => setTimeout(r, 100));
          observer.takeRecords();
          observer.disconnect();
          return { ...times, records, touched: [...touched], longest: B.longest(times.start, times.painted) };
        },
        { id, to },
      );
      sample.badge = {
        applyMs: t.painted - t.loaded,
        totalMs: t.painted - t.start,
        longest: t.longest,
        mutationRecords: t.records,
        entriesTouched: t.touched.length,
        touchedOther: t.touched.filter((x) => x !== id),
      };
    }
    sample.errors = [...problems, ...(await page.evaluate(() => window.__bench.errors))];
    return sample;
  } finally {
    await context.close();
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads both implementations with `api` and compares the DOM they build. */
async function parity(browser, origin, api, pageSize) {
  const signatures = {};
  for (const impl of ['widget', 'baseline']) {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.route('**/api/v1/**', (route) => {
      const cursor = new URL(route.request().url()).searchParams.get('cursor');
      return route.fulfill({ status: 200, contentType: 'application/json', body: api.bodies.get(cursor) });
    });
    await page.goto(`${origin}/bench/${impl}.html?candidate=${api.candidate}&pageSize=${pageSize}&total=${api.size}`);
    await page.evaluate(([total, size]) => window.__bench.loadAll(total, size), [api.size, pageSize]);
    await page.evaluate(() => window.__bench.showAll());
    signatures[impl] = await page.evaluate(() => window.__bench.signature(document.querySelector('.ch-root')));
    await context.close();
  }
  const [w, b] = [signatures.widget, signatures.baseline];
  const differences = [];
  let structural = 0;
  const shape = (line) => (line ?? '').replace(/ ".*$/, '');
  for (let i = 0; i < Math.max(w.length, b.length); i++) {
    if (w[i] === b[i]) continue;
    if (shape(w[i]) !== shape(b[i])) structural++;
    if (differences.length < 10) differences.push({ line: i, widget: w[i] ?? null, baseline: b[i] ?? null });
  }
  const textOnly = differences.length === 0 ? 0 : w.filter((l, i) => l !== b[i]).length - structural;
  return { lines: { widget: w.length, baseline: b.length }, structural, textOnly, examples: differences };
}

// ---------------------------------------------------------------------------------
// Statistics and reporting.

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const get = (o, path) => path.split('.').reduce((x, k) => (x == null ? x : x[k]), o);

const METRICS = [
  ['firstPaint', 'first page painted (ms from navigation)'],
  ['firstEntryPaint', 'first entry painted (ms from navigation)'],
  ['renderMs', 'full history rendered, once loaded (ms, summed over pages)'],
  ['allPainted', 'everything painted (ms from navigation, incl. paging)'],
  ['longestFirst.longtask', 'longest task until first paint (ms; 0 = none over 50 ms)'],
  ['longestRender.longtask', 'longest task while rendering (ms; 0 = none over 50 ms)'],
  ['longestRender.loaf', 'longest animation frame while rendering (ms)'],
  ['longestRender.loafScript', 'script time in that frame (ms)'],
  ['longestRender.loafStyleLayout', 'style and layout time in that frame (ms)'],
  ['builtMs', 'response received -> DOM built, summed over pages (ms)'],
  ['memory.jsHeap', 'JS heap after load (bytes)'],
  ['memory.wasm', 'wasm linear memory after load (bytes)'],
  ['domNodes', 'elements in the document'],
  ['entriesInDom', 'entries in the DOM after load'],
  ['showAll.ms', 'every loaded entry put into the DOM by "Show more" (ms)'],
  ['showAll.longest.longtask', 'longest task during it (ms; 0 = none over 50 ms)'],
  ['allEntriesMs', 'all entries built and painted: first render + Show more (ms)'],
  ['badge.applyMs', 'one badge change applied and painted, from the response (ms)'],
  ['badge.totalMs', 'one badge change, from refresh() to painted (ms)'],
  ['badge.longest.longtask', 'longest task during the badge change (ms; 0 = none over 50 ms)'],
  ['badge.mutationRecords', 'mutation records under the list for the badge change'],
  ['badge.entriesTouched', 'entries touched by the badge change'],
];

function summarise(samples) {
  for (const s of samples) s.builtMs ??= s.pageTimes?.reduce((t, p) => t + p.built, 0);
  const out = {};
  for (const [key] of METRICS) out[key] = median(samples.map((s) => get(s, key)));
  return out;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const mb = (bytes) => (bytes == null ? '–' : (bytes / 1048576).toFixed(1));
const ms = (x) => (x == null ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const task = (x) => (x == null ? '–' : x === 0 ? '< 50' : x.toFixed(0));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

function environment(browser) {
  const sh = (cmd) => {
    try {
      return execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const cpu = sh("lscpu | sed -n 's/^Model name: *//p'") ?? os.cpus()[0]?.model;
  return {
    date: new Date().toISOString(),
    cpu,
    cores: Number(sh('nproc')) || os.cpus().length,
    memory: sh("free -h | awk '/^Mem:/ {print $2}'") ?? `${(os.totalmem() / 2 ** 30).toFixed(1)}Gi`,
    os: sh('. /etc/os-release && echo "$PRETTY_NAME"') ?? os.platform(),
    kernel: os.release(),
    chromium: `Chromium ${browser.version()} (headless, ${LAUNCH_ARGS.includes('--disable-gpu') ? 'no GPU' : 'GPU'})`,
    node: process.version,
    playwright: require('playwright-core/package.json').version,
    loadBefore: os.loadavg()[0],
    commit: sh(`git -C ${ROOT} rev-parse --short HEAD`),
    dirty: Boolean(sh(`git -C ${ROOT} status --porcelain -- src style Cargo.toml Cargo.lock index.html`)),
  };
}

function readCriterion(dir) {
  const group = join(dir, 'emails_10000');
  if (!existsSync(group)) return null;
  const out = {};
  for (const name of ['decode', 'derive', 'history', 'pipeline']) {
    const file = join(group, name, 'new', 'estimates.json');
    if (!existsSync(file)) continue;
    const estimates = JSON.parse(readFileSync(file, 'utf8'));
    const nanos = estimates.median.point_estimate;
    out[name] = { medianMs: nanos / 1e6, emailsPerSecond: 10_000 / (nanos / 1e9) };
  }
  return Object.keys(out).length ? out : null;
}

function targets(result) {
  const s = (size, impl) => result.scenarios.find((x) => x.size === size)?.median[impl];
  const rows = [];
  const brotli = result.bytes.widget.total.brotli;
  rows.push({
    target: 'Total transfer (wasm + JS + CSS, brotli -q 11) ≤ 90 KB',
    measured: `${kb(brotli)} KB`,
    met: brotli <= 90 * 1024,
    by: brotli <= 90 * 1024 ? `${kb(90 * 1024 - brotli)} KB to spare` : `${kb(brotli - 90 * 1024)} KB over (${((brotli / (90 * 1024) - 1) * 100).toFixed(0)} %)`,
  });
  for (const size of [1000]) {
    const w = s(size, 'widget');
    const b = s(size, 'baseline');
    if (!w || !b) continue;
    const windowed = w.entriesInDom < size ? ` (the widget's first ${Math.round(w.entriesInDom)} entries, the rest as the reader scrolls; the baseline's ${size.toLocaleString('en')})` : '';
    for (const [key, label, note] of [
      ['firstPaint', `First page painted (${size.toLocaleString('en')} emails) ≤ 1.3× baseline`, windowed],
      ['renderMs', `Full ${size.toLocaleString('en')}-email render ≤ 1.3× baseline, as the reader gets it`, windowed],
      ['allEntriesMs', `Full ${size.toLocaleString('en')}-email render ≤ 1.3× baseline, every entry built (the widget's "Show more" pressed to the end)`, ''],
    ]) {
      if (w[key] == null || b[key] == null) continue;
      const r = w[key] / b[key];
      rows.push({
        target: label,
        measured: `${ms(w[key])} ms vs ${ms(b[key])} ms = ${r.toFixed(2)}×${note}`,
        met: r <= 1.3,
        by: r <= 1.3 ? `${((1.3 - r) * b[key]).toFixed(0)} ms to spare` : `${((r - 1.3) * b[key]).toFixed(0)} ms over 1.3× (${(r / 1.3).toFixed(2)}× the allowance)`,
      });
    }
  }
  const all = result.scenarios.find((x) => x.size === 10000);
  if (all) {
    const worst = Math.max(...all.samples.widget.map((x) => Math.max(x.longestRender.longtask, x.longestFirst.longtask)));
    const med = all.median.widget['longestRender.longtask'];
    rows.push({
      target: 'No main-thread task over 50 ms while rendering 10,000 emails',
      measured: worst === 0 ? 'none over 50 ms in any run' : `longest ${worst.toFixed(0)} ms (median of runs ${task(med)} ms)`,
      met: worst === 0,
      by: worst === 0 ? '–' : `${(worst - 50).toFixed(0)} ms over (${(worst / 50).toFixed(1)}× the budget)`,
    });
  }
  const one = result.scenarios.find((x) => x.size === 1000 && x.badge);
  if (one) {
    const others = one.samples.widget.flatMap((x) => x.badge.touchedOther);
    rows.push({
      target: 'One badge change in 1,000 entries touches only that entry (end2end/tests/mutations.spec.ts)',
      measured: others.length === 0 ? `only that entry (median ${one.median.widget['badge.mutationRecords']} mutation records)` : `also touched: ${[...new Set(others)].slice(0, 5).join(', ')}`,
      met: others.length === 0,
      by: others.length === 0 ? '–' : `${new Set(others).size} other entries`,
    });
  }
  return rows;
}

function markdown(result) {
  const e = result.environment;
  const lines = [];
  const p = (s = '') => lines.push(s);
  const runs = result.runsMade < result.options.runs ? `${result.runsMade} runs per figure (median; ${result.options.runs} asked, the ${result.options.maxMinutes}-minute budget stopped it)` : `${result.runsMade} runs per figure (median)`;
  p(`Run ${e.date.slice(0, 16).replace('T', ' ')} UTC · commit ${e.commit}${e.dirty ? ' + uncommitted changes' : ''} · ${runs}, the two implementations alternated in one browser session · page size ${result.options.pageSize}`);
  p();
  p(`Machine: ${e.cpu}, ${e.cores} cores, ${e.memory} RAM, ${e.os} (Linux ${e.kernel}). Browser: ${e.chromium}, Playwright ${e.playwright}, Node ${e.node}. Load average (1 min) ${e.loadBefore.toFixed(1)} before the run, ${e.loadAfter.toFixed(1)} after${Math.max(e.loadBefore, e.loadAfter) > e.cores ? ': **the machine was busy with other work; absolute times are inflated, ratios less so (the two implementations alternate)**' : ''}.`);
  p();
  p('### Bundle (bytes)');
  p();
  p('| file | raw | gzip -9 | brotli -q 11 |');
  p('|---|---:|---:|---:|');
  const w = result.bytes.widget;
  const b = result.bytes.baseline;
  for (const part of ['wasm', 'js', 'css']) p(`| ${w[part].file} | ${w[part].raw} | ${w[part].gzip} | ${w[part].brotli} |`);
  p(`| **widget total** | **${w.total.raw}** | **${w.total.gzip}** | **${w.total.brotli}** (${kb(w.total.brotli)} KB) |`);
  p(`| baseline: baseline.js + the same CSS | ${b.total.raw} | ${b.total.gzip} | ${b.total.brotli} (${kb(b.total.brotli)} KB) |`);
  p(`| ratio to the baseline | ${ratio(w.total.raw, b.total.raw)} | ${ratio(w.total.gzip, b.total.gzip)} | ${ratio(w.total.brotli, b.total.brotli)} |`);
  p();
  p(`Of the wasm: code ${w.wasm.code} bytes, data (text, tables) ${w.wasm.data} bytes. \`node bench/wasm-size.mjs\` breaks the code down by crate.`);
  p();
  p('### Times, long tasks, memory (median)');
  p();
  p('| history | figure | widget | baseline | widget ÷ baseline |');
  p('|---|---|---:|---:|---:|');
  for (const sc of result.scenarios) {
    const W = sc.median.widget;
    const B = sc.median.baseline;
    const name = `${sc.size.toLocaleString('en')} emails (${sc.pages} page${sc.pages > 1 ? 's' : ''}, ${kb(sc.bytes)} KB JSON)`;
    const row = (label, key, fmt = ms) => p(`| ${name} | ${label} | ${fmt(W[key])} | ${fmt(B[key])} | ${ratio(W[key], B[key])} |`);
    row('first page painted (its entries, or the widget\'s window of them), ms from navigation', 'firstPaint');
    row('first entry painted, ms from navigation', 'firstEntryPaint');
    row(`full history rendered once loaded, ms${sc.pages > 1 ? ' (all pages)' : ''}`, 'renderMs');
    row('longest task until first paint, ms', 'longestFirst.longtask', task);
    row('longest task while rendering, ms', 'longestRender.longtask', task);
    row('of which: response → all entries in the DOM, ms', 'builtMs');
    row('longest animation frame (LoAF) while rendering, ms', 'longestRender.loaf', task);
    row('JS heap after load, MB', 'memory.jsHeap', mb);
    row('wasm linear memory after load, MB', 'memory.wasm', mb);
    p(`| ${name} | JS heap + wasm memory, MB | ${mb(W['memory.jsHeap'] + W['memory.wasm'])} | ${mb(B['memory.jsHeap'] + B['memory.wasm'])} | ${ratio(W['memory.jsHeap'] + W['memory.wasm'], B['memory.jsHeap'] + B['memory.wasm'])} |`);
    row('elements in the document', 'domNodes', (x) => (x == null ? '–' : String(Math.round(x))));
    row('entries in the DOM after load', 'entriesInDom', (x) => (x == null ? '–' : String(Math.round(x))));
    if (W['showAll.ms'] != null) {
      row('then every entry into the DOM ("Show more" until none is left), ms', 'showAll.ms');
      row('longest task during it, ms', 'showAll.longest.longtask', task);
      row('all entries built and painted (full render + the above), ms', 'allEntriesMs');
    }
    if (sc.badge) {
      row('one badge change: response → painted, ms', 'badge.applyMs');
      row('one badge change: refresh() → painted, ms', 'badge.totalMs');
      row('longest task during the badge change, ms', 'badge.longest.longtask', task);
      row('mutation records under the list for it', 'badge.mutationRecords', (x) => (x == null ? '–' : String(x)));
    }
  }
  p();
  p('"< 50": no task (or animation frame) of 50 ms or more; the APIs report none shorter. Chromium does not report a long animation frame for every long task here (not for a page\'s very first frames), so the Long Tasks column is the one to read; latest.json also splits each long frame into script and style-and-layout time. Render time is the sum, over pages, of response received → that page painted; latest.json also has everything painted from navigation, paging round trips included.');
  p();
  if (result.criterion) {
    p('### Native decoding and derivation (Criterion, 10,000 emails)');
    p();
    p('| benchmark | median time | emails per second |');
    p('|---|---:|---:|');
    const label = {
      decode: 'decode (JSON → emails)',
      derive: 'derive (badge + distinct events per email)',
      history: 'history (merge pages, derive, order)',
      pipeline: 'pipeline (all of it, from the page bodies)',
    };
    for (const [name, v] of Object.entries(result.criterion)) {
      p(`| ${label[name] ?? name} | ${v.medianMs.toFixed(2)} ms | ${Math.round(v.emailsPerSecond).toLocaleString('en')} |`);
    }
    p();
  }
  p('### Targets');
  p();
  p('| target | measured | met? | by how much |');
  p('|---|---|:---:|---|');
  for (const t of result.targets) p(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} | ${t.by} |`);
  p();
  const pr = result.parity;
  if (pr) {
    p(
      pr.structural === 0
        ? `DOM parity (${pr.size} emails): the baseline builds the same elements, attributes and classes as the widget (${pr.lines.widget} element lines)${pr.textOnly ? `; ${pr.textOnly} lines differ in text only, e.g. widget ${pr.examples[0].widget.trim()} vs baseline ${pr.examples[0].baseline.trim()}` : ', and the same text'}.`
        : `**DOM parity check failed** (${pr.size} emails): ${pr.structural} element lines differ between the widget and the baseline; the baseline must be brought in step with the widget's markup before its figures mean anything. First difference: line ${pr.examples[0].line}: widget \`${pr.examples[0].widget}\`, baseline \`${pr.examples[0].baseline}\`.`,
    );
    p();
  }
  if (result.errors.length) {
    p(`Page errors during the run: ${result.errors.slice(0, 5).map((x) => `\`${x}\``).join(', ')}`);
    p();
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------

/** Writes latest.md (and the doc's section) for `result`. */
function report(o, result) {
  const md = markdown(result);
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, 'latest.md'), `# Contact History benchmark: latest results\n\nWritten by \`scripts/bench.sh\` (bench/run.mjs); see docs/performance.md for what the figures mean.\n\n${md}\n`);
  say(`wrote ${relative(process.cwd(), join(o.out, 'latest.md'))}`);
  if (o.doc) {
    const doc = readFileSync(o.doc, 'utf8');
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const a = doc.indexOf(begin);
    const b = doc.indexOf(end);
    if (a < 0 || b < a) say(`${o.doc} has no ${begin} … ${end} section; not updated`);
    else {
      writeFileSync(o.doc, `${doc.slice(0, a + begin.length)}\n${md}\n${doc.slice(b)}`);
      say(`updated the results in ${relative(process.cwd(), o.doc)}`);
    }
  }
  return md;
}

async function main() {
  const o = options(process.argv);
  if (o.reportOnly) {
    // Only the report again, from the last run's samples (after a change to the report).
    const result = JSON.parse(readFileSync(join(o.out, 'latest.json'), 'utf8'));
    for (const sc of result.scenarios) sc.median = { widget: summarise(sc.samples.widget), baseline: summarise(sc.samples.baseline) };
    result.targets = targets(result);
    console.log(`\n${report(o, result)}`);
    return;
  }
  for (const f of ['contact-history_bg.wasm', 'contact-history.js', 'contact-history.css']) {
    if (!existsSync(join(o.dist, f))) throw new Error(`${join(o.dist, f)} is missing: build the release first (scripts/bench.sh does)`);
  }
  const started = Date.now();
  const bytes = bundleSizes(o.dist);
  say(`bundle: ${bytes.widget.total.brotli} bytes brotli (baseline ${bytes.baseline.total.brotli})`);
  const server = await serve({ '/dist/': o.dist, '/bench/': join(HERE, 'pages') });
  const browser = await chromium.launch({ executablePath: o.chromium, args: LAUNCH_ARGS });
  const result = { options: { runs: o.runs, sizes: o.sizes, pageSize: o.pageSize, maxMinutes: o.maxMinutes }, environment: environment(browser), bytes, scenarios: [], errors: [] };
  try {
    const apis = o.sizes.map((size) => apiFor(size, o.pageSize));
    // 200 emails: every badge, failures, machine opens, unknown kinds and statuses.
    result.parity = { size: 200, ...(await parity(browser, server.origin, apiFor(200, o.pageSize), o.pageSize)) };
    say(`DOM parity: ${result.parity.structural} structural and ${result.parity.textOnly} text differences`);
    const scenarios = apis.map((api) => ({
      size: api.size,
      pages: api.pages,
      bytes: api.bytes,
      badge: api.size === 1000,
      samples: { widget: [], baseline: [] },
    }));
    // One warm-up load of each, not recorded (the browser's first page load is slower).
    for (const impl of ['widget', 'baseline']) await measure(browser, server.origin, impl, apis[0], { badge: false, pageSize: o.pageSize });
    const runsStarted = Date.now();
    let runsMade = 0;
    for (let run = 0; run < o.runs; run++) {
      const minutes = (Date.now() - started) / 60_000;
      const perRun = runsMade ? (Date.now() - runsStarted) / 60_000 / runsMade : 0;
      if (runsMade >= 3 && minutes + perRun > o.maxMinutes) {
        say(`stopping after ${runsMade} runs: another would pass the ${o.maxMinutes}-minute budget`);
        break;
      }
      runsMade++;
      for (const [i, api] of apis.entries()) {
        const sc = scenarios[i];
        const order = (run + i) % 2 === 0 ? ['widget', 'baseline'] : ['baseline', 'widget'];
        for (const impl of order) {
          let sample;
          try {
            sample = await withTimeout(measure(browser, server.origin, impl, api, { badge: sc.badge, showAll: sc.size <= 1000, pageSize: o.pageSize }), 300_000, `${impl} with ${api.size} emails`);
          } catch (error) {
            result.errors.push(`${impl}: ${error.message}`);
            say(`${impl} with ${api.size} emails failed: ${error.message}`);
            continue;
          }
          if (sample.errors.length) result.errors.push(...sample.errors.map((e) => `${impl}: ${e}`));
          sc.samples[impl].push(sample);
        }
        const last = (impl) => sc.samples[impl][sc.samples[impl].length - 1] ?? {};
        say(
          `run ${run + 1}/${o.runs} ${String(api.size).padStart(5)} emails: first paint ${ms(last('widget').firstPaint)} / ${ms(last('baseline').firstPaint)} ms, render ${ms(last('widget').renderMs)} / ${ms(last('baseline').renderMs)} ms (widget / baseline)`,
        );
      }
    }
    result.runsMade = runsMade;
    for (const sc of scenarios) {
      sc.median = { widget: summarise(sc.samples.widget), baseline: summarise(sc.samples.baseline) };
      result.scenarios.push(sc);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  result.environment.loadAfter = os.loadavg()[0];
  result.criterion = readCriterion(o.criterion);
  result.targets = targets(result);
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, 'latest.json'), JSON.stringify(result, null, 1) + '\n');
  say(`wrote ${relative(process.cwd(), join(o.out, 'latest.json'))} in ${result.durationSeconds} s`);
  const md = report(o, result);
  console.log(`\n${md}`);
}

main().catch((error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
