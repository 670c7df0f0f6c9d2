/**
 * `npm start`: a tour of what ads-errors does, on the bundled example failures in examples/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../decode/decode.js';
import { formatDecoded } from './format.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = join(root, 'examples');
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const out = (s: string) => process.stdout.write(s);

out('ads-errors — every Google Ads API failure, decoded\n');
out('====================================================\n\n');
for (const name of readdirSync(examples).sort()) {
  const input = readFileSync(join(examples, name));
  out(`$ ads-errors decode examples/${name}\n`);
  out(formatDecoded(decode(input), color));
  out('\n');
}
out('Try it on your own failure:  npx ads-errors decode FILE   (or pipe it in: ... | npx ads-errors decode -)\n');
