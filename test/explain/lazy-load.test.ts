// Importing the decoder (or the explain entry) must not load any locale pack: packs are reached
// only through dynamic import(). Checked on the static import graph of the sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file reachable from `entry` through static `import … from` / `export … from`. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [resolve(root, entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s[^;'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      if (/^\s*import\s+type\s/.test(m[0]) || /^\s*export\s+type\s/.test(m[0])) continue;
      const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) stack.push(target);
    }
    for (const m of src.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) {
      const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) stack.push(target);
    }
  }
  return seen;
}

const loadsLocale = (files: Set<string>) => [...files].filter((f) => f.includes('/explain/locales/'));

test('the decoder entry reaches no locale pack', () => {
  const graph = staticGraph('src/decode/index.ts');
  assert.ok(graph.size > 3);
  assert.deepEqual(loadsLocale(graph), []);
});

test('the explain entry reaches no locale pack statically', () => {
  const graph = staticGraph('src/explain/index.ts');
  assert.ok([...graph].some((f) => f.endsWith('/explain/explain.ts')));
  assert.deepEqual(loadsLocale(graph), []);
});

test('the walker does see a pack when one is imported statically', () => {
  assert.ok(loadsLocale(staticGraph('src/explain/locales/en/index.ts')).length > 5);
});
