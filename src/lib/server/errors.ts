/** A failure with a code the routes turn into a status and a localized message. */
export class AppError extends Error {
	readonly code: string;
	readonly status: number;

	constructor(code: string, status = 400) {
		super(code);
		this.name = 'AppError';
		this.code = code;
		this.status = status;
	}
}

export const notFound = (what: string) => new AppError(`${what}.not_found`, 404);
