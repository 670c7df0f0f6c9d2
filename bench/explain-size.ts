// Bundled size of the core decoder, the explain engine and each locale pack: esbuild bundle,
// minified, then gzip. Prints one line per entry; the figures go in the README, not in a test.
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Keeps what explain loads on demand out of its bundle: the locale packs, and the decoder (only
 * imported for raw inputs; an app that decodes already has it).
 */
const lazyExternal: Plugin = {
  name: 'lazy-external',
  setup(b) {
    b.onResolve({ filter: /\/locales\/.*index\.js$|\/locales\/\$\{|\.\.\/decode\/index\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

async function size(entry: string, plugins: Plugin[] = []): Promise<{ min: number; gzip: number }> {
  const out = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    external: ['node:*'],
    logLevel: 'silent',
    plugins,
  });
  const code = out.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);

const rows: [string, string, Plugin[]][] = [
  ['core decoder (src/decode/index.ts)', 'src/decode/index.ts', []],
  ['explain engine, no pack, no decoder', 'src/explain/index.ts', [lazyExternal]],
];
const localesDir = `${root}src/explain/locales/`;
for (const l of readdirSync(localesDir)) {
  if (existsSync(`${localesDir}${l}/index.ts`)) rows.push([`locale pack ${l}`, `src/explain/locales/${l}/index.ts`, []]);
}

console.log(`${'bundle'.padEnd(50)}${'minified'.padStart(10)}${'gzip'.padStart(10)}`);
for (const [label, entry, plugins] of rows) {
  try {
    const s = await size(entry, plugins);
    console.log(`${label.padEnd(50)}${kb(s.min)}${kb(s.gzip)}`);
  } catch (e) {
    // A pack being written may not build yet; report it and go on.
    console.log(`${label.padEnd(50)}  does not build: ${(e as Error).message.split('\n')[0]}`);
  }
}
