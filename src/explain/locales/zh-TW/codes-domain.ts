/** Traditional Chinese (Taiwan): domain errors in depth. */
import type { Entry } from '../../types.js';

export const codesDomain: Readonly<Record<string, Entry>> = {};
