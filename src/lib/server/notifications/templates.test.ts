import { describe, expect, it } from 'vitest';
import { m } from '../../paraglide/messages.js';
import { applicationStatusChanged, loginCode, passwordChanged, unreadMessageReminder } from './templates.ts';

describe('notification templates', () => {
	it('word each notification in the reader’s language, with a subject for email only', () => {
		expect(loginCode('ru', { code: '123456' })).toEqual({ channel: 'sms', text: m.sms_code_login({ code: '123456' }, { locale: 'ru' }) });
		expect(passwordChanged('en')).toEqual({ channel: 'email', subject: m.email_password_changed_subject({}, { locale: 'en' }), text: m.email_password_changed_text({}, { locale: 'en' }) });
	});

	it('say an application’s new status in the same words by SMS and by email', () => {
		const byEmail = applicationStatusChanged('kk', { channel: 'email', number: 'A-1', status: 'returned' });
		const bySms = applicationStatusChanged('kk', { channel: 'sms', number: 'A-1', status: 'returned' });
		expect(bySms).toEqual({ channel: 'sms', text: byEmail.text });
		expect(byEmail).toMatchObject({ channel: 'email', subject: m.notify_status_subject({ number: 'A-1' }, { locale: 'kk' }) });
		expect(byEmail.text).toContain(m.status_returned({}, { locale: 'kk' }));
	});

	it('remind of an unread message with the number and the link, a subject for email only', () => {
		const link = 'https://services.example.kz/ru/applications/A-1#messages';
		const byEmail = unreadMessageReminder('ru', { channel: 'email', number: 'A-1', link });
		expect(unreadMessageReminder('ru', { channel: 'sms', number: 'A-1', link })).toEqual({ channel: 'sms', text: byEmail.text });
		expect(byEmail).toEqual({ channel: 'email', subject: m.notify_unread_subject({ number: 'A-1' }, { locale: 'ru' }), text: m.notify_unread_text({ number: 'A-1', link }, { locale: 'ru' }) });
		expect(byEmail.text).toContain('A-1');
		expect(byEmail.text).toContain(link);
	});
});
