import { asc } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { show, type ShownText } from './localize.ts';
import { provider } from './schema.ts';

export interface Partner {
	slug: string;
	name: ShownText;
	website: string | null;
}

/** Provider organisations for the partners block, linking to their own sites. */
export async function listPartners(db: Executor, locale: Locale): Promise<Partner[]> {
	const rows = await db.select({ slug: provider.slug, name: provider.name, shortName: provider.shortName, website: provider.website }).from(provider).orderBy(asc(provider.id));
	return rows.map((row) => ({ slug: row.slug, name: show(row.shortName ?? row.name, locale), website: row.website }));
}
