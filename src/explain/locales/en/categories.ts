/** English: guidance for every Google Ads error category (ErrorCode oneof member). */
import type { CategoryGuidance } from '../../types.js';

export const categories: Readonly<Record<string, CategoryGuidance>> = {};
