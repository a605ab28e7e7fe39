/**
 * Live threads across instances: applications in work, each with its applicant and its executor
 * following the thread (Server-Sent Events) on instance B, while messages are posted through the
 * same forms a browser sends on instance A; the time from sending the post to the event arriving,
 * and what each open stream costs B in memory.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { and, eq, inArray } from 'drizzle-orm';
import { route } from '../../src/lib/route.ts';
import { userAccount } from '../../src/lib/server/accounts/schema.ts';
import { createSession, type SessionUser } from '../../src/lib/server/accounts/session.ts';
import { createDraft } from '../../src/lib/server/applications/create-draft.ts';
import { application } from '../../src/lib/server/applications/schema.ts';
import { provider } from '../../src/lib/server/catalog/schema.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { assignExecutor, MAX_ASSIGNED_AT_ONCE } from '../../src/lib/server/office/assign-executor.ts';
import { moveApplication } from '../../src/lib/server/office/move-application.ts';
import { percentile } from './http.ts';

export const THREAD_SERVICE = 'statistical-reporting-consultation';
export const THREAD_PROVIDER = 'cmer';

export interface Thread {
	number: string;
	applicantToken: string;
	executorToken: string;
}

/**
 * Applications in work, made as the portal makes them: a draft ordered by its applicant, marked
 * sent (the form's own steps are another bench's subject), given to one of the provider's
 * executors in turn by the supervisor and taken into work by that executor; and the sessions that
 * reach them, opened as sign-in opens them. Done through the database while instance A runs.
 */
export async function prepareThreads(url: string, count: number): Promise<Thread[]> {
	const handle = await openDatabase({ url });
	const db = handle.db;
	try {
		const staff = await db
			.select({ id: userAccount.id, role: userAccount.role, login: userAccount.login, providerId: userAccount.providerId })
			.from(userAccount)
			.innerJoin(provider, eq(provider.id, userAccount.providerId))
			.where(and(eq(provider.slug, THREAD_PROVIDER), inArray(userAccount.role, ['supervisor', 'executor']), eq(userAccount.isActive, true)))
			.orderBy(userAccount.id);
		const supervisor = staff.find((person) => person.role === 'supervisor');
		const executors = staff.filter((person) => person.role === 'executor');
		if (!supervisor || executors.length === 0) throw new Error(`The demo staff of ${THREAD_PROVIDER} are missing`);
		const actor = (person: (typeof staff)[number]) => ({ ...person, kind: 'individual' as const });

		const applicants = await db
			.insert(userAccount)
			.values(
				Array.from({ length: count }, (_, i) => ({
					kind: 'individual' as const,
					login: `6${String(i + 1).padStart(11, '0')}`,
					firstName: 'Bench',
					lastName: `Thread ${i + 1}`,
					phone: `+7702${String(i + 1).padStart(7, '0')}`,
					notificationChannel: 'email' as const,
					email: `thread-${i + 1}@example.kz`,
					passwordHash: 'bench: signs in by session only',
					isActive: true,
					activatedAt: new Date()
				}))
			)
			.returning({ id: userAccount.id, login: userAccount.login, firstName: userAccount.firstName, lastName: userAccount.lastName });
		const numbers: string[] = [];
		for (const person of applicants) {
			const user: SessionUser = { ...person, role: 'applicant', kind: 'individual', organisationName: null, locale: 'kk', providerId: null };
			numbers.push((await createDraft(db, user, { serviceSlug: THREAD_SERVICE })).number);
		}
		await db.update(application).set({ status: 'submitted', submittedAt: new Date() }).where(inArray(application.number, numbers));
		const executorOf = (i: number) => executors[i % executors.length]!;
		for (const [e, executor] of executors.entries()) {
			const theirs = numbers.filter((_, i) => i % executors.length === e);
			for (let from = 0; from < theirs.length; from += MAX_ASSIGNED_AT_ONCE) {
				await assignExecutor(db, actor(supervisor), { numbers: theirs.slice(from, from + MAX_ASSIGNED_AT_ONCE), executorId: executor.id });
			}
		}
		for (const [i, number] of numbers.entries()) await moveApplication(db, actor(executorOf(i)), { number, action: 'take' });

		const executorTokens = new Map<number, string>();
		for (const executor of executors) executorTokens.set(executor.id, (await createSession(db, { userId: executor.id, role: 'executor', isRemembered: false })).token);
		const threads: Thread[] = [];
		for (const [i, person] of applicants.entries()) {
			const { token } = await createSession(db, { userId: person.id, role: 'applicant', isRemembered: true });
			threads.push({ number: numbers[i]!, applicantToken: token, executorToken: executorTokens.get(executorOf(i).id)! });
		}
		return threads;
	} finally {
		await handle.close();
	}
}

