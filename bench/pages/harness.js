// The measuring harness, loaded first (a classic script in <head>) by both the widget
// page and the baseline page, so both are measured the same way:
// - long tasks and long animation frames, observed from the start;
// - every fetch: when it started and when its response arrived;
// - "painted": the first frame presented after the DOM reached a state, taken as the
//   time a message posted from that frame's requestAnimationFrame arrives (the
//   frame's style, layout and paint have run by then).
// The page's own script sets `window.__app = { name, refresh(), wasmBytes() }`.
(() => {
  'use strict';
  const B = (window.__bench = { longtasks: [], loafs: [], fetches: [], marks: {}, errors: [] });
  window.addEventListener('error', (e) => B.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => B.errors.push(String(e.reason)));

  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
      return true;
    } catch {
      return false;
    }
  };
  B.supports = {
    longtask: observe('longtask', (e) => B.longtasks.push({ start: e.startTime, duration: e.duration })),
    loaf: observe('long-animation-frame', (e) =>
      B.loafs.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        // Where the frame's time went: scripts (tasks and callbacks), and style + layout.
        script: (e.scripts ?? []).reduce((t, s) => t + s.duration, 0),
        styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      }),
    ),
  };

  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const promise = realFetch.call(window, input, init);
    // Only the API's requests (init() also fetches the .wasm through window.fetch).
    if (!String(url).includes('/api/v1/')) return promise;
    const record = { url, start: performance.now(), end: null };
    B.fetches.push(record);
    // Registered before the page's own handlers: runs first when the response arrives.
    promise.then(
      () => (record.end = performance.now()),
      () => ((record.end = performance.now()), (record.failed = true)),
    );
    return promise;
  };

  /** Resolves with the time the next frame has been presented. */
  B.nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );

  /**
   * Loads the implementation (`src`, a module or a classic script) once the host page
   * has painted, as on a real host page, where the widget's code and data arrive after
   * the host's own first paint. Both implementations start this way.
   */
  B.hostPainted = new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => B.nextPaint().then(resolve), { once: true }),
  );
  B.start = (src, module) =>
    B.hostPainted.then(() => {
      B.marks.started = performance.now();
      const script = document.createElement('script');
      if (module) script.type = 'module';
      script.src = src;
      document.head.append(script);
    });

  /** Resolves when `check()` is truthy (re-checked after every DOM change), with the time. */
  B.when = (check) =>
    new Promise((resolve) => {
      const found = check();
      if (found) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (check()) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    });

  const entries = document.getElementsByClassName('ch-entry');
  B.count = () => entries.length;

  /**
   * Resolves, with the time, once the list holds at least `n` entries. Cheap on purpose,
   * as it runs after every DOM change while thousands of entries are added (and a
   * widget that renders in chunks changes the DOM many times): it counts the list's
   * children once, then keeps the count from the mutation records of the list.
   */
  B.whenCount = (n) =>
    new Promise((resolve) => {
      const isList = (node) => node.nodeType === 1 && node.localName === 'ul' && node.classList.contains('ch-list');
      let list = document.querySelector('ul.ch-list');
      let count = list ? list.childElementCount : 0;
      if (count >= n) return resolve(performance.now());
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          if (isList(record.target)) {
            if (record.target !== list) {
              list = record.target;
              count = list.childElementCount;
              continue;
            }
            for (const node of record.addedNodes) if (node.nodeType === 1) count++;
            for (const node of record.removedNodes) if (node.nodeType === 1) count--;
          } else {
            const added = [...record.addedNodes].find((node) => node.nodeType === 1 && (isList(node) || node.querySelector?.('ul.ch-list')));
            if (added) {
              list = isList(added) ? added : added.querySelector('ul.ch-list');
              count = list.childElementCount;
            }
          }
        }
        // The running count only decides when to look; the list's own count decides.
        if (count >= n && (count = list.childElementCount) >= n) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });

  // The first frame showing any entry (a widget that renders in chunks shows some
  // before the whole first page).
  B.firstEntryPaint = B.whenCount(1).then(async (shown) => {
    B.marks.firstEntry = shown;
    B.marks.firstEntryPaint = await B.nextPaint();
    return B.marks.firstEntryPaint;
  });

  const lastFetch = () => B.fetches[B.fetches.length - 1];

  /** How many emails are loaded, as the header counts them ("1000 emails"). */
  B.loaded = () => Number((document.querySelector('.ch-count')?.textContent ?? '').replace(/\D/g, '') || 0);
  /** The list is still rendering entries it was asked for (the widget renders in chunks). */
  const busy = () => document.querySelector('ul.ch-list[aria-busy="true"]') !== null;
  /**
   * Resolves, with the time, once `n` emails are loaded and rendered: every one of
   * them in the DOM, or, for a list that renders a window of a long history (the
   * widget), that window complete, with the rest behind "Show more".
   */
  B.whenRendered = (n) =>
    B.when(() => B.loaded() >= n && (entries.length >= n || (!busy() && document.querySelector('button.ch-show-more') !== null)));

  // The first page rendered (the page's URL says how many emails and the page size),
  // watched from the start.
  const query = new URLSearchParams(location.search);
  const firstPageSize = Math.min(Number(query.get('total') ?? 1), Number(query.get('pageSize') ?? 1000));
  B.firstPageShown = B.whenRendered(firstPageSize);

  /**
   * Loads every page: clicks "Load older emails" as soon as it can be pressed, until
   * `total` emails are loaded. Records, per page, when its response arrived, when it
   * was rendered, and when that was painted.
   */
  B.loadAll = async (total, pageSize) => {
    await B.firstEntryPaint;
    const shown = await B.firstPageShown;
    // The first page painted: the first frame after it is rendered.
    const painted = shown <= B.marks.firstEntry ? B.marks.firstEntryPaint : await B.nextPaint();
    B.marks.firstPagePaint = painted;
    const pages = [{ loaded: B.fetches[0]?.end ?? null, shown, painted, count: entries.length }];
    while (B.loaded() < total) {
      let button = null;
      await B.when(() => (button = document.querySelector('button.ch-load-older:not([aria-disabled="true"])')));
      const before = B.loaded();
      const clicked = performance.now();
      button.click();
      const shown = await B.whenRendered(Math.min(total, before + pageSize));
      const painted = await B.nextPaint();
      pages.push({ clicked, loaded: lastFetch().end, shown, painted, count: entries.length });
    }
    B.marks.pages = pages;
    B.marks.allPainted = pages[pages.length - 1].painted;
    return pages;
  };

  /**
   * Puts every loaded entry into the DOM: presses "Show more" whenever the list is not
   * busy, until there is none (a list that builds every entry at once has none).
   * Returns when it started and when the last entries were painted.
   */
  B.showAll = async () => {
    const start = performance.now();
    for (;;) {
      await B.when(() => !busy());
      const button = document.querySelector('button.ch-show-more');
      if (!button) break;
      button.click();
      // Let the click's updates start before looking again.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const shown = performance.now();
    return { start, shown, painted: await B.nextPaint() };
  };

  /**
   * Reloads (the app's refresh) and waits until the entry `id` shows `status`, painted.
   * Returns the times of the call, the response and the paint.
   */
  B.changeBadge = async (id, status) => {
    const selector = `li.ch-entry[data-email-id="${id}"] button.ch-badge[data-status="${status}"]`;
    const fetchesBefore = B.fetches.length;
    const start = performance.now();
    window.__app.refresh();
    const shown = await B.when(() => document.querySelector(selector));
    const painted = await B.nextPaint();
    const record = B.fetches[fetchesBefore];
    return { start, loaded: record ? record.end : null, shown, painted };
  };

  /**
   * A normalised description of the DOM under `node`, to check that the widget and the
   * baseline build the same thing: elements, sorted attributes (generated ids replaced
   * by `*`), and text (adjacent text nodes joined, white space collapsed); comments
   * (framework markers) left out. Returns one line per element.
   */
  B.signature = (node) => {
    const ID_ATTRS = new Set(['id', 'for', 'aria-describedby', 'aria-controls', 'aria-labelledby']);
    const lines = [];
    const walk = (element, depth) => {
      const attrs = [...element.attributes]
        .map((a) => `${a.name}=${ID_ATTRS.has(a.name) ? '*' : JSON.stringify(a.value)}`)
        .sort()
        .join(' ');
      let text = '';
      for (const child of element.childNodes) if (child.nodeType === 3) text += child.data;
      text = text.replace(/\s+/g, ' ').trim();
      lines.push(`${'  '.repeat(depth)}<${element.localName}${attrs ? ' ' + attrs : ''}>${text ? ' ' + JSON.stringify(text) : ''}`);
      for (const child of element.children) walk(child, depth + 1);
    };
    walk(node, 0);
    return lines;
  };

  /** Long tasks and long animation frames overlapping [from, to]. */
  B.longest = (from, to) => {
    const overlapping = (list) => list.filter((e) => e.start < to && e.start + e.duration > from);
    const max = (list, key) => list.reduce((m, e) => Math.max(m, e[key]), 0);
    const tasks = overlapping(B.longtasks);
    const frames = overlapping(B.loafs);
    const worst = frames.reduce((w, f) => (w === null || f.duration > w.duration ? f : w), null);
    return {
      longtask: max(tasks, 'duration'),
      longtasks: tasks.length,
      loaf: max(frames, 'duration'),
      loafBlocking: max(frames, 'blocking'),
      loafScript: worst ? worst.script : 0,
      loafStyleLayout: worst ? worst.styleLayout : 0,
    };
  };
})();
