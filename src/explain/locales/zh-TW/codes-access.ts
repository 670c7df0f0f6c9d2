/** Traditional Chinese (Taiwan): access errors in depth. */
import type { Entry } from '../../types.js';

export const codesAccess: Readonly<Record<string, Entry>> = {};
