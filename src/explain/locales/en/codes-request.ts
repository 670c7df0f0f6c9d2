/** English: request, field, query and mutate errors in depth. */
import type { Entry } from '../../types.js';

export const codesRequest: Readonly<Record<string, Entry>> = {};
