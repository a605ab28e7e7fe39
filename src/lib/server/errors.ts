import type { m } from '../paraglide/messages.js';

type MessageKey = keyof typeof m;

/**
 * Every coded failure of the portal, with its HTTP status and the message that explains it. A code
 * is thrown as `new AppError('file.too_large')`; routes turn it into a status (`runOperation`) and
 * into text (`errorMessageKey`) from here only. A new code needs its message in kk, ru and en.
 */
export const ERROR_CODES = {
	'application.not_found': { status: 404, message: 'error_application_not_found' },
	'application.step_not_found': { status: 404, message: 'error_application_step_not_found' },
	'application.document_requirement_not_found': { status: 404, message: 'error_application_document_requirement_not_found' },
	'application.applicants_only': { status: 403, message: 'error_application_applicants_only' },
	'application.not_editable': { status: 409, message: 'error_application_not_editable' },
	'application.stale_form': { status: 409, message: 'error_application_stale_form' },
	'application.transition_not_allowed': { status: 409, message: 'error_application_transition_not_allowed' },
	'office.nothing_selected': { status: 400, message: 'error_office_nothing_selected' },
	'office.executor_not_found': { status: 400, message: 'error_office_executor_not_found' },
	'office.nothing_to_sign': { status: 409, message: 'error_office_nothing_to_sign' },
	'document.not_found': { status: 404, message: 'error_document_not_found' },
	'service.not_found': { status: 404, message: 'error_service_not_found' },
	'category.not_found': { status: 404, message: 'error_category_not_found' },

	'file.not_found': { status: 404, message: 'error_file_not_found' },
	'file.missing': { status: 400, message: 'error_file_missing' },
	'file.too_large': { status: 413, message: 'error_file_too_large' },
	'file.too_large_unpacked': { status: 400, message: 'error_file_too_large_unpacked' },
	'file.unreadable': { status: 400, message: 'error_file_unreadable' },
	'file.type_not_allowed': { status: 415, message: 'error_file_type_not_allowed' },
	'file.too_many': { status: 409, message: 'error_file_too_many' },
	'file.infected': { status: 422, message: 'error_file_infected' },
	'file.scanner_unavailable': { status: 503, message: 'error_file_scanner_unavailable' },
	'file.rate_limited': { status: 429, message: 'error_file_rate_limited' },
	// An upload body the multipart reader refuses.
	'file.not_multipart': { status: 400, message: 'error_file_not_multipart' },
	'file.too_many_files': { status: 400, message: 'error_file_too_many_files' },
	'file.too_many_fields': { status: 413, message: 'error_file_too_many_fields' },
	'file.field_too_large': { status: 413, message: 'error_file_field_too_large' },

	// A posted form the form reader refuses.
	'form.unsupported_type': { status: 415, message: 'error_form_unsupported_type' },
	'form.malformed': { status: 400, message: 'error_form_malformed' },
	'form.too_large': { status: 413, message: 'error_form_too_large' },

	// Creating a staff account (the staff:create script for now).
	'staff.invalid_iin': { status: 400, message: 'error_iin_invalid' },
	'staff.invalid_role': { status: 400, message: 'error_staff_invalid_role' },
	'staff.not_signer_role': { status: 400, message: 'error_staff_invalid_role' },
	'staff.invalid_name': { status: 400, message: 'error_staff_invalid_name' },
	'staff.provider_required': { status: 400, message: 'error_staff_provider_required' },
	'staff.unknown_provider': { status: 400, message: 'error_staff_unknown_provider' },
	'staff.login_taken': { status: 409, message: 'error_staff_login_taken' },
	'staff.password_too_short': { status: 400, message: 'error_password_too_short' },
	'staff.password_too_long': { status: 400, message: 'error_password_too_long' },
	'staff.password_too_common': { status: 400, message: 'error_password_too_common' },
	'staff.password_contains_identifier': { status: 400, message: 'error_password_contains_identifier' },
	'staff.password_contains_name': { status: 400, message: 'error_password_contains_name' },
	'staff.password_contains_portal_word': { status: 400, message: 'error_password_contains_portal_word' },
	'staff.not_found': { status: 404, message: 'error_staff_not_found' },
	'consultant.not_found': { status: 404, message: 'error_consultant_not_found' },
	'consultant.closed': { status: 409, message: 'error_consultant_closed' },
	'consultant.not_yours': { status: 409, message: 'error_consultant_not_yours' },
	'consultant.already_taken': { status: 409, message: 'error_consultant_already_taken' },
	'consultant.not_on_duty': { status: 409, message: 'error_consultant_not_on_duty' },
	'consultant.colleague_unavailable': { status: 409, message: 'error_consultant_colleague_unavailable' },
	'consultant.not_rateable': { status: 409, message: 'error_consultant_closed' },
	'consultant.already_answered': { status: 409, message: 'error_consultant_already_answered' }
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A failure with a code from `ERROR_CODES`: its status and message come from there. */
export class AppError extends Error {
	readonly code: ErrorCode;
	readonly status: number;

	constructor(code: ErrorCode, options?: ErrorOptions) {
		super(code, options);
		this.name = 'AppError';
		this.code = code;
		this.status = ERROR_CODES[code].status;
	}
}

type NotFoundSubject<Code = ErrorCode> = Code extends `${infer Subject}.not_found` ? Subject : never;

export const notFound = (what: NotFoundSubject) => new AppError(`${what}.not_found`);

/** Whether a code that came back as text (an HTTP error's message, say) is one of ours. */
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);

/** The catalogue message explaining a coded error: `file.too_large` → `error_file_too_large`. */
export const errorMessageKey = (code: ErrorCode): MessageKey => ERROR_CODES[code].message;
