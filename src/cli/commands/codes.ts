/**
 * `ads-errors codes [QUERY] [--version vNN] [--json]`
 */
import { allCodes, API_VERSIONS, findCategory, type CatalogCode } from '../../catalog/catalog.js';
import { parseArgs } from '../args.js';
import { UsageError, type Command } from '../io.js';

const HELP = `Usage: ads-errors codes [QUERY] [--version vNN] [--json]

Lists the Google Ads API error codes of the catalog (${API_VERSIONS.join(', ')}) with the versions
each exists in. With QUERY, only the codes that match it:

  a name or part of one     TOO_LONG, user permission, duplicate_name
  a category                quotaError, quota_error, QuotaError (every code in it)
  a number                  7 (codes with that number), quotaError.2, authorization_error:2
  a full key                authorizationError.USER_PERMISSION_DENIED

  --version   only codes that exist in this API version
  --json      print exactly one JSON array

Exit status: 0 something matched, 1 nothing matched, 2 usage error.
`;

const squash = (s: string) => s.replace(/[\s_.:-]/g, '').toLowerCase();

/** The codes matching a query (see HELP), in catalog order. Never throws. */
export function searchCodes(query: string | undefined, version?: string): CatalogCode[] {
  let codes = allCodes().filter((c) => !version || c.versions.includes(version));
  const q = query?.trim();
  if (!q) return codes;
  const keyed = /^([A-Za-z_]+)\s*[.:/]\s*([A-Za-z0-9_]+)$/.exec(q);
  if (keyed) {
    const cat = findCategory(keyed[1]);
    if (cat) {
      const tail = keyed[2]!;
      return codes.filter((c) => c.category === cat.category && (/^\d+$/.test(tail) ? c.number === Number(tail) : c.name.includes(tail.toUpperCase())));
    }
  }
  const cat = findCategory(q);
  if (cat) return codes.filter((c) => c.category === cat.category);
  if (/^\d+$/.test(q)) return codes.filter((c) => c.number === Number(q));
  const needle = squash(q);
  codes = codes.filter((c) => squash(c.name).includes(needle) || squash(c.key).includes(needle));
  return codes;
}

export const codesCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, { flags: ['json', 'help'], options: ['version'] });
  if (args.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const version = args.options.get('version');
  if (version !== undefined && !(API_VERSIONS as readonly string[]).includes(version)) {
    throw new UsageError(`--version must be one of ${API_VERSIONS.join(', ')}, got '${version}'`);
  }
  const query = args.positional.length ? args.positional.join(' ') : undefined;
  const found = searchCodes(query, version);
  if (args.flags.has('json')) {
    const rows = found.map((c) => ({ key: c.key, category: c.category, name: c.name, number: c.number, versions: c.versions }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return found.length ? 0 : 1;
  }
  if (found.length === 0) {
    io.stderr.write(`no code matches '${query ?? ''}'\n`);
    return 1;
  }
  const all = API_VERSIONS.length;
  const width = Math.max(...found.map((c) => c.key.length));
  const lines = found.map((c) => {
    const versions = c.versions.length === all ? `${c.versions[0]}–${c.versions[all - 1]}` : c.versions.join(' ');
    return `${c.key.padEnd(width)}  ${String(c.number).padStart(3)}  ${versions}`;
  });
  io.stdout.write(`${lines.join('\n')}\n${found.length} code${found.length === 1 ? '' : 's'}\n`);
  return 0;
};
