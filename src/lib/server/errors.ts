/** A failure with a code the routes turn into a status and a localized message. */
export class AppError extends Error {
	constructor(
		readonly code: string,
		readonly status: number = 400
	) {
		super(code);
		this.name = 'AppError';
	}
}

export const notFound = (what: string) => new AppError(`${what}.not_found`, 404);
