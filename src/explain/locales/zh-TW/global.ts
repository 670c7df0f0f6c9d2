/** Traditional Chinese (Taiwan): reasons of the older Google API error format. */
import type { Entry } from '../../types.js';

export const global: Readonly<Record<string, Entry>> = {};
