import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { cachedPerContentVersion } from './content-cache.ts';
import { getCategoryPage } from './get-category-page.ts';
import { getServicePassport } from './get-service-passport.ts';
import { listCategoryTree } from './list-category-tree.ts';
import { listPartners } from './list-partners.ts';
import { listPopularServices } from './list-popular-services.ts';
import { searchServices } from './search-services.ts';

/**
 * The catalog as the public pages read it: the same answers as the queries beside this file, kept
 * until public content changes (see content-cache.ts). Sizes bound the memory: three languages of
 * the home page's blocks, the passports and category pages of a catalog of a few thousand services,
 * and the most recent searches.
 */
export const cachedCatalog = {
	categoryTree: cachedPerContentVersion(listCategoryTree, { maxEntries: 3 }),
	popularServices: cachedPerContentVersion((db: Executor, locale: Locale) => listPopularServices(db, locale), { maxEntries: 3 }),
	partners: cachedPerContentVersion(listPartners, { maxEntries: 3 }),
	servicePassport: cachedPerContentVersion(getServicePassport, { maxEntries: 3000 }),
	categoryPage: cachedPerContentVersion(getCategoryPage, { maxEntries: 300 }),
	search: cachedPerContentVersion(searchServices, { maxEntries: 500 })
};
