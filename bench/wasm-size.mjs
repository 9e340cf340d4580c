#!/usr/bin/env node
// Where the WebAssembly's bytes go: section sizes of a .wasm file and, when it still has
// its `name` section (cargo's output before wasm-bindgen and wasm-opt, e.g.
// target/wasm32-unknown-unknown/release/contact-history.wasm), the code size per crate.
// The shipped file (after wasm-opt) has no names, so the crate shares are taken from the
// unoptimised file: proportions, not exact shipped bytes.
//
//   node bench/wasm-size.mjs [file.wasm] [--json]

import { readFileSync } from 'node:fs';

function leb(bytes, at) {
  let result = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [result, pos];
  }
}

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

/** Section sizes, and per-function body sizes with names when present. */
export function analyse(bytes) {
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imports = 0;
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = leb(bytes, pos + 1);
    const end = start + size;
    let name = SECTIONS[id] ?? `section ${id}`;
    if (id === 0) {
      const [len, at] = leb(bytes, start);
      name = `custom "${Buffer.from(bytes.subarray(at, at + len)).toString('utf8')}"`;
      if (name === 'custom "name"') {
        let p = at + len;
        while (p < end) {
          const sub = bytes[p];
          const [subSize, subStart] = leb(bytes, p + 1);
          if (sub === 1) {
            let [count, q] = leb(bytes, subStart);
            for (let i = 0; i < count; i++) {
              let index;
              let n;
              [index, q] = leb(bytes, q);
              [n, q] = leb(bytes, q);
              names.set(index, Buffer.from(bytes.subarray(q, q + n)).toString('utf8'));
              q += n;
            }
          }
          p = subStart + subSize;
        }
      }
    }
    if (id === 2) {
      let [count, q] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) {
          const [n, r] = leb(bytes, q);
          q = r + n;
        }
        const kind = bytes[q++];
        if (kind === 0) {
          imports++;
          [, q] = leb(bytes, q);
        } else if (kind === 1) {
          q += 1;
          const [flags, r] = leb(bytes, q);
          [, q] = leb(bytes, r);
          if (flags & 1) [, q] = leb(bytes, q);
        } else if (kind === 2) {
          const [flags, r] = leb(bytes, q);
          [, q] = leb(bytes, r);
          if (flags & 1) [, q] = leb(bytes, q);
        } else if (kind === 3) {
          q += 2;
        } else {
          [, q] = leb(bytes, q);
        }
      }
    }
    if (id === 10) {
      let [count, q] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [bodySize, b] = leb(bytes, q);
        bodies.push({ index: imports + i, size: bodySize + (b - q) });
        q = b + bodySize;
      }
    }
    sections.push({ name, size: end - pos });
    pos = end;
  }
  for (const body of bodies) body.name = names.get(body.index) ?? null;
  return { total: bytes.length, sections, bodies, named: names.size > 0 };
}

/** The crate a (mangled or demangled) Rust symbol belongs to, roughly. */
export function crateOf(name) {
  if (!name) return '(unnamed)';
  let head = null;
  if (name.startsWith('_R')) {
    // v0 mangling: the first crate root, `C` [`s` disambiguator `_`] <length><name>.
    const m = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    if (m) head = name.substr(m.index + m[0].length, Number(m[1]));
  } else if (name.startsWith('_ZN') && !name.match(/^_ZN\d+_\$/)) {
    const m = name.match(/^_ZN(\d+)/);
    if (m) head = name.substr(m[0].length, Number(m[1]));
  } else {
    // Legacy escapes (`_$LT$tachys..html..X$u20$as$u20$...`), then `<Type as Trait>`:
    // the type's crate, or the trait's when the type is generic (`T`, `&T`).
    const text = name
      .replace(/^_ZN\d+_(?=\$)/, '').replace(/^_(?=\$)/, '')
      .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
      .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$[a-z0-9]+\$/g, '');
    const impl = text.match(/^<&?(?:mut )?([^ ]*) as ([^>]*)>/);
    const path = impl ? (/::/.test(impl[1]) ? impl[1] : impl[2]) : text;
    const m = path.match(/([A-Za-z_][A-Za-z0-9_]*)::/);
    head = m ? m[1] : path;
  }
  if (!head) return '(other)';
  if (['core', 'alloc', 'std'].includes(head)) return 'std (core, alloc, std)';
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen)/.test(head)) return 'wasm_bindgen';
  if (/^(dlmalloc|compiler_builtins|memcpy|memset|memmove|memcmp)/.test(head)) return 'allocator and builtins';
  if (/_[0-9a-f]{16}$/.test(head)) return 'contact_history (exports)';
  return head;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const file = process.argv.find((a, i) => i >= 2 && !a.startsWith('--')) ?? 'target/wasm32-unknown-unknown/release/contact-history.wasm';
  const result = analyse(readFileSync(file));
  const byCrate = new Map();
  for (const b of result.bodies) byCrate.set(crateOf(b.name), (byCrate.get(crateOf(b.name)) ?? 0) + b.size);
  const code = result.bodies.reduce((t, b) => t + b.size, 0);
  const crates = [...byCrate].sort((a, b) => b[1] - a[1]);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ file, total: result.total, sections: result.sections, code, crates }, null, 1));
  } else {
    console.log(`${file}: ${result.total} bytes`);
    for (const s of result.sections) console.log(`  ${s.name.padEnd(28)} ${String(s.size).padStart(9)}`);
    if (result.named) {
      console.log(`code by crate (${code} bytes of function bodies):`);
      for (const [crate, size] of crates.slice(0, 25)) console.log(`  ${crate.padEnd(28)} ${String(size).padStart(9)}  ${((size / code) * 100).toFixed(1).padStart(5)} %`);
    }
  }
}
