/**
 * Types of the explain room: the shape of a locale pack (what translators fill in) and the shape
 * of an explanation (what `explain()` returns).
 *
 * A locale pack is plain data: strings, arrays of strings and records of them. Strings may hold
 * `{placeholders}` that the engine fills with facts from the actual error. The same keys and the
 * same placeholders must appear in every locale (checked by `test/explain/parity.test.ts`).
 */
import type { Actor, ErrorKind } from '../error/types.js';

/** The locales a pack exists for. `en` is the reference every other pack is checked against. */
export type Locale = 'en' | 'ko' | 'id' | 'zh-TW';

/**
 * A hand-written explanation of one code (or status, reason...).
 * - `title`: a few words, no final period.
 * - `what`: what happened, one or two plain sentences.
 * - `causes`: likely causes, most likely first.
 * - `steps`: what to do now, concrete (header, setting, value).
 * - `prevent`: how to avoid it next time (may be empty).
 * Items of `causes`/`steps`/`prevent` that use a placeholder whose fact is unknown are left out;
 * in `title` and `what` an unknown placeholder is replaced by the pack's `ui.unknownFact` words.
 */
export interface Entry {
  readonly title: string;
  readonly what: string;
  readonly causes: readonly string[];
  readonly steps: readonly string[];
  readonly prevent: readonly string[];
}

/**
 * Hand-written guidance for a whole error category (an ErrorCode oneof member, e.g. `quotaError`).
 * Used to compose explanations of the codes that have no Entry of their own.
 * - `about`: what the category is about, one sentence (it follows the code's own sentence).
 * - `resource`: the resource or service the category concerns, as a short noun phrase
 *   ("campaign budgets (CampaignBudgetService)").
 * - `steps`: general fix steps for any code of the category.
 * - `prevent`: general prevention.
 */
export interface CategoryGuidance {
  readonly about: string;
  readonly resource: string;
  readonly steps: readonly string[];
  readonly prevent: readonly string[];
}

/**
 * The templates that turn a code name (`CAMPAIGN_NAME_TOO_LONG`) into a phrase ("the campaign name
 * is too long"). See `humanize.ts`.
 * - `patterns`: tried in order, first match wins. A pattern is a code name made of literal tokens
 *   and the slots `{X}`/`{Y}`, each matching one or more tokens: `{X}_TOO_LONG`, `CANNOT_{X}`,
 *   `{X}_NOT_ALLOWED_FOR_{Y}`. The value is the phrase, with `{X}`/`{Y}` replaced by the words of
 *   the matched tokens.
 * - `fallback`: the phrase when no pattern matches; `{X}` is the words of the whole name.
 * - `joiner`: what goes between words (`' '`, or `''` for Chinese).
 * - `keepUnknown`: true when a token missing from `words` may be shown as the lower-cased English
 *   token (English); false when a name with an unknown token must not be humanized at all (the
 *   engine then shows the raw code with `ui.composed.rawTitle`).
 */
export interface NameTemplates {
  readonly patterns: Readonly<Record<string, string>>;
  readonly fallback: string;
  readonly joiner: string;
  readonly keepUnknown: boolean;
}

/**
 * Templates of `userMessage()`, the sentence for an advertiser.
 * - `operation`: prefix when the error belongs to an operation, `{n}` is 1-based.
 * - `subject`: how the resource is named, by operation kind (`create`/`update`/`remove`/`none`);
 *   `{resource}` is the resource's word.
 * - `article`: `vowel`/`consonant` forms of `{x}` with an indefinite article (English); other
 *   languages use `{x}` for both.
 * - `codes`: sentences for specific codes; `{subject}`, `{field}`, `{aField}`, `{trigger}` available.
 * - `fallbackField`: a code with a known field but no sentence of its own; `{problem}` is the
 *   humanized code name.
 * - `fallback`: no known field.
 * - `resource`/`field`: the word used when the resource or field cannot be named.
 */
export interface UserTemplates {
  readonly operation: string;
  readonly subject: Readonly<Record<'create' | 'update' | 'remove' | 'none', string>>;
  readonly article: Readonly<Record<'vowel' | 'consonant', string>>;
  readonly codes: Readonly<Record<string, string>>;
  readonly fallbackField: string;
  readonly fallback: string;
  readonly resource: string;
  readonly field: string;
}

