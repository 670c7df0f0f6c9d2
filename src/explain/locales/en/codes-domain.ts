/** English: campaign, ad, budget, conversion, policy and other resource errors in depth. */
import type { Entry } from '../../types.js';

export const codesDomain: Readonly<Record<string, Entry>> = {};
