/**
 * Regenerates everything under src/gen/ from the protos in the `google-proto-files`
 * dev dependency:
 *   - src/gen/pb/**            protobuf-es message types for every Google Ads API version's
 *                              errors/ tree (with their imports) and google/rpc.
 *   - src/gen/catalog-data.ts  the merged error-code catalog (every ErrorCode member of every
 *                              version, every code with its number and versions).
 *   - src/gen/services-<v>.binpb.gz  a descriptor set of the services the emulator serves,
 *                              for the newest version.
 *
 * Adding an API version = bump google-proto-files, run `npm run generate`, commit.
 * `npm run generate -- --check` exits 1 when the committed output differs (used in CI).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createFileRegistry, type DescEnum } from '@bufbuild/protobuf';
import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoRoot = join(root, 'node_modules', 'google-proto-files');
const bin = join(root, 'node_modules', '.bin');
const check = process.argv.includes('--check');

const outRoot = check ? mkdtempSync(join(tmpdir(), 'ads-errors-gen-')) : join(root, 'src', 'gen');

function buf(args: string[]): void {
  execFileSync(join(bin, 'buf'), args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
}

const adsDir = join(protoRoot, 'google', 'ads', 'googleads');
const versions = readdirSync(adsDir)
  .filter((d) => /^v\d+$/.test(d) && existsSync(join(adsDir, d, 'errors', 'errors.proto')))
  .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
if (versions.length === 0) throw new Error(`no google/ads/googleads/vNN/errors/errors.proto under ${protoRoot}`);
const newest = versions[versions.length - 1]!;

// 1. protobuf-es code.
const pbOut = join(outRoot, 'pb');
rmSync(pbOut, { recursive: true, force: true });
const tmp = mkdtempSync(join(tmpdir(), 'ads-errors-buf-'));
const template = join(tmp, 'buf.gen.yaml');
writeFileSync(
  template,
  [
    'version: v2',
    'plugins:',
    '  - local: protoc-gen-es',
    `    out: ${pbOut}`,
    '    include_imports: true',
    '    opt: [target=ts, import_extension=js]',
    '',
  ].join('\n'),
);
const pbPaths = [
  ...versions.map((v) => join(adsDir, v, 'errors', 'errors.proto')),
  join(protoRoot, 'google', 'rpc', 'status.proto'),
  join(protoRoot, 'google', 'rpc', 'error_details.proto'),
  join(protoRoot, 'google', 'rpc', 'code.proto'),
];
buf(['generate', protoRoot, '--template', template, ...pbPaths.flatMap((p) => ['--path', p])]);

// The protos' doc comments stay in the protos: strip them from the generated code, keeping the
// "@generated" markers that say where each declaration came from.
function stripDocComments(file: string): void {
  const text = readFileSync(file, 'utf8');
  const out = text
    .replace(/^\/\/ Copyright[\s\S]*?limitations under the License\.\n\n/m, '')
    .replace(/\/\*\*[\s\S]*?\*\//g, (block) => {
      const keep = block.match(/@generated from [^\n]*/);
      return keep ? `/** ${keep[0]} */` : '';
    })
    .replace(/\n{3,}/g, '\n\n');
  writeFileSync(file, out);
}
function walk(dir: string, fn: (f: string) => void): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, fn);
    else fn(p);
  }
}
walk(pbOut, (f) => f.endsWith('.ts') && stripDocComments(f));

// 2. The catalog, read from descriptor sets that buf builds for each version.
interface CodeRow {
  name: string;
  number: number;
  versions: string[];
}
interface CategoryRow {
  /** ErrorCode oneof member, lowerCamelCase (as in JSON): `authorizationError`. */
  category: string;
  /** Proto field name: `authorization_error`. */
  field: string;
  /** Enum type name: `AuthorizationError`. */
  enumName: string;
  /** Oneof field number per version (absent where the category does not exist). */
  fieldNumbers: Record<string, number>;
  codes: CodeRow[];
}
const categories = new Map<string, CategoryRow>();
for (const v of versions) {
  const image = join(tmp, `${v}.binpb`);
  buf(['build', protoRoot, '-o', image, '--exclude-source-info', '--path', join(adsDir, v, 'errors', 'errors.proto')]);
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(image));
  const registry = createFileRegistry(set);
  const errorCode = registry.getMessage(`google.ads.googleads.${v}.errors.ErrorCode`);
  if (!errorCode) throw new Error(`${v}: no ErrorCode message`);
  for (const field of errorCode.fields) {
    if (field.fieldKind !== 'enum') throw new Error(`${v}: ErrorCode.${field.name} is not an enum`);
    const en: DescEnum = field.enum;
    let row = categories.get(field.jsonName);
    if (!row) {
      row = { category: field.jsonName, field: field.name, enumName: en.name, fieldNumbers: {}, codes: [] };
      categories.set(field.jsonName, row);
    }
    row.fieldNumbers[v] = field.number;
    for (const value of en.values) {
      let code = row.codes.find((c) => c.name === value.name && c.number === value.number);
      if (!code) {
        code = { name: value.name, number: value.number, versions: [] };
        row.codes.push(code);
      }
      code.versions.push(v);
    }
  }
}
const sortedCats = [...categories.values()].sort((a, b) => a.category.localeCompare(b.category));
for (const c of sortedCats) c.codes.sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));

