#!/usr/bin/env node
// Where the main thread's time goes: a CPU profile (Chrome DevTools Protocol) of the
// widget in headless Chromium, with the API answered from a generated history
// (gen.mjs), summed by function. Not a benchmark (the profiler slows everything down);
// it says what to work on.
//
//   node bench/profile.mjs [--size 1000] [--show-all] [--busiest 2] [--no-build]
//
// By default it profiles from navigation until the whole history is loaded, and breaks
// down the longest busy stretches (the long tasks): self time, and the time inside the
// widget's and Leptos' functions. --show-all profiles "Show more" pressed until every
// loaded entry is in the DOM instead, and sums the whole of it.
//
// It first builds the release with function names kept (`data-keep-debug`, and no
// wasm-opt, which would strip them) into bench/profile-dist/; --no-build uses what is
// there. Run from the repository root with the toolchain on PATH (scripts/bench.sh
// sets it up; `export PATH=$PWD/tools/node_modules/.bin:$PATH`).

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateHistory, paginate } from './gen.mjs';
import { serve } from './lib/server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const require = createRequire(join(ROOT, 'end2end', 'package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const size = Number(option('--size', 1000));
const busiest = Number(option('--busiest', 2));
const showAll = args.includes('--show-all');
const dist = join(HERE, 'profile-dist');

if (!args.includes('--no-build')) {
  const html = join(ROOT, '.profile.html');
  const page = readFileSync(join(ROOT, 'index.html'), 'utf8').replace(
    /data-wasm-opt="z"[^>]*\/>/,
    'data-wasm-opt="0" data-keep-debug="true" />',
  );
  writeFileSync(html, page);
  try {
    execFileSync('trunk', ['build', '--release', '--dist', dist, html], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(html, { force: true });
  }
}

const pageSize = 1000;
const bodies = new Map([...paginate(generateHistory(size), pageSize, 'cand')].map(([c, p]) => [c, JSON.stringify(p)]));
const server = await serve({ '/dist/': dist, '/bench/': join(HERE, 'pages') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('**/api/v1/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: bodies.get(new URL(route.request().url()).searchParams.get('cursor')) }),
  );
  const cdp = await context.newCDPSession(page);
  const start = async () => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  };
  if (!showAll) await start();
  await page.goto(`/bench/widget.html?candidate=cand&pageSize=${pageSize}&total=${size}`.replace(/^/, server.origin));
  await page.evaluate(([total, size]) => window.__bench.loadAll(total, size), [size, pageSize]);
  if (showAll) {
    await start();
    const t = await page.evaluate(() => window.__bench.showAll());
    console.log(`Show more until every entry is in the DOM: ${(t.painted - t.start).toFixed(0)} ms (profiled)`);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const stretches = busyStretches(profile);
  const chosen = showAll ? [whole(profile)] : stretches.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, busiest);
  for (const s of chosen) report(profile, s);
} finally {
  await browser.close();
  server.close();
}

/** The samples with their times (µs). */
function timed(profile) {
  let t = profile.startTime;
  return profile.samples.map((id, i) => ({ id, t: (t += profile.timeDeltas[i]) }));
}

/** Runs of samples with no idle sample and no gap over 3 ms between them. */
function busyStretches(profile) {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const runs = [];
  let current = null;
  for (const s of timed(profile)) {
    if (idle.has(s.id) || (current && s.t - current.end > 3000)) {
      if (current) runs.push(current);
      current = null;
      if (idle.has(s.id)) continue;
    }
    current ??= { start: s.t, end: s.t, samples: [] };
    current.end = s.t;
    current.samples.push(s);
  }
  if (current) runs.push(current);
  return runs;
}

function whole(profile) {
  const samples = timed(profile);
  return { start: samples[0].t, end: samples[samples.length - 1].t, samples };
}

function report(profile, stretch) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`.trim().slice(0, 150);
  const self = new Map();
  const inclusive = new Map();
  const add = (map, key, dt) => map.set(key, (map.get(key) ?? 0) + dt);
  stretch.samples.forEach((s, i) => {
    const next = stretch.samples[i + 1];
    const dt = next ? next.t - s.t : 50;
    add(self, name(nodes.get(s.id)), dt);
    const seen = new Set();
    for (let id = s.id; id; id = parent.get(id)) {
      const key = name(nodes.get(id));
      if (!seen.has(key)) add(inclusive, key, dt);
      seen.add(key);
    }
  });
  const top = (map, filter, n) =>
    [...map]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`));
  console.log(`\n== ${((stretch.end - stretch.start) / 1000).toFixed(1)} ms at +${((stretch.start - profile.startTime) / 1000).toFixed(0)} ms`);
  console.log('-- self time ("(program)" is the browser itself: style, layout, paint)');
  top(self, () => true, 20);
  console.log("-- inside the widget's functions (inclusive)");
  top(inclusive, (k) => k.includes('contact_history'), 20);
}
