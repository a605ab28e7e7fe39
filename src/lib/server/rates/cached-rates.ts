import { cachedPerContentVersion } from '../catalog/content-cache.ts';
import { readHeaderRates } from './store-rates.ts';

/** The header's rates, read again only when public content (rates included) changes. */
export const cachedHeaderRates = cachedPerContentVersion(readHeaderRates, { maxEntries: 1 });
