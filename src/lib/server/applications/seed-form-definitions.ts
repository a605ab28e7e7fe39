import { desc, eq, inArray } from 'drizzle-orm';
import type { StepDefinition } from '../../applications/form-definition.ts';
import type { Database } from '../db/client.ts';
import { service } from '../catalog/schema.ts';
import { formDefinition } from './schema.ts';

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order keys were written in. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner
	);
}

/**
 * Stores the demo form of each service. A changed form becomes a new version; applications
 * already started keep theirs. Returns how many versions were written.
 */
export async function seedFormDefinitions(db: Database, definitions: Record<string, StepDefinition[]>): Promise<number> {
	// One read of every service's newest version; most starts find nothing changed and write nothing.
	const current = await db
		.selectDistinctOn([formDefinition.serviceId], { serviceId: formDefinition.serviceId, version: formDefinition.version, steps: formDefinition.steps, })
		.from(formDefinition)
		.orderBy(formDefinition.serviceId, desc(formDefinition.version));
	const services = await db.select({ id: service.id, slug: service.slug }).from(service).where(inArray(service.slug, Object.keys(definitions)));
	let written = 0;
	for (const { id, slug } of services) {
		const steps = definitions[slug]!;
		const latest = current.find((row) => row.serviceId === id);
		if (latest && canonicalJson(latest.steps) === canonicalJson(steps)) continue;
		await db.transaction(async (tx) => {
			// Checked again under the lock: another instance starting at the same time may have written it.
			const [locked] = await tx.select().from(formDefinition).where(eq(formDefinition.serviceId, id)).orderBy(desc(formDefinition.version)).limit(1).for('update');
			if (locked && canonicalJson(locked.steps) === canonicalJson(steps)) return;
			await tx.insert(formDefinition).values({ serviceId: id, version: (locked?.version ?? 0) + 1, steps });
			written++;
		});
	}
	return written;
}
