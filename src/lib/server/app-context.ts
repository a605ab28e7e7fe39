import { sql } from 'drizzle-orm';
import { getConfig, publicOrigin } from './config.ts';
import { openDatabase, type Database, type DatabaseHandle } from './db/client.ts';
import { bumpContentVersion, CONTENT_CHANNEL, readContentVersion } from './catalog/content-version.ts';
import { publishContentVersion } from './render-cache-bridge.ts';
import { deleteExpiredRecords } from './accounts/delete-expired-records.ts';
import { ensureDemoStaff } from './accounts/ensure-demo-staff.ts';
import { createApplicationEvents, type ApplicationEvents } from './realtime/application-events.ts';
import { createConsultantEvents, type ConversationDetail } from './consultant/conversation-events.ts';
import type { KeyedEvents } from './realtime/keyed-events.ts';
import { seedCatalog } from './db/seed/seed-catalog.ts';
import { startRatesJob, watchNewYear } from './rates/rates-job.ts';
import { seedRatesIfNone } from './rates/store-rates.ts';
import { startStatisticsJob } from './statistics/refresh-statistics.ts';
import { startOutboxWorker, transportsFromConfig } from './notifications/start-outbox-worker.ts';
import { seedFormDefinitions } from './applications/seed-form-definitions.ts';
import { startUnreadReminders } from './applications/start-unread-reminders.ts';
import { compactApplicationTally } from './office/application-tally.ts';
import { setPerAddressLimits } from './accounts/limits.ts';
import { applicationThreadLink } from './http/application-links.ts';

interface AppContext {
	handle: DatabaseHandle;
	applicationEvents: ApplicationEvents;
	consultantEvents: KeyedEvents<ConversationDetail>;
	stopTimers: () => void;
	stopOutboxWorker: () => Promise<void>;
	stopUnreadReminders: () => Promise<void>;
}

/** How often the content version is also read directly, in case a notification was missed. */
const CONTENT_VERSION_POLL_MS = 5_000;
/** How often expired accounts records are deleted. */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
const TALLY_FOLD_INTERVAL_MS = 60 * 1000;

// Kept on globalThis so that Vite's module reloading in development does not open a second PGlite.
const holder = globalThis as typeof globalThis & { __appContext?: Promise<AppContext> };

