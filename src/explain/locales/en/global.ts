/** English: reasons of the older Google API error format (domain "global"). */
import type { Entry } from '../../types.js';

export const global: Readonly<Record<string, Entry>> = {};
