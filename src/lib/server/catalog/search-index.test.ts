import { describe, expect, it } from 'vitest';
import { buildPostings, FIELD_WEIGHT } from './search-index.ts';

describe('buildPostings', () => {
	it('keeps, for each folded word, the weight of the most prominent field across languages', () => {
		const postings = buildPostings({
			title: { kk: 'Салық кеңесі', ru: 'Налоговая консультация' },
			keywords: { ru: ['НДС', 'налоговая'] },
			summary: { en: 'Tax advice' },
			description: { kk: 'Салық есептілігі бойынша кеңес.' },
			conditions: {},
			recipients: {}
		});
		expect(postings.get('салык')).toBe(FIELD_WEIGHT.title);
		expect(postings.get('налоговая')).toBe(FIELD_WEIGHT.title);
		expect(postings.get('ндс')).toBe(FIELD_WEIGHT.keywords);
		expect(postings.get('tax')).toBe(FIELD_WEIGHT.summary);
		expect(postings.get('есептилиги')).toBe(FIELD_WEIGHT.body);
		expect(postings.has('')).toBe(false);
	});
});
