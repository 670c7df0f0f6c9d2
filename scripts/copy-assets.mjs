// Copies the non-TypeScript files the compiled package needs (the emulator's descriptor set)
// from src/ to dist/, keeping their relative paths.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const exts = ['.gz', '.html', '.css'];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (exts.some((e) => name.endsWith(e))) {
      const to = join('dist', relative('src', p));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(p, to);
    }
  }
}
walk('src');