/** What the bench reads of a live message. */
export interface LiveMessage {
	id: number;
	text: string;
}

/** One live thread as a browser's EventSource holds it: a real HTTP connection of its own. */
export interface EventStream {
	close(): void;
}

/**
 * Opens the stream and resolves once its first message arrived: the server sends the thread so far
 * only after it subscribed, so from then on every commit reaches this client. Each stream comes
 * from one of several loopback addresses, as clients come from many: the portal caps the
 * connections one address may hold.
 */
export function openEventStream(port: number, pathname: string, token: string, localAddress: string, onMessage: (message: LiveMessage, at: number) => void): Promise<EventStream> {
	return new Promise((resolve, reject) => {
		let isReady = false;
		const request = http.get({ host: '127.0.0.1', port, path: pathname, localAddress, agent: false, headers: { accept: 'text/event-stream', cookie: `session=${token}` } }, (response) => {
			if (response.statusCode !== 200 || !response.headers['content-type']?.startsWith('text/event-stream')) {
				response.resume();
				reject(new Error(`${pathname} answered ${response.statusCode} ${response.headers['content-type']}`));
				return;
			}
			let buffer = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				const at = performance.now();
				buffer += chunk;
				for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					if (!/^event: message$/m.test(block)) continue;
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (data) onMessage(JSON.parse(data) as LiveMessage, at);
					if (!isReady) {
						isReady = true;
						resolve({ close: () => request.destroy() });
					}
				}
			});
			response.on('error', (error) => {
				if (!isReady) reject(error);
			});
		});
		request.on('error', (error) => {
			if (!isReady) reject(error);
		});
	});
}

export interface DeliveryResult {
	label: string;
	messages: number;
	deliveries: number;
	lost: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	postP50: number;
	postP95: number;
	postErrors: number;
}

interface Pending {
	sentAt: number;
	expected: number;
	byApplicant: boolean;
}

/** Where a stream's page reports the live messages it showed, and as whom. */
export interface StreamReader {
	marksPath: string;
	token: string;
}

/**
 * Posts `messages` chat messages on instance A, one every `intervalMs` whatever the answers take
 * (people do not wait for each other), to the threads in turn, alternately by the applicant
 * (cabinet) and by the executor (office); each must reach both streams of its thread on B. Each
 * stream then does what a visible page does with a live message: it tells B it was shown.
 */
export class DeliveryProbe {
	private readonly pending = new Map<string, Pending>();
	private readonly latencies = { applicant: [] as number[], executor: [] as number[] };
	private readonly agentA = new http.Agent({ keepAlive: true, maxSockets: 8 });
	private readonly agentB = new http.Agent({ keepAlive: true, maxSockets: 8 });
	private readonly marks = { sent: 0, failed: 0 };
	private readonly portB: number;

	constructor(portB: number) {
		this.portB = portB;
	}

	/** The `onMessage` of one stream. */
	readerOf(reader: StreamReader): (message: LiveMessage, at: number) => void {
		return (message, at) => {
			const entry = this.pending.get(message.text);
			if (!entry) return;
			(entry.byApplicant ? this.latencies.applicant : this.latencies.executor).push(at - entry.sentAt);
			if (--entry.expected === 0) this.pending.delete(message.text);
			this.marks.sent++;
			postForm(this.agentB, this.portB, reader.marksPath, reader.token, { contentType: 'application/x-www-form-urlencoded', body: Buffer.from(`upTo=${message.id}`) }).then(
				({ status }) => void (status === 204 || this.marks.failed++),
				() => void this.marks.failed++
			);
		};
	}

