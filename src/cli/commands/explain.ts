/**
 * `ads-errors explain [FILE|-|CODE] [--lang en|ko|id|zh-TW] [--json]`
 */
import { stat } from 'node:fs/promises';
import { decode } from '../../decode/index.js';
import { parseCode } from '../../explain/code-ref.js';
import { explainWith } from '../../explain/explain.js';
import { loadLocale, LOCALES, resolveLocale } from '../../explain/locales.js';
import type { Explanation, Locale, LocalePack, RequestContext } from '../../explain/types.js';
import { parseArgs, readInput } from '../args.js';
import { UsageError, type Command } from '../io.js';

const HELP = `Usage: ads-errors explain [FILE|-|CODE] [--lang en|ko|id|zh-TW] [--json]
                          [--customer-id ID] [--login-customer-id ID]

Explains each error of a failed Google Ads API call: what happened, likely causes, what to do
now, how to prevent it, whether and when to retry, and who has to act.

  FILE | -        a failure in any form "decode" reads (a REST body, gRPC trailers, a client
                  library error, an OAuth error, pasted text...); "-" or nothing: standard input
  CODE            a code instead: authorizationError.USER_PERMISSION_DENIED, USER_PERMISSION_DENIED,
                  PERMISSION_DENIED, 7, invalid_grant, 403.rateLimitExceeded, errorInfo.SERVICE_DISABLED
  --lang          language of the text; default from LC_ALL / LC_MESSAGES / LANG, else English
  --json          print exactly one JSON object
  --customer-id, --login-customer-id
                  what the failed request sent, for advice that depends on it

Exit status: 0 explained, 1 the input was not recognized as a failure, 2 usage error.
`;

/** The language: --lang first, then the POSIX locale variables, then English. */
export function pickLocale(lang: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  if (lang !== undefined) {
    const l = resolveLocale(lang);
    if (!l) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}, got '${lang}'`);
    return l;
  }
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v) return resolveLocale(v) ?? 'en';
  }
  return 'en';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const bullet = (items: readonly string[], numbered = false) =>
  items.map((s, i) => `  ${numbered ? `${i + 1}.` : '-'} ${s}`).join('\n');

/** One explanation as terminal text, labelled in the pack's language. */
export function formatExplanation(e: Explanation, pack: LocalePack, position: string | null): string {
  const L = pack.ui.labels;
  const lines: string[] = [];
  lines.push(`${position ? `[${position}] ` : ''}${e.title}`);
  lines.push(`${L.code}: ${e.code}`);
  const facts: [string | undefined, string | undefined][] = [
    [L.operation, e.operationIndex != null ? String(e.operationIndex + 1) : undefined],
    [L.fieldPath, e.facts.fieldPath],
    [L.trigger, e.facts.trigger],
    [L.requestId, e.facts.requestId],
  ];
  for (const [label, value] of facts) if (value !== undefined) lines.push(`${label}: ${value}`);
  lines.push('', `${L.what}:`, `  ${e.what}`);
  if (e.causes.length) lines.push('', `${L.causes}:`, bullet(e.causes));
  if (e.steps.length) lines.push('', `${L.steps}:`, bullet(e.steps, true));
  if (e.prevent.length) lines.push('', `${L.prevent}:`, bullet(e.prevent));
  lines.push('', `${L.retry}: ${e.retry.text}`, `${L.actor}: ${e.actorText}`);
  return `${lines.join('\n')}\n`;
}

export const explainCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, { flags: ['json', 'help'], options: ['lang', 'customer-id', 'login-customer-id'] });
  if (args.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positional.length > 1) throw new UsageError(`expected at most one FILE or CODE, got ${args.positional.length}`);
  const locale = pickLocale(args.options.get('lang'), io.env);
  const request: RequestContext = {
    customerId: args.options.get('customer-id') ?? null,
    loginCustomerId: args.options.get('login-customer-id') ?? null,
  };
  const hasRequest = args.options.has('customer-id') || args.options.has('login-customer-id');
  const options = hasRequest ? { locale, request } : { locale };
  const arg = args.positional[0];

  let subject: unknown;
  let recognized = true;
  let kind: 'code' | 'failure';
  if (arg !== undefined && arg !== '-' && !(await isFile(arg))) {
    if (!parseCode(arg)) throw new UsageError(`'${arg}' is neither a file nor an error code`);
    subject = arg;
    kind = 'code';
  } else {
    const bytes = await readInput(arg, io);
    const err = decode(bytes);
    const text = bytes.length < 200 ? bytes.toString('utf8').trim() : '';
    if (!err.recognized && text && !/\s/.test(text) && parseCode(text)) {
      // A bare code piped in (`echo USER_PERMISSION_DENIED | ads-errors explain`).
      subject = text;
      kind = 'code';
    } else {
      recognized = err.recognized;
      subject = err;
      kind = 'failure';
    }
  }
  const pack = await loadLocale(locale);
  const explanations = explainWith(pack, subject, options);
  if (args.flags.has('json')) {
    const failure = kind === 'failure' ? (subject as { requestId: string | null; status: unknown }) : null;
    const out = {
      locale: pack.locale,
      input: kind,
      recognized,
      requestId: failure?.requestId ?? null,
      explanations,
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const n = explanations.length;
    const parts = explanations.map((e, i) => formatExplanation(e, pack, n > 1 ? `${i + 1}/${n}` : null));
    io.stdout.write(parts.join('\n'));
  }
  return recognized ? 0 : 1;
};