async function createContext(): Promise<AppContext> {
	const config = getConfig();
	const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: `${config.DATA_DIR}/pglite`, poolSize: config.DATABASE_POOL_SIZE });
	if (config.APP_MODE !== 'production') {
		// The demo data is read from demo/ here only, so production neither bundles nor reads it.
		const { loadDemoCatalog, loadDemoForms, loadDemoRates } = await import('./db/seed/load-demo-data.ts');
		const seeded = await seedCatalog(handle.db, loadDemoCatalog());
		if (seeded.isSeeded) {
			// Fresh statistics and visibility map after the bulk load, so search uses index-only scans
			// (PGlite has no autovacuum to do it later).
			await handle.db.execute(sql`vacuum analyze search_posting, search_term`);
			console.log(`[seed] demo catalog loaded: ${seeded.services} services`);
		}
		const forms = await seedFormDefinitions(handle.db, loadDemoForms());
		if (forms > 0) console.log(`[seed] application forms stored: ${forms} new versions`);
		if (await seedRatesIfNone(handle.db, loadDemoRates())) console.log('[seed] demo exchange rates stored');
	}
	if (config.APP_MODE === 'demo') {
		console.log((await ensureDemoStaff(handle.db, config.DATA_DIR)).trimEnd());
	}
	const rereadContentVersion = () => readContentVersion(handle.db).then(publishContentVersion, () => undefined);
	publishContentVersion(await readContentVersion(handle.db));
	// NOTIFY makes changes show at once; after a database restart the listener comes back by itself and
	// the version is read again, since changes made meanwhile sent no notification to this instance.
	await handle.listen(CONTENT_CHANNEL, (payload) => publishContentVersion(Number(payload)), { onResubscribe: rereadContentVersion });
	// The poll bounds staleness while the listening connection is down or silently dead, so cached
	// pages never stay outdated for more than a few seconds.
	const poll = setInterval(rereadContentVersion, CONTENT_VERSION_POLL_MS);
	poll.unref();
	// Ended sessions, spent codes and links, old rate counters; any instance may do it, it is idempotent.
	const cleanup = setInterval(() => {
		deleteExpiredRecords(handle.db).catch((error: unknown) => console.error('[cleanup] failed:', error instanceof Error ? error.message : error));
	}, CLEANUP_INTERVAL_MS);
	// The office tally's changes folded every minute, so its sums stay over a few rows however busy the office.
	const tallyFold = setInterval(() => {
		compactApplicationTally(handle.db).catch((error: unknown) => console.error('[tally] could not fold the office tally:', error instanceof Error ? error.message : error));
	}, TALLY_FOLD_INTERVAL_MS);
	tallyFold.unref();
	cleanup.unref();
	setPerAddressLimits({ registrationsPerHour: config.REGISTRATIONS_PER_IP_PER_HOUR, codeSendsPerHalfHour: config.CODE_SENDS_PER_IP_PER_HALF_HOUR });
	const stopRates = config.RATES_REFRESH_MINUTES > 0 ? startRatesJob(handle.db, { url: config.RATES_FEED_URL, timeoutMs: config.RATES_TIMEOUT_MS, intervalMinutes: config.RATES_REFRESH_MINUTES }) : () => undefined;
	const stopStatistics = startStatisticsJob(handle.db, config.STATISTICS_REFRESH_MINUTES);
	const stopNewYearWatch = watchNewYear(handle.db, (db) => db.transaction((tx) => bumpContentVersion(tx)));
	const stopOutboxWorker = await startOutboxWorker(handle, transportsFromConfig(config));
	const stopUnreadReminders = startUnreadReminders(handle.db, { minutes: config.UNREAD_REMINDER_MINUTES, threadLink: applicationThreadLink(publicOrigin(config)) });
	return {
		handle,
		applicationEvents: createApplicationEvents(handle),
		consultantEvents: createConsultantEvents(handle),
		stopTimers: () => {
			clearInterval(poll);
			clearInterval(cleanup);
			clearInterval(tallyFold);
			stopRates();
			stopNewYearWatch();
			stopStatistics();
		},
		stopOutboxWorker,
		stopUnreadReminders
	};
}

export function startAppContext(): Promise<AppContext> {
	holder.__appContext ??= createContext();
	return holder.__appContext;
}

export async function getDb(): Promise<Database> {
	return (await startAppContext()).handle.db;
}

/** The process's fan-out of application changes to open pages. */
export async function getApplicationEvents(): Promise<ApplicationEvents> {
	return (await startAppContext()).applicationEvents;
}

/** The process's fan-out of the virtual consultant's conversations and queue. */
export async function getConsultantEvents(): Promise<KeyedEvents<ConversationDetail>> {
	return (await startAppContext()).consultantEvents;
}

// Requests the app is still working on. A client that hangs up does not stop the work, so this is
// counted around the app's own handling rather than the connection.
let requestsInProgress = 0;

export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
	requestsInProgress++;
	try {
		return await work();
	} finally {
		requestsInProgress--;
	}
}

/** Closes the database once running requests are done (or after 10 seconds). */
export async function stopAppContext(): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (requestsInProgress > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
	const context = holder.__appContext;
	holder.__appContext = undefined;
	if (context) {
		const { handle, stopTimers, stopOutboxWorker, stopUnreadReminders } = await context;
		stopTimers();
		// A reminder round under way finishes (or rolls back) before the database is closed beneath it.
		await stopUnreadReminders();
		await stopOutboxWorker();
		await handle.close();
	}
}
