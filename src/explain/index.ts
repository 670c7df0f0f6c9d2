/**
 * `ads-errors/explain`: explanations of every error (cause, fix, prevention, retry advice, who
 * acts) and sentences for end users, in English, Korean, Indonesian and Traditional Chinese.
 * Text is loaded per locale on demand.
 */
export { explain, explainAll, explainWith, explainTarget, targetsOf, type Target } from './explain.js';
export { userMessage, userMessageWith, parseFieldPath, type UserMessageInput } from './user-message.js';
export { loadLocale, resolveLocale, LOCALES } from './locales.js';
export { parseCode, type ParsedCode } from './code-ref.js';
export { humanizeName, humanizeField } from './humanize.js';
export type {
  CategoryGuidance,
  Entry,
  ExplainOptions,
  Explanation,
  ExplanationSource,
  Locale,
  LocalePack,
  NameTemplates,
  RequestContext,
  RetryAdvice,
  RetryExplanation,
  UiStrings,
  UserMessageOptions,
  UserTemplates,
} from './types.js';