// Compact rows: versions become a bit mask over API_VERSIONS to keep the module small.
const mask = (vs: string[]) => vs.reduce((m, v) => m | (1 << versions.indexOf(v)), 0);
const lines: string[] = [];
lines.push('// @generated by scripts/generate.ts from google-proto-files. Do not edit; run `npm run generate`.');
lines.push('/* eslint-disable */');
lines.push('');
lines.push('/** Every Google Ads API version the catalog was generated from, oldest first. */');
lines.push(`export const API_VERSIONS = ${JSON.stringify(versions)} as const;`);
lines.push('');
lines.push('/** The newest API version in the catalog. */');
lines.push(`export const NEWEST_API_VERSION = ${JSON.stringify(newest)} as const;`);
lines.push('');
lines.push('/**');
lines.push(' * One row per ErrorCode oneof member:');
lines.push(' * [category (JSON name), proto field name, enum name, oneof field number per API_VERSIONS entry (0 = absent),');
lines.push(' *  codes as [name, number, bit mask over API_VERSIONS]].');
lines.push(' */');
lines.push('export type CatalogRow = readonly [string, string, string, readonly number[], readonly (readonly [string, number, number])[]];');
lines.push('');
lines.push('export const CATALOG_ROWS: readonly CatalogRow[] = [');
for (const c of sortedCats) {
  const nums = versions.map((v) => c.fieldNumbers[v] ?? 0);
  const codes = c.codes.map((k) => `[${JSON.stringify(k.name)},${k.number},${mask(k.versions)}]`).join(',');
  lines.push(`  [${JSON.stringify(c.category)},${JSON.stringify(c.field)},${JSON.stringify(c.enumName)},${JSON.stringify(nums)},[${codes}]],`);
}
lines.push('];');
lines.push('');
mkdirSync(outRoot, { recursive: true });
writeFileSync(join(outRoot, 'catalog-data.ts'), lines.join('\n'));

// 3. The services the emulator serves, for the newest version, as a descriptor set.
const svcDir = join(adsDir, newest, 'services');
const svcImage = join(tmp, 'services.binpb');
buf([
  'build', protoRoot, '-o', svcImage, '--exclude-source-info',
  ...['google_ads_service', 'campaign_service', 'customer_service', 'batch_job_service'].flatMap((s) => [
    '--path', join(svcDir, `${s}.proto`),
  ]),
  '--path', join(protoRoot, 'google', 'rpc', 'error_details.proto'),
]);
for (const f of readdirSync(outRoot)) if (/^services-v\d+\.binpb\.gz$/.test(f)) rmSync(join(outRoot, f));
writeFileSync(join(outRoot, `services-${newest}.binpb.gz`), gzipSync(readFileSync(svcImage), { level: 9, mtime: 0 } as never));
writeFileSync(
  join(outRoot, 'services-meta.ts'),
  [
    '// @generated by scripts/generate.ts. Do not edit; run `npm run generate`.',
    '/** The API version whose services the emulator serves (the newest in google-proto-files). */',
    `export const SERVICES_API_VERSION = ${JSON.stringify(newest)} as const;`,
    `/** File name, beside this module, of the gzipped descriptor set of those services. */`,
    `export const SERVICES_DESCRIPTOR_FILE = ${JSON.stringify(`services-${newest}.binpb.gz`)};`,
    '',
  ].join('\n'),
);
writeFileSync(
  join(outRoot, 'newest-errors.ts'),
  [
    '// @generated by scripts/generate.ts. Do not edit; run `npm run generate`.',
    '// The error types of the newest API version, so that code which builds failures (the',
    '// emulator) never names a version itself.',
    `export * from './pb/google/ads/googleads/${newest}/errors/errors_pb.js';`,
    `export { ValueSchema, type Value } from './pb/google/ads/googleads/${newest}/common/value_pb.js';`,
    '',
  ].join('\n'),
);
rmSync(tmp, { recursive: true, force: true });

if (check) {
  const committed = join(root, 'src', 'gen');
  let diff = '';
  try {
    execFileSync('diff', ['-r', '-q', committed, outRoot], { encoding: 'utf8' });
  } catch (e) {
    diff = String((e as { stdout?: string }).stdout ?? e);
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (diff) {
    console.error(`src/gen/ is out of date; run \`npm run generate\`:\n${diff}`);
    process.exit(1);
  }
  console.log('src/gen/ matches the protos.');
} else {
  const total = sortedCats.reduce((n, c) => n + c.codes.length, 0);
  console.log(`generated ${versions.join(', ')}: ${sortedCats.length} categories, ${total} codes → ${relative(root, outRoot)}`);
}
