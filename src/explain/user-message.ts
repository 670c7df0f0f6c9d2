/**
 * `userMessage()`: one sentence an advertiser understands, built from an error's field path and
 * code — "Operation 3: the new campaign needs a name." — in any pack's language.
 */
import { isAdsError } from '../error/ads-error.js';
import type { AdsErrorEntry, FieldPathElement } from '../error/types.js';
import { parseCode } from './code-ref.js';
import { humanizeField, humanizeName } from './humanize.js';
import { loadLocale } from './locales.js';
import { capitalize, fillOr } from './template.js';
import type { LocalePack, UserMessageOptions } from './types.js';

/** What `userMessage` accepts: an AdsError (its first error), one error, or a code with a path. */
export type UserMessageInput =
  | AdsErrorEntry
  | { readonly errors: readonly AdsErrorEntry[] }
  | { readonly code: string; readonly fieldPath?: string | null; readonly trigger?: string | null };

/** Categories named after a rule, not a resource: they say nothing about what was being changed. */
const GENERIC_CATEGORIES = new Set([
  'fieldError', 'requestError', 'stringLengthError', 'stringFormatError', 'rangeError', 'mutateError', 'idError',
  'nullError', 'notEmptyError', 'sizeLimitError', 'collectionSizeError', 'distinctError', 'dateError', 'dateRangeError',
  'urlFieldError', 'enumError', 'fieldMaskError', 'newResourceCreationError', 'operatorError', 'listOperationError',
  'contextError', 'databaseError', 'internalError', 'quotaError', 'authenticationError', 'authorizationError',
  'headerError', 'queryError', 'partialFailureError', 'policyFindingError', 'policyViolationError', 'policyValidationParameterError',
  'operationAccessDeniedError', 'resourceAccessDeniedError', 'notAllowlistedError', 'resourceCountLimitExceededError',
  'multiplierError', 'functionError', 'functionParsingError', 'regionCodeError', 'currencyCodeError', 'currencyError',
  'languageCodeError', 'countryCodeError', 'timeZoneError', 'setting_error', 'settingError', 'adxError',
]);

const OPERATION_WORDS = new Set(['create', 'update', 'remove', 'operations', 'mutate_operations', 'update_mask']);

/** `operations[2].create.name` → path elements. */
export function parseFieldPath(text: string): FieldPathElement[] {
  const out: FieldPathElement[] = [];
  for (const part of text.split(/[./]/)) {
    const m = /^([A-Za-z0-9_]+)(?:\[(\d+)\])?$/.exec(part.trim());
    if (m) out.push({ fieldName: m[1]!, index: m[2] != null ? Number(m[2]) : null });
  }
  return out;
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

interface Parts {
  readonly codeKey: string;
  readonly category: string;
  readonly name: string;
  readonly path: readonly FieldPathElement[];
  readonly trigger: string | null;
}

function partsOf(input: UserMessageInput): Parts | null {
  let e: AdsErrorEntry | undefined;
  if (isAdsError(input) || ('errors' in input && Array.isArray(input.errors))) e = (input as { errors: readonly AdsErrorEntry[] }).errors[0];
  else if (typeof (input as AdsErrorEntry).code === 'object') e = input as AdsErrorEntry;
  if (e) {
    return {
      codeKey: e.code.key,
      category: e.code.category,
      name: e.code.name,
      path: e.fieldPath.length ? e.fieldPath : e.fieldPathText ? parseFieldPath(e.fieldPathText) : [],
      trigger: e.trigger ? String(e.trigger.value) : null,
    };
  }
  const simple = input as { code?: unknown; fieldPath?: unknown; trigger?: unknown };
  if (typeof simple.code !== 'string') return null;
  const p = parseCode(simple.code);
  if (!p) return null;
  return {
    codeKey: p.code.key,
    category: p.code.category,
    name: p.code.name,
    path: typeof simple.fieldPath === 'string' ? parseFieldPath(simple.fieldPath) : [],
    trigger: typeof simple.trigger === 'string' ? simple.trigger : null,
  };
}

/** Which resource the operation was about: option, `*_operation` in the path, the code's category. */
function resourceOf(parts: Parts, options: UserMessageOptions): string | null {
  if (options.resource) return snake(options.resource);
  for (const el of parts.path) {
    const m = /^(.+)_operations?$/.exec(snake(el.fieldName));
    if (m && m[1] !== 'mutate') return m[1]!;
  }
  if (parts.category.endsWith('Error') && !GENERIC_CATEGORIES.has(parts.category)) return snake(parts.category.slice(0, -'Error'.length));
  return null;
}

/**
 * A sentence for an advertiser, with a synchronous, already loaded pack. Never throws; unknown
 * paths and codes degrade to a plainer sentence.
 */
export function userMessageWith(pack: LocalePack, input: UserMessageInput, options: UserMessageOptions = {}): string {
  const u = pack.user;
  const parts = partsOf(input);
  if (!parts) return capitalize(fillOr(u.fallback, { subject: fillOr(u.subject.none, { resource: u.resource }, ''), problem: '' }, ''));
  const op = parts.path.find((el) => el.fieldName === 'create' || el.fieldName === 'update' || el.fieldName === 'remove')?.fieldName as
    | 'create' | 'update' | 'remove' | undefined;
  const opIndex = parts.path.find((el) => (el.fieldName === 'operations' || el.fieldName === 'mutate_operations') && el.index != null)?.index ?? null;
  const resourceKey = resourceOf(parts, options);
  const resource = (resourceKey && humanizeField(resourceKey, pack)) || u.resource;
  const subject = fillOr(u.subject[op ?? 'none'], { resource }, resource);
  const fieldEl = [...parts.path].reverse().find((el) => !OPERATION_WORDS.has(el.fieldName) && !/_operations?$/.test(el.fieldName));
  const field = fieldEl ? humanizeField(fieldEl.fieldName, pack) : null;
  const fieldWords = field ?? u.field;
  const aField = fillOr(/^[aeiou]/i.test(fieldWords) ? u.article.vowel : u.article.consonant, { x: fieldWords }, fieldWords);
  const human = humanizeName(parts.name, pack);
  const problem = human.complete ? human.text : parts.name;
  const facts = { subject, resource, field: fieldWords, aField, problem, trigger: parts.trigger ?? '' };
  let tpl = u.codes[parts.codeKey] ?? (field ? u.fallbackField : u.fallback);
  // When the code's own words already name the field ("the campaign name is too long"), adding
  // "(the name of the campaign)" only repeats it: the problem alone, ended as the pack ends a sentence.
  if (!u.codes[parts.codeKey] && field && human.complete && field.length > 1 && problem.toLowerCase().includes(field.toLowerCase())) {
    tpl = `{problem}${u.fallback.trim().slice(-1)}`;
  }
  const message = fillOr(tpl, facts, '');
  return opIndex != null ? fillOr(u.operation, { n: String(opIndex + 1), message }, '') : capitalize(message);
}

/**
 * A sentence an advertiser understands for an error: `operations[2].create.name` with
 * `fieldError.REQUIRED` → "Operation 3: the new campaign needs a name." Takes an AdsError (its
 * first error), one of its errors, or `{ code, fieldPath }`. Loads the locale on first use.
 * Never rejects.
 */
export async function userMessage(input: UserMessageInput, options: UserMessageOptions = {}): Promise<string> {
  return userMessageWith(await loadLocale(options.locale ?? 'en'), input, options);
}
