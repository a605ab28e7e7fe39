import type { Locale } from '#lib/i18n/localized.ts';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			requestId: string;
		}
		interface Error {
			message: string;
			reference?: string;
		}
	}
}

export {};
