import { describe, expect, it } from 'vitest';
import { m } from '../../paraglide/messages.js';
import { applicationStatusChanged, loginCode, passwordChanged } from './templates.ts';

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
});
