/**
 * A million applications in PostgreSQL in about a minute, for the benches that need a database of
 * that size: My applications (applicants with a long tail of applications over every published
 * service) and the office queue (the same, all for one provider's services, with its executors on
 * the work and open applications as recent as real open work is).
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';

export interface Generation {
	steps: { label: string; rows: number; ms: number }[];
	totalMs: number;
	applicationBytes: number;
}

export interface GenerationOptions {
	users: number;
	applications: number;
	/** Only this provider's services; otherwise every published service. */
	providerSlug?: string;
	/**
	 * Executors the sent applications are given to, in turn (half of those still waiting in
	 * `submitted` have nobody yet); none when empty.
	 */
	executorIds?: number[];
	/** Open applications were sent within this many days; finished ones and drafts within two years. */
	openWithinDays?: number;
}

const OPEN = `('submitted', 'in_progress', 'returned', 'awaiting_signature')`;

/**
 * Plain SQL, set-based: a row at a time through the app would take hours. Foreign keys are not
 * checked during the load (the rows are consistent by construction), as a bulk load would do.
 * Leaves the temp table `bench_user` (idx, id, kind, login) on the client's connection for
 * choosing whose sessions to open.
 */
export async function generateApplications(client: pg.Client, options: GenerationOptions): Promise<Generation> {
	const { users, applications } = options;
	const steps: Generation['steps'] = [];
	const step = async (label: string, query: string, values: unknown[] = []) => {
		const started = performance.now();
		const result = await client.query(query, values);
		steps.push({ label, rows: result.rowCount ?? 0, ms: performance.now() - started });
	};
	const started = performance.now();
	await client.query('set session_replication_role = replica');
	const before = Number((await client.query<{ max: number | null }>('select max(id) as max from application')).rows[0]?.max ?? 0);

	await client.query('create temp table bench_user (idx int primary key, id int not null, kind text not null, login text not null)');
	// Every tenth account is a legal entity, whose applications carry its BIN.
	await step(
		'applicant accounts (10% legal entities)',
		`with inserted as (
		   insert into user_account (kind, login, first_name, last_name, organisation_name, phone, locale, password_hash, is_active, created_at, activated_at)
		   select case when g % 10 = 0 then 'legal_entity' else 'individual' end,
		          '7' || lpad(g::text, 11, '0'),
		          'Bench', 'Applicant ' || g,
		          case when g % 10 = 0 then 'Bench LLP ' || g end,
		          '+7701' || lpad(g::text, 7, '0'),
		          (array['kk', 'ru', 'en'])[1 + g % 3],
		          'bench: signs in by session only', true, now() - interval '3 years', now() - interval '3 years'
		   from generate_series(1, $1::int) g
		   returning id, kind, login)
		 insert into bench_user select (row_number() over (order by id) - 1)::int, id, kind, login from inserted`,
		[users]
	);
	await client.query(
		`create temp table bench_form as
		 select (row_number() over (order by f.service_id) - 1)::int as idx, f.service_id, f.id as form_id
		 from (select distinct on (service_id) service_id, id from form_definition order by service_id, version desc) f
		 join service s on s.id = f.service_id and s.is_published
		 where $1::text is null or s.provider_id = (select id from provider where slug = $1::text)`,
		[options.providerSlug ?? null]
	);
	const forms = Number((await client.query<{ count: string }>('select count(*) from bench_form')).rows[0]!.count);
	if (forms === 0) throw new Error(`No form definitions${options.providerSlug ? ` for ${options.providerSlug}` : ''}: the portal did not seed the demo forms`);
	const executors = options.executorIds ?? [];

	// A long tail, as real use has: the average account has ten applications, a few have hundreds
	// (the owner index u^1.5 puts the heaviest at about 450 and the lightest at about 7). A message
	// id is taken for every sent application, so its one system message can be written next. While
	// an application waits on the applicant (returned, awaiting a signature) the service's clock
	// stands still: it stopped a day after sending.
	await step(
		`applications over ${forms} services${options.providerSlug ? ` of ${options.providerSlug}` : ''}, ${options.openWithinDays ? `open ones sent within ${options.openWithinDays} days, the rest within ` : ''}two years`,
		`insert into application (number, service_id, form_definition_id, applicant_user_id, organisation_bin, status, assigned_executor_id, clock_paused_at, last_message_id, created_at, updated_at, submitted_at)
		 select s.seq || '-' || to_char(s.created_at at time zone 'Asia/Almaty', 'DD-MM-YY'),
		        f.service_id, f.form_id, u.id,
		        case when u.kind = 'legal_entity' then u.login end,
		        s.status,
		        case when cardinality($4::int[]) > 0 and s.status <> 'draft' and (s.status <> 'submitted' or s.seq % 2 = 0)
		             then ($4::int[])[1 + ((s.seq / 2) % cardinality($4::int[]))::int] end,
		        case when s.status in ('returned', 'awaiting_signature') then s.created_at + interval '1 day 30 minutes' end,
		        case when s.status <> 'draft' then nextval('application_message_id_seq') end,
		        s.created_at, s.created_at + interval '2 hours',
		        case when s.status <> 'draft' then s.created_at + interval '30 minutes' end
		 from (
		   select g.seq, g.user_idx, g.form_idx, g.status,
		          now() - random() * case when g.status in ${OPEN} then $5::int else 730 end * interval '1 day' as created_at
		   from (
		     select nextval('application_number_seq') as seq,
		            floor($2::int * power(random(), 1.5))::int as user_idx,
		            floor($3::int * random())::int as form_idx,
		            case when r < 0.15 then 'draft' when r < 0.25 then 'submitted' when r < 0.40 then 'in_progress'
		                 when r < 0.45 then 'returned' when r < 0.48 then 'awaiting_signature' when r < 0.85 then 'completed'
		                 when r < 0.93 then 'rejected' else 'withdrawn' end as status
		     from (select random() as r from generate_series(1, $1::int)) r
		   ) g
		 ) s
		 join bench_user u on u.idx = s.user_idx
		 join bench_form f on f.idx = s.form_idx`,
		[applications, users, forms, executors, options.openWithinDays ?? 730]
	);
	await step(
		'system messages (one per sent application)',
		`insert into application_message (id, application_id, kind, event, params, created_at)
		 select last_message_id, id, 'system', 'application.' || status, jsonb_build_object('number', number), submitted_at
		 from application where id > $1 and last_message_id is not null`,
		[before]
	);
	// Two threads in three have been read; the rest make the bell ring.
	await step(
		'read marks (2 in 3 threads read)',
		`insert into application_read_mark (application_id, user_id, last_read_message_id)
		 select id, applicant_user_id, last_message_id from application where id > $1 and last_message_id is not null and random() < 0.67`,
		[before]
	);
	// Triggers were off for the load: the office tally gets the new applications as the trigger would
	// count them, folded into one row per service, status and executor.
	await step(
		'office tally',
		`insert into application_tally (service_id, status, executor_id, delta)
		 select service_id, status, coalesce(assigned_executor_id, 0), count(*) from application where id > $1 and status <> 'draft' group by 1, 2, 3`,
		[before]
	);
	await client.query('set session_replication_role = default');
	// The queue's stored clock (migration 0019) from the database's own trigger: the no-op update runs it.
	await step('term clocks of open applications', `update application set service_id = service_id where id > $1 and status in ${OPEN}`, [before]);
	// What autovacuum would do after a bulk load: statistics, and the visibility map for index-only scans.
	await step('vacuum analyze', 'vacuum analyze');
	const size = await client.query<{ bytes: string }>(`select pg_total_relation_size('application') as bytes`);
	return { steps, totalMs: performance.now() - started, applicationBytes: Number(size.rows[0]!.bytes) };
}
