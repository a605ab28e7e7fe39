import type { ShownText } from '../i18n/localized.ts';
import type { ApplicationStatus } from './status.ts';
import type { WaitingTime } from './waiting-time.ts';

/** One line of the office queue, as the server reads it and the page shows it. */
export interface QueueRow {
	number: string;
	status: ApplicationStatus;
	submittedAt: Date | null;
	service: ShownText;
	applicant: { name: string; identifier: string };
	executor: { id: number; name: string } | null;
	waiting: WaitingTime;
	hasUnread: boolean;
}