	async run(portA: number, threads: Thread[], streamsPerThread: number, messages: number, intervalMs: number, waitMs = 10_000): Promise<{ results: DeliveryResult[]; marks: { sent: number; failed: number } }> {
		const posts: { ms: number; byApplicant: boolean; isOk: boolean }[] = [];
		const sending: Promise<void>[] = [];
		const started = performance.now();
		for (let i = 0; i < messages; i++) {
			const due = started + i * intervalMs;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			const thread = threads[i % threads.length]!;
			const byApplicant = i % 2 === 0;
			const text = `Bench message ${i + 1} in ${thread.number}`;
			const pathname = `${byApplicant ? route.application(thread.number) : route.officeApplication(thread.number)}?/message`;
			sending.push(
				postForm(this.agentA, portA, pathname, byApplicant ? thread.applicantToken : thread.executorToken, chatForm(text), () => {
					this.pending.set(text, { sentAt: performance.now(), expected: streamsPerThread, byApplicant });
				}).then(
					({ status, ms }) => void posts.push({ ms, byApplicant, isOk: status === 303 }),
					() => void posts.push({ ms: Number.NaN, byApplicant, isOk: false })
				)
			);
		}
		await Promise.all(sending);
		const deadline = performance.now() + waitMs;
		while (this.pending.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		const lost = { applicant: 0, executor: 0 };
		for (const entry of this.pending.values()) lost[entry.byApplicant ? 'applicant' : 'executor'] += entry.expected;
		this.agentA.destroy();
		this.agentB.destroy();

		const summary = (label: string, latencies: number[], posted: typeof posts, lostCount: number): DeliveryResult => {
			const sorted = [...latencies].sort((a, b) => a - b);
			const answers = posted.filter((post) => post.isOk).map((post) => post.ms).sort((a, b) => a - b);
			return {
				label,
				messages: posted.length,
				deliveries: sorted.length,
				lost: lostCount,
				p50: percentile(sorted, 0.5),
				p95: percentile(sorted, 0.95),
				p99: percentile(sorted, 0.99),
				max: sorted.at(-1) ?? Number.NaN,
				postP50: percentile(answers, 0.5),
				postP95: percentile(answers, 0.95),
				postErrors: posted.length - answers.length
			};
		};
		const results = [
			summary('applicant writes (cabinet)', this.latencies.applicant, posts.filter((post) => post.byApplicant), lost.applicant),
			summary('executor writes (office)', this.latencies.executor, posts.filter((post) => !post.byApplicant), lost.executor),
			summary('**all**', [...this.latencies.applicant, ...this.latencies.executor], posts, lost.applicant + lost.executor)
		];
		return { results, marks: { ...this.marks } };
	}
}

/** The thread's form as a browser sends it: multipart (the form can carry a file), the file field left empty. */
function chatForm(text: string): { contentType: string; body: Buffer } {
	const boundary = `----atameken-bench-${randomBytes(12).toString('hex')}`;
	const body = Buffer.from(
		`--${boundary}\r\ncontent-disposition: form-data; name="text"\r\n\r\n${text}\r\n` +
			`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename=""\r\ncontent-type: application/octet-stream\r\n\r\n\r\n` +
			`--${boundary}--\r\n`
	);
	return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

/** A form post as a browser sends it: the session cookie, and the Origin Kit checks against the site's. */
function postForm(agent: http.Agent, port: number, pathname: string, token: string, form: { contentType: string; body: Buffer }, onSent?: () => void): Promise<{ status: number; ms: number }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port,
				path: pathname,
				method: 'POST',
				agent,
				headers: { origin: `http://127.0.0.1:${port}`, accept: 'text/html', cookie: `session=${token}`, 'content-type': form.contentType, 'content-length': form.body.length }
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - sentAt }));
				response.on('error', reject);
			}
		);
		// The clock starts when the request has its socket: a wait for a free one is the bench's, not the portal's.
		let sentAt = 0;
		request.once('socket', () => {
			sentAt = performance.now();
			onSent?.();
		});
		request.on('error', reject);
		request.end(form.body);
	});
}
