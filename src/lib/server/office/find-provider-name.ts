import { eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import { provider } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';

/** The staff member's organisation as the office header names it. */
export async function findProviderName(db: Executor, providerId: number, locale: Locale): Promise<ShownText | null> {
	const [row] = await db.select({ name: provider.name, shortName: provider.shortName }).from(provider).where(eq(provider.id, providerId));
	return row ? show(row.shortName ?? row.name, locale) : null;
}
