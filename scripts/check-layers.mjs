// The source's import arrows point one way (docs/architecture.md): each layer of the core may use
// only the layers below it, and no two files import each other. Run by scripts/test.sh; prints each
// arrow that breaks the rule and exits 1.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Bottom to top. `web/` and the binaries sit above all of them.
const LAYERS = ['data', 'model', 'protocol', 'train', 'distill', 'pipeline'];
const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

/** `src/web/actions/pool.rs` → ['web', 'actions', 'pool']; a `mod.rs` names its folder. */
function modulePath(file) {
  const parts = relative(src, file).replace(/\.rs$/, '').split(sep);
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts;
}

/** Code without comments and strings (doc links and messages are not imports). */
function code(text) {
  return text
    .replace(/\/\/[^\n]*/g, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** Paths like `crate::a::b` and `super::c::{d, e::f}` in `text`, one level of braces expanded. */
function paths(text) {
  const out = [];
  const re = /\b(crate|super)((?:::\w+)*)(?:::\{([^{}]*)\})?/g;
  for (const m of text.matchAll(re)) {
    const head = [m[1], ...m[2].split('::').filter(Boolean)];
    if (!m[3]) out.push(head);
    else for (const item of m[3].split(',')) out.push([...head, ...item.trim().split('::').filter((s) => s && s !== 'self')]);
  }
  return out;
}

const modules = new Map(); // 'web/actions/pool' → file
const all = files(src).filter((f) => !relative(src, f).startsWith('bin'));
for (const f of all) modules.set(modulePath(f).join('/'), f);

/** The module file a path refers to, seen from `file`'s module: its longest known prefix. */
function resolve(file, path) {
  // `super` is the module above this file's own (for `a/x.rs`, `a`; for `a/mod.rs`, a's parent).
  const up = path[0] === 'crate' ? 0 : path.findIndex((s) => s !== 'super');
  const own = modulePath(file);
  const full = path[0] === 'crate' ? path.slice(1) : [...own.slice(0, own.length - up), ...path.slice(up)];
  for (let n = full.length; n > 0; n--) {
    const key = full.slice(0, n).join('/');
    if (modules.has(key)) return key;
  }
  return null;
}

const problems = [];
const edges = new Map();
for (const f of all) {
  const from = modulePath(f).join('/');
  const targets = new Set(paths(code(readFileSync(f, 'utf8'))).map((p) => resolve(f, p)).filter((t) => t && t !== from));
  edges.set(from, targets);
  const layer = LAYERS.indexOf(from.split('/')[0]);
  for (const t of targets) {
    const other = LAYERS.indexOf(t.split('/')[0]);
    if (layer >= 0 && (other < 0 || other > layer)) problems.push(`${from} imports ${t}: an arrow up, from ${LAYERS[layer]}/ to ${t.split('/')[0]}/`);
  }
}
for (const [a, ts] of edges) {
  for (const b of ts) {
    // A folder's mod.rs re-exporting its children is the folder's own face, not a circle.
    const parent = (x, y) => y.startsWith(`${x}/`);
    if (a < b && edges.get(b)?.has(a) && !parent(a, b) && !parent(b, a)) problems.push(`${a} and ${b} import each other`);
  }
}
if (problems.length) {
  console.error(`Layering: ${problems.length} arrow(s) break the rule\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Layering: ${all.length} files, ${[...edges.values()].reduce((n, t) => n + t.size, 0)} arrows, none up, no two files importing each other.`);
