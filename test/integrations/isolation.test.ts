/**
 * The promise that importing the core never loads an integration: the import graph of the
 * core entry points (followed through every relative import, type-only imports excluded)
 * reaches no file of src/integrations and no optional peer. And each integration loads at run
 * time only the peer it is about.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** Run-time imports of a file: static `import … from`, `export … from`, side-effect imports and `import()`. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) {
    if (m[2]) continue; // `import type` / `export type`
    const clause = m[3] ?? '';
    // `import { type A, type B } from` loads nothing either.
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    if (braces && braces[1]!.split(',').every((p) => !p.trim() || /^type\s/.test(p.trim()))) continue;
    out.push(m[4]!);
  }
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Every file reached from `entries`, and every bare (package) specifier they import. */
function graph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of runtimeImports(f)) {
      if (spec.startsWith('.')) todo.push(resolve(dirname(f), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

const PEERS = ['@grpc/grpc-js', 'google-ads-api', 'google-ads-node', 'google-gax', 'redis', 'ioredis', 'pino', '@opentelemetry/api'];

test('the core entry points reach no integration file and no optional peer', () => {
  const core = ['index.ts', 'decode/index.ts', 'catalog/index.ts', 'explain/index.ts', 'retry/index.ts', 'operations/index.ts', 'observe/index.ts'].map((f) => join(src, f));
  const { files, packages } = graph(core);
  assert.ok(files.size > 20, `the walk followed the imports (${files.size} files)`);
  const reached = [...files].map((f) => relative(src, f)).filter((f) => f.startsWith('integrations'));
  assert.deepEqual(reached, []);
  assert.deepEqual(PEERS.filter((p) => packages.has(p)), []);
});

test('each integration loads at run time only its own peer, if any', () => {
  const expected: Record<string, string[]> = {
    'redis-budget.ts': [], // duck-typed: the caller's client is passed in
    'fetch.ts': [],
    'google-ads-api.ts': [], // types only: its version is read from its files
    'grpc.ts': ['@grpc/grpc-js'],
  };
  for (const [file, peers] of Object.entries(expected)) {
    const { packages } = graph([join(src, 'integrations', file)]);
    assert.deepEqual(PEERS.filter((p) => packages.has(p)), peers, file);
  }
});
