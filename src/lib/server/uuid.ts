const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id from a URL or a form is shaped like a uuid. Checked before it reaches a uuid
 * column: PostgreSQL refuses anything else with an error, which must be a 404, not a 500.
 */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}
