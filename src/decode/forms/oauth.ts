/**
 * OAuth 2.0 failures: the token endpoint's JSON body (`{"error":"invalid_grant",
 * "error_description":…}`), errors that wrap it (GaxiosError, axios), and gRPC errors whose text
 * says the credentials plugin failed ("Getting metadata from plugin failed with error:
 * invalid_grant"). Whatever status they arrived with, these are authentication problems.
 */
import type { AdsErrorEntry } from '../../error/types.js';
import { makeEntry, ref } from '../entry.js';
import { isObj, prop, str } from '../values.js';

/** Error values of RFC 6749 §5.2 and the ones Google's token endpoint adds. */
export const OAUTH_ERRORS: ReadonlySet<string> = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'invalid_token',
  'insufficient_scope',
  'server_error',
  'temporarily_unavailable',
  'unsupported_response_type',
  'deleted_client',
  'disabled_client',
  'org_internal',
  'admin_policy_enforced',
  'invalid_rapt',
]);

/** Values distinctive enough to spot inside free text without an `error:` label. */
const DISTINCT = /\b(invalid_grant|invalid_client|unauthorized_client|unsupported_grant_type|invalid_scope|invalid_rapt|deleted_client|disabled_client|org_internal|admin_policy_enforced)\b/;
const LABELLED = /["']?error["']?\s*[:=]\s*["']?([a-z_]{5,40})["']?/;

/** A token-endpoint body, or null when `o` is not one. */
export function readOAuthBody(o: unknown): AdsErrorEntry | null {
  if (!isObj(o)) return null;
  const error = prop(o, 'error');
  if (typeof error !== 'string' || !OAUTH_ERRORS.has(error)) return null;
  const description = str(prop(o, 'error_description')) ?? str(prop(o, 'errorDescription')) ?? '';
  const subtype = str(prop(o, 'error_subtype'));
  const name = subtype === 'invalid_rapt' ? 'invalid_grant' : error;
  return makeEntry({
    code: ref('oauth', name),
    message: subtype ? `${description}${description ? ' ' : ''}(subtype ${subtype})` : description,
  });
}

/**
 * The OAuth error named in a piece of text (an error message, a log line), or null. Only
 * distinctive names are taken from free text; generic ones need an `error: …` label.
 */
/**
 * Google's token endpoint uses fixed descriptions; pasted alone they still name the error.
 */
const DESCRIPTIONS: readonly [RegExp, string][] = [
  [/\bToken has been expired or revoked\b/i, 'invalid_grant'],
  [/\bThe OAuth client was not found\b/i, 'invalid_client'],
  [/\bClient is unauthorized to retrieve access tokens\b/i, 'unauthorized_client'],
];

export function oauthFromText(text: string): AdsErrorEntry | null {
  const m = DISTINCT.exec(text);
  let name = m?.[1];
  if (!name) {
    for (const [re, code] of DESCRIPTIONS) {
      if (re.test(text)) {
        name = code;
        break;
      }
    }
  }
  if (!name) {
    const l = LABELLED.exec(text);
    if (l && OAUTH_ERRORS.has(l[1]!)) name = l[1];
  }
  if (!name) return null;
  const desc = /(?:error_description|\bDescription)["']?\s*[:=]\s*["']([^"']{0,300})["']/.exec(text)?.[1] ?? '';
  return makeEntry({ code: ref('oauth', name === 'invalid_rapt' ? 'invalid_grant' : name), message: desc || oneLine(text) });
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 300 ? `${t.slice(0, 297)}...` : t;
}