/** Labels, retry phrases, actor names, context hints and composition templates. */
export interface UiStrings {
  readonly labels: Readonly<Record<string, string>>;
  readonly retry: Readonly<Record<string, string>>;
  readonly actors: Readonly<Record<Actor, string>>;
  readonly kinds: Readonly<Record<ErrorKind, string>>;
  /** Context-aware advice, chosen by the engine from the facts of the actual error. */
  readonly hints: Readonly<Record<string, string>>;
  /** Templates of composed explanations (codes without an Entry of their own). */
  readonly composed: Readonly<Record<string, string>>;
  /** One likely cause and one first step per kind, used in composed explanations. */
  readonly kindCause: Readonly<Record<ErrorKind, string>>;
  readonly kindStep: Readonly<Record<ErrorKind, string>>;
  /** Units for durations: `{n}` placeholders. */
  readonly units: Readonly<Record<'seconds' | 'minutes' | 'hours' | 'days', string>>;
  /** Replaces an unknown placeholder in a title or `what`. */
  readonly unknownFact: string;
}

/** One locale's whole text. Every locale has exactly the same keys. */
export interface LocalePack {
  readonly locale: Locale;
  readonly ui: UiStrings;
  /** gRPC status names (`INVALID_ARGUMENT`), all 17. */
  readonly status: Readonly<Record<string, Entry>>;
  /** Google Ads codes, `category.NAME`. */
  readonly codes: Readonly<Record<string, Entry>>;
  /** Every Google Ads error category, by JSON name. */
  readonly categories: Readonly<Record<string, CategoryGuidance>>;
  /** Older Google API reasons; `HTTP.reason` where one reason means different things per status. */
  readonly global: Readonly<Record<string, Entry>>;
  /** OAuth token endpoint errors (`invalid_grant`). */
  readonly oauth: Readonly<Record<string, Entry>>;
  /** google.rpc.ErrorInfo reasons (`SERVICE_DISABLED`). */
  readonly errorInfo: Readonly<Record<string, Entry>>;
  /** Words for code-name tokens and field/resource names, keyed lower snake_case (`ad_group`). */
  readonly words: Readonly<Record<string, string>>;
  readonly names: NameTemplates;
  readonly user: UserTemplates;
}

/** What sending the request again will do, in five steps. */
export type RetryAdvice =
  | 'never' //              no resend can succeed (unsupported, data loss)
  | 'after-fixing-request' // change the request first
  | 'after-outside-fix' //    someone must change an account, a setting or a token first
  | 'backoff' //              transient: resend with exponential backoff
  | 'after-delay'; //         wait the server's delay (or a known schedule), then resend

export interface RetryExplanation {
  readonly advice: RetryAdvice;
  /** The advice in words, with the numbers where they are known. */
  readonly text: string;
  /** How long to wait first, in ms, when known. */
  readonly delayMs: number | null;
  /** ISO time not to resend before, when a delay is known and the current time is. */
  readonly notBefore: string | null;
}

/** Where the text of an explanation came from. */
export type ExplanationSource = 'code' | 'status' | 'global' | 'oauth' | 'errorInfo' | 'composed';

/** The explanation of one error. Every text is in `locale`. */
export interface Explanation {
  readonly locale: Locale;
  /** `authorizationError.USER_PERMISSION_DENIED`, `status.UNAVAILABLE`, `oauth.invalid_grant`… */
  readonly code: string;
  readonly source: ExplanationSource;
  readonly title: string;
  readonly what: string;
  readonly causes: readonly string[];
  /** What to do now; context-aware advice first. */
  readonly steps: readonly string[];
  readonly prevent: readonly string[];
  readonly retry: RetryExplanation;
  readonly actor: Actor;
  readonly actorText: string;
  readonly kind: ErrorKind;
  /** The facts taken from the actual error (field path, trigger, ids...), as strings. */
  readonly facts: Readonly<Record<string, string>>;
  /** 0-based operation index, when the error belongs to one. */
  readonly operationIndex: number | null;
}

/** What the caller knows about the request that failed; improves the advice. */
export interface RequestContext {
  readonly customerId?: string | null;
  readonly loginCustomerId?: string | null;
  readonly linkedCustomerId?: string | null;
}

export interface ExplainOptions {
  /** Language of the text. Default `en`. */
  readonly locale?: Locale | string;
  readonly request?: RequestContext;
  /** Current time for "come back at" advice (ms since epoch). Default `Date.now()`. */
  readonly now?: number;
}

export interface UserMessageOptions {
  readonly locale?: Locale | string;
  /** The resource the operations create/update (`campaign`), when the field path does not say. */
  readonly resource?: string;
}
