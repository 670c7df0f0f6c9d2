/**
 * The Traditional Chinese (Taiwan) pack: mirrors the English reference key for key.
 * Loaded on demand by `loadLocale('zh-TW')`; nothing imports it statically except tests.
 */
import { assemblePack } from '../assemble.js';
import { categories } from './categories.js';
import { codesAccess } from './codes-access.js';
import { codesRequest } from './codes-request.js';
import { codesDomain } from './codes-domain.js';
import { global } from './global.js';
import { names, words } from './names.js';
import { errorInfo, oauth } from './oauth.js';
import { status } from './status.js';
import { ui } from './ui.js';
import { user } from './user.js';

const pack = assemblePack('zh-TW', { ui, status, codesAccess, codesRequest, codesDomain, categories, global, oauth, errorInfo, words, names, user });

export default pack;
