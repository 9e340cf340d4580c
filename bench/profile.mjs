// Profiles navigation to the first page painted and breaks down the longest busy run.
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
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.goto(`${server.origin}/bench/widget.html?candidate=cand&pageSize=${pageSize}&total=${size}`);
await page.evaluate(([t, s]) => window.__bench.loadAll(t, s), [size, pageSize]);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`.slice(0, 140);
let t = profile.startTime; const samples = [];
profile.samples.forEach((id, i) => { t += profile.timeDeltas[i]; samples.push({ id, t }); });
const runs = []; let cur = null;
for (const s of samples) {
  const n = byId.get(s.id); const idle = n.callFrame.functionName === '(idle)';
  if (idle || (cur && s.t - cur.end > 3000)) { if (cur) runs.push(cur); cur = null; if (idle) continue; }
  if (!cur) cur = { start: s.t, end: s.t, samples: [] };
  cur.end = s.t; cur.samples.push(s);
}
if (cur) runs.push(cur);
runs.sort((a, b) => (b.end - b.start) - (a.end - a.start));
for (const run of runs.slice(0, Number(process.env.RUNS ?? 2))) {
  console.log(`\n=== busy run of ${((run.end - run.start) / 1000).toFixed(1)} ms at +${((run.start - profile.startTime) / 1000).toFixed(0)} ms`);
  const self = new Map(), incl = new Map();
  for (let i = 0; i < run.samples.length; i++) {
    const dt = i + 1 < run.samples.length ? run.samples[i + 1].t - run.samples[i].t : 50;
    const n = byId.get(run.samples[i].id);
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    const seen = new Set();
    for (let id = n.id; id; id = parent.get(id)) { const k = name(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
  }
  console.log('-- self'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(7), k));
  console.log('-- inclusive (widget code)'); [...incl].filter(([k]) => /contact_history|tachys|reactive_graph|serde|Loader/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(7), k));
}
await browser.close(); server.close();
