import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { userAccount, type Role } from '../accounts/schema.ts';
import { provider } from '../catalog/schema.ts';
import type { Executor } from './client.ts';

/** For database tests: an active account with a role, of a provider of the test catalog or of none. */
export async function testPerson(db: Executor, role: Role, login: string, providerSlug: string | null, extra: Partial<typeof userAccount.$inferInsert> = {}): Promise<Actor> {
	const providerId = providerSlug ? (await db.select({ id: provider.id }).from(provider).where(eq(provider.slug, providerSlug)))[0]!.id : null;
	const [row] = await db
		.insert(userAccount)
		.values({ login, kind: 'individual', role, firstName: role, lastName: 'Test', passwordHash: 'x', isActive: true, providerId, ...extra })
		.returning();
	return { id: row!.id, role, kind: 'individual', login, providerId };
}
