/** Traditional Chinese (Taiwan): guidance for every Google Ads error category. */
import type { CategoryGuidance } from '../../types.js';

export const categories: Readonly<Record<string, CategoryGuidance>> = {};
