import type { CatalogSeed } from '../db/seed/seed-catalog.ts';
import type { SeedService } from '../db/seed/catalog-types.ts';

const base = {
	conditions: { kk: 'Шарттар.', ru: 'Условия.', en: 'Conditions.' },
	recipients: { kk: 'Кәсіпкерлер.', ru: 'Предприниматели.', en: 'Entrepreneurs.' },
	termDays: 10,
	resultKind: 'consultation' as const,
	regulatoryDocuments: [{ title: { kk: 'Кәсіпкерлік кодекс', ru: 'Предпринимательский кодекс', en: 'Entrepreneurial Code' } }],
	requiredDocuments: [{ title: { kk: 'Өтініш', ru: 'Заявление', en: 'Application' } }]
};

const service = (fields: Partial<SeedService> & Pick<SeedService, 'slug' | 'title' | 'summary' | 'description'>): SeedService => ({
	...base,
	category: 'ppp',
	provider: 'chamber',
	keywords: {},
	...fields
});

/** A small catalog written for the tests, independent of the demo data. */
export const testCatalog: CatalogSeed = {
	providers: [
		{ slug: 'chamber', name: { kk: 'Кәсіпкерлер палатасы', ru: 'Палата предпринимателей', en: 'Chamber of Entrepreneurs' }, phone: '1432', email: 'info@example.kz' },
		{ slug: 'agency', name: { kk: 'Агенттік', ru: 'Агентство', en: 'Agency' }, bin: '050240000709' }
	],
	categories: [
		{
			slug: 'business',
			name: { kk: 'Бизнеске көмек', ru: 'Помощь бизнесу', en: 'Business assistance' },
			children: [
				{ slug: 'ppp', name: { kk: 'МҚӘ', ru: 'ГЧП', en: 'PPP' } },
				{ slug: 'legal', name: { kk: 'Заң қызметтері', ru: 'Юридические услуги', en: 'Legal services' } }
			]
		},
		{ slug: 'financing', name: { kk: 'Қаржыландыру', ru: 'Финансирование', en: 'Financing' }, children: [{ slug: 'subsidies', name: { kk: 'Субсидиялар', ru: 'Субсидии', en: 'Subsidies' } }] },
		{ slug: 'sales', name: { kk: 'Сату көлемін ұлғайту', ru: 'Увеличение продаж', en: 'Sales growth' } }
	],
	services: [
		service({
			slug: 'ppp-consultation',
			title: { kk: 'Мемлекеттік-жекешелік әріптестік бойынша кеңес', ru: 'Консультация по государственно-частному партнёрству', en: 'Public-private partnership consultation' },
			summary: { kk: 'Шарт жасасуға көмек.', ru: 'Помощь в заключении договора.', en: 'Help with the contract.' },
			description: { kk: 'Кеңес беру.', ru: 'Консультирование.', en: 'Advice.' },
			keywords: { kk: ['МҚӘ'], ru: ['ГЧП'], en: ['PPP'] },
			popularity: 10
		}),
		service({
			slug: 'legal-advice',
			category: 'legal',
			title: { kk: 'Заң кеңесі', ru: 'Юридическая консультация', en: 'Legal advice' },
			summary: { kk: 'Шарттар мен даулар бойынша.', ru: 'По договорам и спорам.', en: 'On contracts and disputes.' },
			description: { kk: 'Әріптестік шарттарын талдау.', ru: 'Анализ договоров о партнёрстве.', en: 'Review of partnership contracts.' }
		}),
		service({
			slug: 'subsidy',
			category: 'subsidies',
			provider: 'agency',
			title: { kk: 'Шығындарды өтеу субсидиясы', ru: 'Субсидия на возмещение затрат', en: 'Cost reimbursement subsidy' },
			summary: { kk: 'Ілгерілету шығындары.', ru: 'Затраты на продвижение.', en: 'Promotion costs.' },
			description: { kk: 'Өтеу.', ru: 'Возмещение.', en: 'Reimbursement.' },
			resultKind: 'subsidy',
			popularity: 20
		}),
		service({
			slug: 'only-russian',
			category: 'sales',
			title: { ru: 'Экспортный акселератор' },
			summary: { ru: 'Только на русском.' },
			description: { ru: 'Описание.' },
			conditions: { ru: 'Условия.' },
			recipients: { ru: 'Экспортёры.' }
		}),
		service({
			slug: 'yolka',
			category: 'sales',
			title: { kk: 'Ёлка жәрмеңкесі', ru: 'Ёлочная ярмарка', en: 'Fir tree fair' },
			summary: { kk: 'Маусымдық сауда.', ru: 'Сезонная торговля.', en: 'Seasonal trade.' },
			description: { kk: '.', ru: '.', en: '.' }
		})
	]
};
