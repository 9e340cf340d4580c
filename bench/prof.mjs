import { serve } from './lib/server.mjs';
import { generateHistory, paginate } from './gen.mjs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(HERE, '..', 'end2end', 'package.json'));
const { chromium } = require('playwright-core');
const server = await serve({ '/dist/': process.env.DIST ?? join(HERE, 'dist'), '/bench/': join(HERE, 'pages') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const size = 1000, pageSize = 1000;
const bodies = new Map([...paginate(generateHistory(size), pageSize, 'cand')].map(([c, p]) => [c, JSON.stringify(p)]));
const page = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })).newPage();
await page.route('**/api/v1/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: bodies.get(new URL(route.request().url()).searchParams.get('cursor')) }));
const cdp = await page.context().newCDPSession(page);
const first = process.env.FIRST;
if (first) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
await page.goto(`${server.origin}/bench/widget.html?candidate=cand&pageSize=${pageSize}&total=${size}`);
await page.evaluate(([t, s]) => window.__bench.loadAll(t, s), [size, pageSize]);
if (!first) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate(() => window.__bench.showAll());
  console.log('showAll ms', t.painted - t.start);
}
const { profile } = await cdp.send('Profiler.stop');
if (first) console.log(await page.evaluate(() => JSON.stringify({ fetches: window.__bench.fetches.map((f) => [f.start, f.end]), long: window.__bench.longtasks })));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0; });
console.log('total sampled ms', (total / 1000).toFixed(0));
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45)).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 150)));
await browser.close(); server.close();
