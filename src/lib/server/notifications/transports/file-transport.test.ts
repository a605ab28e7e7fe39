import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileTransport, readOutboxFile } from './file-transport.ts';

describe('file transport', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'outbox-'));
	});

	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('appends one JSON line per message, creating the parent directory', async () => {
		const file = join(dir, 'nested', 'deeper', 'outbox.jsonl');
		const transport = createFileTransport(file);
		expect(transport.name).toBe('file');

		expect(await transport.send({ channel: 'sms', to: '+77011234567', text: 'Растау коды: 123456' })).toEqual({
			status: 'sent'
		});
		expect(
			await transport.send({ channel: 'email', to: 'user@example.kz', subject: 'Өтінім', text: 'Қабылданды' })
		).toEqual({ status: 'sent' });

		const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		const first = JSON.parse(lines[0]!);
		expect(Object.keys(first).sort()).toEqual(['at', 'channel', 'subject', 'text', 'to']);
		expect(first).toMatchObject({ channel: 'sms', to: '+77011234567', subject: null, text: 'Растау коды: 123456' });
		expect(new Date(first.at).toISOString()).toBe(first.at);
		expect(JSON.parse(lines[1]!)).toMatchObject({ channel: 'email', subject: 'Өтінім', text: 'Қабылданды' });
	});

	it('reads the newest entries first, up to the limit', async () => {
		const file = join(dir, 'outbox.jsonl');
		const transport = createFileTransport(file);
		for (let i = 1; i <= 5; i++) await transport.send({ channel: 'sms', to: '+77011234567', text: `message ${i}` });

		const all = await readOutboxFile(file);
		expect(all.map((e) => e.text)).toEqual(['message 5', 'message 4', 'message 3', 'message 2', 'message 1']);

		const limited = await readOutboxFile(file, 2);
		expect(limited.map((e) => e.text)).toEqual(['message 5', 'message 4']);
	});

	it('skips malformed lines', async () => {
		const file = join(dir, 'outbox.jsonl');
		const transport = createFileTransport(file);
		await transport.send({ channel: 'sms', to: '+77011234567', text: 'first' });
		await appendFile(file, 'not json\n{"channel":"sms"}\n\n[1,2]\n');
		await transport.send({ channel: 'sms', to: '+77011234567', text: 'second' });
		// A line cut short by a crash while writing.
		await appendFile(file, '{"channel":"sms","to":"+7701');

		expect((await readOutboxFile(file)).map((e) => e.text)).toEqual(['second', 'first']);
	});

	it('returns [] when the file does not exist', async () => {
		expect(await readOutboxFile(join(dir, 'missing', 'outbox.jsonl'))).toEqual([]);
	});
});
