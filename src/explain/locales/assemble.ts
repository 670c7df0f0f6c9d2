/**
 * Builds a locale pack from the parts every locale folder exports, so that each folder's
 * index only names its locale.
 */
import type { CategoryGuidance, Entry, Locale, LocalePack, NameTemplates, UiStrings, UserTemplates } from '../types.js';

type Table<T> = Readonly<Record<string, T>>;

export interface PackParts {
  readonly ui: UiStrings;
  readonly status: Table<Entry>;
  readonly codesAccess: Table<Entry>;
  readonly codesRequest: Table<Entry>;
  readonly codesDomain: Table<Entry>;
  readonly categories: Table<CategoryGuidance>;
  readonly global: Table<Entry>;
  readonly oauth: Table<Entry>;
  readonly errorInfo: Table<Entry>;
  readonly words: Table<string>;
  readonly names: NameTemplates;
  readonly user: UserTemplates;
}

export function assemblePack(locale: Locale, p: PackParts): LocalePack {
  return {
    locale,
    ui: p.ui,
    status: p.status,
    codes: { ...p.codesAccess, ...p.codesRequest, ...p.codesDomain },
    categories: p.categories,
    global: p.global,
    oauth: p.oauth,
    errorInfo: p.errorInfo,
    words: p.words,
    names: p.names,
    user: p.user,
  };
}
