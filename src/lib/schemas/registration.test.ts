import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, profileSchema, registrationSchema } from './registration.ts';

const valid = {
	kind: 'individual',
	firstName: 'Айгерім',
	lastName: 'Сәрсенова',
	patronymic: '',
	organisationName: '',
	login: '871008401427',
	email: 'aigerim@example.kz',
	phone: '8 701 123 45 67',
	password: 'тау өзені жазда суық',
	passwordRepeat: 'тау өзені жазда суық',
	channel: 'sms',
	consent: 'yes'
};

const errorsFor = (input: Record<string, unknown>) => {
	const result = registrationSchema.safeParse(input);
	return result.success ? {} : fieldErrorsOf(result.error);
};

describe('registrationSchema', () => {
	it('accepts the manual’s individual form and normalises the phone and IIN', () => {
		const result = registrationSchema.parse({ ...valid, login: '8710 0840 1427' });
		expect(result).toMatchObject({ login: '871008401427', phone: '+77011234567', patronymic: null });
	});

	it('accepts the individual form, which has no organisation field at all', () => {
		const { organisationName: _absent, patronymic: _alsoAbsent, ...individual } = valid;
		expect(registrationSchema.safeParse(individual).success).toBe(true);
	});

	it('puts a message on each wrong field', () => {
		expect(errorsFor({ ...valid, firstName: ' ', login: '871008401428', email: 'nope', phone: '+7 7172 270460', passwordRepeat: 'other', channel: '', consent: undefined })).toEqual({
			firstName: 'error_required',
			login: 'error_iin_invalid',
			email: 'error_email',
			phone: 'error_phone_not_mobile',
			passwordRepeat: 'error_password_mismatch',
			channel: 'error_channel',
			consent: 'error_consent'
		});
	});

	it('asks a legal entity for its organisation name and a valid BIN', () => {
		expect(errorsFor({ ...valid, kind: 'legal_entity' })).toEqual({ organisationName: 'error_required', login: 'error_bin_invalid' });
		expect(errorsFor({ ...valid, kind: 'legal_entity', organisationName: 'ТОО «Дала»', login: '940140000385' })).toEqual({});
		expect(errorsFor({ ...valid, login: '12345' })).toEqual({ login: 'error_iin_format' });
	});

	it('refuses NUL and other control characters in every text field, with their own message', () => {
		expect(
			errorsFor({ ...valid, kind: 'legal_entity', login: '940140000385', firstName: 'Ай\u0000герім', lastName: 'Сәрсенова\u0007', patronymic: 'Қ\u0085', organisationName: 'ТОО\u0000', phone: '+7701\u00001234567' })
		).toEqual({ firstName: 'error_invalid_characters', lastName: 'error_invalid_characters', patronymic: 'error_invalid_characters', organisationName: 'error_invalid_characters', phone: 'error_invalid_characters' });
		expect(errorsFor({ ...valid, email: 'a\u0000@example.kz', login: '8710\u000008401427' })).toEqual({ email: 'error_email', login: 'error_iin_format' });
	});

	it('stores names without the invisible marks that make one name look like another', () => {
		const result = registrationSchema.parse({ ...valid, kind: 'legal_entity', login: '940140000385', firstName: '\u202EмірегйА', lastName: 'Сәр\u200Bсенова\uFEFF', organisationName: 'ТОО «Дала»\u2066\u200F' });
		expect(result).toMatchObject({ firstName: 'мірегйА', lastName: 'Сәрсенова', organisationName: 'ТОО «Дала»' });
		// Nothing but invisible marks is no organisation name at all.
		expect(errorsFor({ ...valid, kind: 'legal_entity', login: '940140000385', organisationName: '\u200B\u200D' })).toEqual({ organisationName: 'error_required' });
	});

	it('applies the same rules to the client card', () => {
		const card = { firstName: 'Айгерім\u200E', lastName: 'Сәрсенова', email: 'aigerim@example.kz', phone: '87011234567', channel: 'sms' };
		expect(profileSchema.parse(card)).toMatchObject({ firstName: 'Айгерім' });
		const result = profileSchema.safeParse({ ...card, lastName: 'Сәрсенова\u0000', organisationName: 'Дала\u001b' });
		expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ lastName: 'error_invalid_characters', organisationName: 'error_invalid_characters' });
	});
});
