import { eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { show, type ShownText } from './localize.ts';
import { provider } from './schema.ts';

export interface ProviderContacts {
	name: ShownText;
	phone: string | null;
	email: string | null;
	address: ShownText | null;
	website: string | null;
}

/** Public contacts of one provider organisation, or null when there is no such provider. */
export async function getProviderContacts(db: Executor, slug: string, locale: Locale): Promise<ProviderContacts | null> {
	const [row] = await db.select().from(provider).where(eq(provider.slug, slug));
	return row ? providerContactsOf(row, locale) : null;
}

/** A provider row's contacts as pages show them, in the reader's language. */
export function providerContactsOf(row: Pick<typeof provider.$inferSelect, 'name' | 'phone' | 'email' | 'address' | 'website'>, locale: Locale): ProviderContacts {
	return { name: show(row.name, locale), phone: row.phone, email: row.email, address: row.address ? show(row.address, locale) : null, website: row.website };
}
