/** Traditional Chinese (Taiwan): request errors in depth. */
import type { Entry } from '../../types.js';

export const codesRequest: Readonly<Record<string, Entry>> = {};
