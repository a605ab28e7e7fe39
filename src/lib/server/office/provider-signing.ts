import { and, eq, sql } from 'drizzle-orm';
import { userAccount } from '../accounts/schema.ts';
import { provider } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';

/**
 * What the provider needs before it can sign result documents: its BIN (a signature for it must be
 * made under that BIN) and at least one active colleague who holds its right to sign.
 */
export async function providerSigning(db: Executor, providerId: number): Promise<{ bin: string | null; canSign: boolean }> {
	const [row] = await db
		.select({
			bin: provider.bin,
			hasSigner: sql<boolean>`exists (select 1 from ${userAccount} where ${and(eq(userAccount.providerId, providerId), eq(userAccount.isProviderSigner, true), eq(userAccount.isActive, true))})`
		})
		.from(provider)
		.where(eq(provider.id, providerId));
	const bin = row?.bin ?? null;
	return { bin, canSign: bin !== null && row?.hasSigner === true };
}
