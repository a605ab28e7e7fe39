import { asc, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import { service } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';

/** The provider's services, published or not, for the office's filters and settings. */
export async function listProviderServices(db: Executor, providerId: number, locale: Locale): Promise<{ id: number; title: ShownText }[]> {
	const rows = await db.select({ id: service.id, title: service.title }).from(service).where(eq(service.providerId, providerId)).orderBy(asc(service.id));
	return rows.map((row) => ({ id: row.id, title: show(row.title, locale) }));
}
