import { cachedPerContentVersion } from '../catalog/content-cache.ts';
import { findProviderName } from './find-provider-name.ts';
import { listProviderServices } from './list-provider-services.ts';

/**
 * A provider's name and services as every office page shows them: catalog content, kept until it
 * changes (see content-cache.ts), so that a page of the office reads only the work itself. Sizes:
 * a few hundred providers in three languages.
 */
export const cachedProvider = {
	name: cachedPerContentVersion(findProviderName, { maxEntries: 600 }),
	services: cachedPerContentVersion(listProviderServices, { maxEntries: 600 })
};
