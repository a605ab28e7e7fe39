/**
 * Demo catalog: provider organisations, the two-level category tree of the user manual and
 * a set of services covering every subcategory. Texts are given in Kazakh, Russian and English.
 *
 * Legal acts link to the official database adilet.zan.kz only where the document code is known;
 * the others are cited by title alone.
 */
import type { SeedCategory, SeedDocumentRef, SeedProvider, SeedService } from './catalog-types.ts';

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

export const providers: SeedProvider[] = [
	{
		slug: 'atameken',
		name: {
			kk: '«Атамекен» Қазақстан Республикасының Ұлттық кәсіпкерлер палатасы',
			ru: 'Национальная палата предпринимателей Республики Казахстан «Атамекен»',
			en: 'National Chamber of Entrepreneurs of the Republic of Kazakhstan "Atameken"'
		},
		shortName: {
			kk: '«Атамекен» ҰКП',
			ru: 'НПП «Атамекен»',
			en: 'NCE "Atameken"'
		},
		phone: '1432',
		email: 'info@atameken.kz',
		address: {
			kk: 'Астана қ., Есіл ауданы, Д. Қонаев көшесі, 8, «Изумрудный квартал» бизнес-орталығы, «Б» блогы',
			ru: 'г. Астана, район Есиль, ул. Д. Кунаева, 8, БЦ «Изумрудный квартал», блок «Б»',
			en: '8 D. Kunayev St., Emerald Quarter business centre, block B, Yesil district, Astana'
		},
		website: 'https://atameken.kz'
	},
	{
		slug: 'nadloc',
		name: {
			kk: '«"NADLoC" жергілікті құрамды дамыту жөніндегі ұлттық агенттігі» АҚ',
			ru: 'АО «Национальное агентство по развитию местного содержания "NADLoC"»',
			en: 'National Agency for Development of Local Content "NADLoC" JSC'
		},
		shortName: {
			kk: 'NADLoC',
			ru: 'NADLoC',
			en: 'NADLoC'
		},
		address: {
			kk: 'Астана қ.',
			ru: 'г. Астана',
			en: 'Astana'
		}
	},
	{
		slug: 'cmer',
		name: {
			kk: 'Нарық мониторингі және сараптама орталығы',
			ru: 'Центр мониторинга рынка и экспертизы',
			en: 'Centre for Market Monitoring and Expertise'
		},
		phone: '+7 (7172) 27 04 60, ext. 2405',
		email: 'info@cmer.kz',
		address: {
			kk: 'Астана қ.',
			ru: 'г. Астана',
			en: 'Astana'
		}
	},
	{
		slug: 'almaty-chamber',
		name: {
			kk: 'Алматы қаласының кәсіпкерлер палатасы',
			ru: 'Палата предпринимателей города Алматы',
			en: 'Chamber of Entrepreneurs of Almaty City'
		},
		shortName: {
			kk: 'Алматы қ. КП',
			ru: 'ПП г. Алматы',
			en: 'Almaty Chamber'
		},
		address: {
			kk: 'Алматы қ.',
			ru: 'г. Алматы',
			en: 'Almaty'
		}
	},
	{
		slug: 'damu',
		name: {
			kk: '«"Даму" кәсіпкерлікті дамыту қоры» АҚ',
			ru: 'АО «Фонд развития предпринимательства "Даму"»',
			en: '"Damu" Entrepreneurship Development Fund JSC'
		},
		shortName: {
			kk: '«Даму» қоры',
			ru: 'Фонд «Даму»',
			en: 'Damu Fund'
		},
		phone: '1408',
		email: 'info@fund.kz',
		address: {
			kk: 'Алматы қ., Гоголь көшесі, 111',
			ru: 'г. Алматы, ул. Гоголя, 111',
			en: '111 Gogol St., Almaty'
		},
		website: 'https://damu.kz'
	}
];

// ---------------------------------------------------------------------------------------------
// Categories (the order of the user manual, section 2.2)
// ---------------------------------------------------------------------------------------------

export const categories: SeedCategory[] = [
	{
		slug: 'business-assistance',
		name: { kk: 'Бизнеске көмек', ru: 'Помощь бизнесу', en: 'Business assistance' },
		children: [
			{
				slug: 'accounting-tax',
				name: {
					kk: 'Бухгалтерлік және салық қызметтері',
					ru: 'Бухгалтерские и налоговые услуги',
					en: 'Accounting and tax services'
				}
			},
			{
				slug: 'legal',
				name: { kk: 'Заң қызметтері', ru: 'Юридические услуги', en: 'Legal services' }
			},
			{
				slug: 'customs',
				name: { kk: 'Кедендік рәсімдер', ru: 'Таможенные процедуры', en: 'Customs procedures' }
			},
			{
				slug: 'information-support',
				name: { kk: 'Ақпараттық қолдау', ru: 'Информационная поддержка', en: 'Information support' }
			},
			{
				slug: 'appeals-support',
				name: {
					kk: 'Кәсіпкерлердің өтініштерін қолдау',
					ru: 'Сопровождение обращений предпринимателей',
					en: 'Support of entrepreneurs\' appeals'
				}
			},
			{
				slug: 'marketing-research',
				name: { kk: 'Маркетингтік зерттеулер', ru: 'Маркетинговые исследования', en: 'Marketing research' }
			},
			{
				slug: 'ppp',
				name: {
					kk: 'Мемлекеттік-жекешелік әріптестік (МҚӘ)',
					ru: 'Государственно-частное партнерство (ГЧП)',
					en: 'Public-private partnership (PPP)'
				}
			},
			{
				slug: 'public-procurement',
				name: { kk: 'Мемлекеттік сатып алу', ru: 'Государственные закупки', en: 'Public procurement' }
			}
		]
	},
	{
		slug: 'human-resources',
		name: { kk: 'Адам ресурстары', ru: 'Человеческие ресурсы', en: 'Human resources' },
		children: [
			{
				slug: 'training',
				name: { kk: 'Оқыту', ru: 'Обучение', en: 'Training' }
			}
		]
	},
	{
		slug: 'financing',
		name: { kk: 'Қаржыландыру', ru: 'Финансирование', en: 'Financing' },
		children: [
			{
				slug: 'lending',
				name: { kk: 'Несиелендіру', ru: 'Кредитование', en: 'Lending' }
			},
			{
				slug: 'grants',
				name: { kk: 'Гранттар', ru: 'Гранты', en: 'Grants' }
			},
			{
				slug: 'subsidies',
				name: { kk: 'Субсидиялар', ru: 'Субсидии', en: 'Subsidies' }
			},
			{
				slug: 'leasing',
				name: { kk: 'Лизинг', ru: 'Лизинг', en: 'Leasing' }
			}
		]
	},
	{
		slug: 'cost-reduction',
		name: { kk: 'Шығындардың төмендеуі', ru: 'Снижение издержек', en: 'Cost reduction' },
		children: [
			{
				slug: 'audit',
				name: { kk: 'Аудит', ru: 'Аудит', en: 'Audit' }
			},
			{
				slug: 'consulting',
				name: { kk: 'Консалтинг', ru: 'Консалтинг', en: 'Consulting' }
			},
			{
				slug: 'insurance',
				name: { kk: 'Сақтандыру', ru: 'Страхование', en: 'Insurance' }
			}
		]
	},
	{
		slug: 'sales-growth',
		name: { kk: 'Сату көлемін ұлғайту', ru: 'Увеличение объема продаж', en: 'Sales growth' }
	},
	{
		slug: 'localisation',
		name: { kk: 'Локализация', ru: 'Локализация', en: 'Localisation' },
		children: [
			{
				slug: 'project-office',
				name: { kk: 'Жобалық кеңсе', ru: 'Проектный офис', en: 'Project office' }
			}
		]
	},
	{
		slug: 'career',
		name: { kk: 'Мансап', ru: 'Карьера', en: 'Career' },
		children: [
			{
				slug: 'vacancies',
				name: { kk: 'Бос орындар', ru: 'Вакансии', en: 'Vacancies' }
			}
		]
	}
];

// ---------------------------------------------------------------------------------------------
// Legal acts cited by several services
// ---------------------------------------------------------------------------------------------

const ADILET = 'https://adilet.zan.kz/rus/docs/';

const ENTREPRENEURIAL_CODE: SeedDocumentRef = {
	title: {
		kk: 'Қазақстан Республикасының 2015 жылғы 29 қазандағы № 375-V Кәсіпкерлік кодексі',
		ru: 'Предпринимательский кодекс Республики Казахстан от 29 октября 2015 года № 375-V',
		en: 'Entrepreneurial Code of the Republic of Kazakhstan of 29 October 2015 No. 375-V'
	},
	url: `${ADILET}K1500000375`
};

const NATIONAL_CHAMBER_LAW: SeedDocumentRef = {
	title: {
		kk: '«Қазақстан Республикасының Ұлттық кәсіпкерлер палатасы туралы» Қазақстан Республикасының 2013 жылғы 4 шілдедегі № 129-V Заңы',
		ru: 'Закон Республики Казахстан от 4 июля 2013 года № 129-V «О Национальной палате предпринимателей Республики Казахстан»',
		en: 'Law of the Republic of Kazakhstan of 4 July 2013 No. 129-V "On the National Chamber of Entrepreneurs of the Republic of Kazakhstan"'
	},
	url: `${ADILET}Z1300000129`
};

const LABOUR_CODE: SeedDocumentRef = {
	title: {
		kk: 'Қазақстан Республикасының 2015 жылғы 23 қарашадағы № 414-V Еңбек кодексі',
		ru: 'Трудовой кодекс Республики Казахстан от 23 ноября 2015 года № 414-V',
		en: 'Labour Code of the Republic of Kazakhstan of 23 November 2015 No. 414-V'
	},
	url: `${ADILET}K1500000414`
};

const PPP_LAW: SeedDocumentRef = {
	title: {
		kk: '«Мемлекеттік-жекешелік әріптестік туралы» Қазақстан Республикасының 2015 жылғы 31 қазандағы № 379-V Заңы',
		ru: 'Закон Республики Казахстан от 31 октября 2015 года № 379-V «О государственно-частном партнерстве»',
		en: 'Law of the Republic of Kazakhstan of 31 October 2015 No. 379-V "On public-private partnership"'
	},
	url: `${ADILET}Z1500000379`
};

const STATISTICS_LAW: SeedDocumentRef = {
	title: {
		kk: '«Мемлекеттік статистика туралы» Қазақстан Республикасының 2010 жылғы 19 наурыздағы № 257-IV Заңы',
		ru: 'Закон Республики Казахстан от 19 марта 2010 года № 257-IV «О государственной статистике»',
		en: 'Law of the Republic of Kazakhstan of 19 March 2010 No. 257-IV "On state statistics"'
	},
	url: `${ADILET}Z100000257_`
};

const INDUSTRIAL_POLICY_LAW: SeedDocumentRef = {
	title: {
		kk: '«Өнеркәсіптік саясат туралы» Қазақстан Республикасының 2021 жылғы 27 желтоқсандағы № 86-VII Заңы',
		ru: 'Закон Республики Казахстан от 27 декабря 2021 года № 86-VII «О промышленной политике»',
		en: 'Law of the Republic of Kazakhstan of 27 December 2021 No. 86-VII "On industrial policy"'
	},
	url: `${ADILET}Z2100000086`
};

const ADMINISTRATIVE_PROCEDURE_CODE: SeedDocumentRef = {
	title: {
		kk: 'Қазақстан Республикасының 2020 жылғы 29 маусымдағы № 350-VI Әкімшілік рәсімдік-процестік кодексі',
		ru: 'Административный процедурно-процессуальный кодекс Республики Казахстан от 29 июня 2020 года № 350-VI',
		en: 'Administrative Procedural and Process Code of the Republic of Kazakhstan of 29 June 2020 No. 350-VI'
	},
	url: `${ADILET}K2000000350`
};

const PUBLIC_PROCUREMENT_LAW: SeedDocumentRef = {
	title: {
		kk: '«Мемлекеттік сатып алу туралы» Қазақстан Республикасының 2024 жылғы 1 шілдедегі № 106-VIII Заңы',
		ru: 'Закон Республики Казахстан от 1 июля 2024 года № 106-VIII «О государственных закупках»',
		en: 'Law of the Republic of Kazakhstan of 1 July 2024 No. 106-VIII "On public procurement"'
	},
	url: `${ADILET}Z2400000106`
};

const CUSTOMS_CODE: SeedDocumentRef = {
	title: {
		kk: '«Қазақстан Республикасындағы кедендік реттеу туралы» Қазақстан Республикасының 2017 жылғы 26 желтоқсандағы № 123-VI Кодексі',
		ru: 'Кодекс Республики Казахстан от 26 декабря 2017 года № 123-VI «О таможенном регулировании в Республике Казахстан»',
		en: 'Code of the Republic of Kazakhstan of 26 December 2017 No. 123-VI "On customs regulation in the Republic of Kazakhstan"'
	},
	url: `${ADILET}K1700000123`
};

const EAEU_CUSTOMS_CODE: SeedDocumentRef = {
	title: {
		kk: 'Еуразиялық экономикалық одақтың Кеден кодексі туралы 2017 жылғы 11 сәуірдегі шарт',
		ru: 'Договор о Таможенном кодексе Евразийского экономического союза от 11 апреля 2017 года',
		en: 'Treaty on the Customs Code of the Eurasian Economic Union of 11 April 2017'
	}
};

const TAX_CODE: SeedDocumentRef = {
	title: {
		kk: 'Қазақстан Республикасының Салық кодексі',
		ru: 'Налоговый кодекс Республики Казахстан',
		en: 'Tax Code of the Republic of Kazakhstan'
	}
};

const ACCOUNTING_LAW: SeedDocumentRef = {
	title: {
		kk: '«Бухгалтерлік есеп пен қаржылық есептілік туралы» Қазақстан Республикасының 2007 жылғы 28 ақпандағы № 234-III Заңы',
		ru: 'Закон Республики Казахстан от 28 февраля 2007 года № 234-III «О бухгалтерском учете и финансовой отчетности»',
		en: 'Law of the Republic of Kazakhstan of 28 February 2007 No. 234-III "On accounting and financial reporting"'
	}
};

const ELECTRONIC_SIGNATURE_LAW: SeedDocumentRef = {
	title: {
		kk: '«Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының 2003 жылғы 7 қаңтардағы № 370-II Заңы',
		ru: 'Закон Республики Казахстан от 7 января 2003 года № 370-II «Об электронном документе и электронной цифровой подписи»',
		en: 'Law of the Republic of Kazakhstan of 7 January 2003 No. 370-II "On electronic documents and electronic digital signatures"'
	}
};

const MIGRATION_LAW: SeedDocumentRef = {
	title: {
		kk: '«Халықтың көші-қоны туралы» Қазақстан Республикасының 2011 жылғы 22 шілдедегі № 477-IV Заңы',
		ru: 'Закон Республики Казахстан от 22 июля 2011 года № 477-IV «О миграции населения»',
		en: 'Law of the Republic of Kazakhstan of 22 July 2011 No. 477-IV "On population migration"'
	}
};

const LEASING_LAW: SeedDocumentRef = {
	title: {
		kk: '«Қаржы лизингі туралы» Қазақстан Республикасының 2000 жылғы 5 шілдедегі № 78-II Заңы',
		ru: 'Закон Республики Казахстан от 5 июля 2000 года № 78-II «О финансовом лизинге»',
		en: 'Law of the Republic of Kazakhstan of 5 July 2000 No. 78-II "On financial leasing"'
	}
};

const INSURANCE_LAW: SeedDocumentRef = {
	title: {
		kk: '«Сақтандыру қызметі туралы» Қазақстан Республикасының 2000 жылғы 18 желтоқсандағы № 126-II Заңы',
		ru: 'Закон Республики Казахстан от 18 декабря 2000 года № 126-II «О страховой деятельности»',
		en: 'Law of the Republic of Kazakhstan of 18 December 2000 No. 126-II "On insurance activity"'
	}
};

const CIVIL_CODE_SPECIAL_PART: SeedDocumentRef = {
	title: {
		kk: 'Қазақстан Республикасының 1999 жылғы 1 шілдедегі № 409-I Азаматтық кодексі (Ерекше бөлім)',
		ru: 'Гражданский кодекс Республики Казахстан (Особенная часть) от 1 июля 1999 года № 409-I',
		en: 'Civil Code of the Republic of Kazakhstan (Special Part) of 1 July 1999 No. 409-I'
	}
};

const TRADE_LAW: SeedDocumentRef = {
	title: {
		kk: '«Сауда қызметін реттеу туралы» Қазақстан Республикасының 2004 жылғы 12 сәуірдегі № 544-II Заңы',
		ru: 'Закон Республики Казахстан от 12 апреля 2004 года № 544-II «О регулировании торговой деятельности»',
		en: 'Law of the Republic of Kazakhstan of 12 April 2004 No. 544-II "On regulation of trade activity"'
	}
};

const BANKS_LAW: SeedDocumentRef = {
	title: {
		kk: '«Қазақстан Республикасындағы банктер және банк қызметі туралы» Қазақстан Республикасының 1995 жылғы 31 тамыздағы № 2444 Заңы',
		ru: 'Закон Республики Казахстан от 31 августа 1995 года № 2444 «О банках и банковской деятельности в Республике Казахстан»',
		en: 'Law of the Republic of Kazakhstan of 31 August 1995 No. 2444 "On banks and banking activity in the Republic of Kazakhstan"'
	}
};

const PERSONAL_DATA_LAW: SeedDocumentRef = {
	title: {
		kk: '«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңы',
		ru: 'Закон Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите»',
		en: 'Law of the Republic of Kazakhstan of 21 May 2013 No. 94-V "On personal data and their protection"'
	}
};

// ---------------------------------------------------------------------------------------------
// Documents asked for by several services
// ---------------------------------------------------------------------------------------------

const APPLICATION = { title: { kk: 'Өтінім', ru: 'Заявка', en: 'Application' } };

const IDENTITY_DOCUMENT = {
	title: {
		kk: 'Жеке басын куәландыратын құжат',
		ru: 'Документ, удостоверяющий личность',
		en: 'Identity document'
	}
};

const STATE_REGISTRATION_REFERENCE = {
	title: {
		kk: 'Мемлекеттік тіркеу туралы анықтама',
		ru: 'Справка о государственной регистрации',
		en: 'State registration reference'
	}
};

const POWER_OF_ATTORNEY = {
	title: {
		kk: 'Өкілдің сенімхаты (өтінімді өкіл берген жағдайда)',
		ru: 'Доверенность представителя (если заявку подает представитель)',
		en: 'Power of attorney (if a representative applies)'
	},
	isRequired: false
};

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

export const services: SeedService[] = [
	// Business assistance → accounting and tax services
	{
		slug: 'accounting-tax-consultation',
		category: 'accounting-tax',
		provider: 'atameken',
		title: {
			kk: 'Бухгалтерлік есеп және салық салу мәселелері бойынша кеңес беру',
			ru: 'Консультация по вопросам бухгалтерского учета и налогообложения',
			en: 'Consultation on accounting and taxation'
		},
		summary: {
			kk: 'Салық режимін таңдау, салық есептілігін тапсыру және бухгалтерлік есепті жүргізу бойынша кәсіпкерлерге тегін кеңес.',
			ru: 'Бесплатная консультация предпринимателей по выбору налогового режима, сдаче налоговой отчетности и ведению бухгалтерского учета.',
			en: 'Free advice for entrepreneurs on choosing a tax regime, filing tax returns and keeping accounts.'
		},
		description: {
			kk: 'Палата сарапшылары арнаулы салық режимдерін қолдану, салық нысандарын толтыру тәртібі мен тапсыру мерзімдері, ҚҚС бойынша тіркеу есебіне қою және бастапқы құжаттарды ресімдеу мәселелерін түсіндіреді.\n\nЖауап жеке кабинетке жазбаша түрде жіберіледі. Қосымша мәліметтер қажет болса, сарапшы оларды өтінім чатында сұрайды.',
			ru: 'Эксперты палаты разъясняют применение специальных налоговых режимов, порядок заполнения и сроки сдачи налоговых форм, постановку на регистрационный учет по НДС и оформление первичных документов.\n\nОтвет направляется в личный кабинет в письменном виде. Если нужны дополнительные сведения, эксперт запрашивает их в чате заявки.',
			en: 'The Chamber\'s experts explain special tax regimes, how to fill in tax forms and when to file them, VAT registration and the paperwork for primary accounting documents.\n\nThe answer is sent in writing to your personal account. If more details are needed, the expert asks for them in the application chat.'
		},
		conditions: {
			kk: 'Қызмет тегін көрсетіледі. Өтінімде сұрағыңызды нақты тұжырымдап, қолданып жүрген салық режиміңізді көрсетіңіз. Кеңес салық органының ресми түсіндірмесін алмастырмайды.',
			ru: 'Услуга оказывается бесплатно. Четко сформулируйте вопрос в заявке и укажите применяемый налоговый режим. Консультация не заменяет официального разъяснения налогового органа.',
			en: 'The service is free of charge. State your question clearly in the application and give the tax regime you use. The advice does not replace an official clarification from the tax authority.'
		},
		recipients: {
			kk: 'Қазақстан Республикасында тіркелген жеке кәсіпкерлер мен шағын және орта бизнес субъектілері.',
			ru: 'Индивидуальные предприниматели и субъекты малого и среднего бизнеса, зарегистрированные в Республике Казахстан.',
			en: 'Individual entrepreneurs and small and medium-sized businesses registered in the Republic of Kazakhstan.'
		},
		termDays: 5,
		resultKind: 'consultation',
		keywords: {
			kk: ['салық', 'бухгалтерия', 'ҚҚС', 'салық есептілігі', 'ЖК', 'ШОБ'],
			ru: ['налоги', 'бухгалтерия', 'НДС', 'налоговая отчетность', 'ИП', 'МСБ'],
			en: ['tax', 'accounting', 'VAT', 'tax return', 'sole trader', 'SME']
		},
		regulatoryDocuments: [TAX_CODE, ACCOUNTING_LAW],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Сұраққа қатысты құжаттардың көшірмелері',
					ru: 'Копии документов, относящихся к вопросу',
					en: 'Copies of documents relevant to the question'
				},
				isRequired: false
			}
		]
	},

	// Business assistance → legal services
	{
		slug: 'legal-consultation',
		category: 'legal',
		provider: 'almaty-chamber',
		title: {
			kk: 'Кәсіпкерлерге заң кеңесін беру',
			ru: 'Юридическая консультация для предпринимателей',
			en: 'Legal consultation for entrepreneurs'
		},
		summary: {
			kk: 'Шарттық қатынастар, тексерулер, еңбек және корпоративтік мәселелер бойынша заңгердің кеңесі.',
			ru: 'Консультация юриста по договорным отношениям, проверкам, трудовым и корпоративным вопросам.',
			en: 'Advice from a lawyer on contracts, inspections, employment and corporate matters.'
		},
		description: {
			kk: 'Палата заңгерлері кәсіпкерлік қызметтің құқықтық мәселелері бойынша кеңес береді: шарттарды жасасу және орындау, мемлекеттік органдардың тексерулері, рұқсат беру рәсімдері, жұмыскерлермен еңбек қатынастары.\n\nКеңес ауызша немесе жазбаша түрде беріледі. Күрделі жағдайларда заңгер шарттың немесе хаттың жобасын қарап, өз ескертулерін жібереді.',
			ru: 'Юристы палаты консультируют по правовым вопросам предпринимательской деятельности: заключение и исполнение договоров, проверки государственных органов, разрешительные процедуры, трудовые отношения с работниками.\n\nКонсультация дается устно или письменно. В сложных случаях юрист изучает проект договора или письма и направляет свои замечания.',
			en: 'The Chamber\'s lawyers advise on the legal side of running a business: concluding and performing contracts, inspections by state bodies, permits and licences, and relations with employees.\n\nAdvice is given orally or in writing. In complex cases the lawyer reviews a draft contract or letter and sends comments.'
		},
		conditions: {
			kk: 'Қызмет тегін. Сотта өкілдік ету және құжаттарды нотариаттық куәландыру бұл қызметке кірмейді. Сұраққа қатысты құжаттарды өтінімге тіркеңіз.',
			ru: 'Услуга бесплатная. Представительство в суде и нотариальное удостоверение документов в услугу не входят. Приложите к заявке документы, относящиеся к вопросу.',
			en: 'The service is free. Representation in court and notarisation of documents are not included. Attach the documents relevant to your question.'
		},
		recipients: {
			kk: 'Алматы қаласында тіркелген жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, зарегистрированные в городе Алматы.',
			en: 'Individual entrepreneurs and legal entities registered in Almaty.'
		},
		termDays: 5,
		resultKind: 'consultation',
		keywords: {
			kk: ['заңгер', 'заң кеңесі', 'заң қызметтері', 'шарт', 'тексеру'],
			ru: ['юрист', 'юридическая консультация', 'юридические услуги', 'договор', 'проверка'],
			en: ['lawyer', 'legal advice', 'legal services', 'contract', 'inspection']
		},
		popularity: 70,
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, NATIONAL_CHAMBER_LAW],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Сұраққа қатысты шарттар, хаттар немесе актілер',
					ru: 'Договоры, письма или акты, относящиеся к вопросу',
					en: 'Contracts, letters or official acts relevant to the question'
				},
				isRequired: false
			}
		]
	},

	// Business assistance → customs procedures
	{
		slug: 'customs-declaration-assistance',
		category: 'customs',
		provider: 'atameken',
		title: {
			kk: 'Тауарларды кедендік декларациялау бойынша кеңес беру',
			ru: 'Консультация по таможенному декларированию товаров',
			en: 'Consultation on customs declaration of goods'
		},
		summary: {
			kk: 'Экспорт пен импорт кезінде тауарды сыныптау, кедендік төлемдерді есептеу және декларацияны толтыру бойынша көмек.',
			ru: 'Помощь в классификации товара, расчете таможенных платежей и заполнении декларации при экспорте и импорте.',
			en: 'Help with classifying goods, calculating customs payments and filling in the declaration for exports and imports.'
		},
		description: {
			kk: 'Сарапшы тауардың ЕАЭО СЭҚ ТН бойынша кодын анықтауға, кедендік баждар мен салықтардың сомасын алдын ала есептеуге және қажетті рұқсат құжаттарының тізбесін жасауға көмектеседі.\n\nСондай-ақ кедендік рәсімді таңдау, тауардың шығу тегі туралы сертификатты алу және декларацияны электрондық түрде беру тәртібі түсіндіріледі.',
			ru: 'Эксперт помогает определить код товара по ТН ВЭД ЕАЭС, предварительно рассчитать сумму таможенных пошлин и налогов и составить перечень необходимых разрешительных документов.\n\nТакже разъясняются выбор таможенной процедуры, получение сертификата о происхождении товара и порядок подачи декларации в электронном виде.',
			en: 'The expert helps you find the commodity code of your goods in the EAEU foreign trade nomenclature (TN VED), estimate customs duties and taxes, and list the permits you will need.\n\nYou will also learn how to choose a customs procedure, obtain a certificate of origin and file the declaration electronically.'
		},
		conditions: {
			kk: 'Кеңес тегін. Өтінімде тауардың сипаттамасын, шығарылған елін және құнын көрсетіңіз. Декларацияны кеден өкілі ретінде беру бұл қызметке кірмейді.',
			ru: 'Консультация бесплатная. Укажите в заявке описание товара, страну происхождения и стоимость. Подача декларации в качестве таможенного представителя в услугу не входит.',
			en: 'The consultation is free. Describe the goods in the application and give their country of origin and value. Filing the declaration as a customs representative is not included.'
		},
		recipients: {
			kk: 'Сыртқы экономикалық қызметпен айналысатын жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, ведущие внешнеэкономическую деятельность.',
			en: 'Individual entrepreneurs and legal entities engaged in foreign trade.'
		},
		termDays: 7,
		resultKind: 'consultation',
		keywords: {
			kk: ['кеден', 'декларация', 'СЭҚ ТН', 'экспорт', 'импорт', 'баж'],
			ru: ['таможня', 'декларация', 'ТН ВЭД', 'экспорт', 'импорт', 'пошлина'],
			en: ['customs', 'declaration', 'HS code', 'export', 'import', 'duty']
		},
		regulatoryDocuments: [CUSTOMS_CODE, EAEU_CUSTOMS_CODE],
		requiredDocuments: [
			APPLICATION,
			{
				title: {
					kk: 'Сыртқы сауда келісімшарты',
					ru: 'Внешнеторговый контракт',
					en: 'Foreign trade contract'
				}
			},
			{
				title: {
					kk: 'Инвойс немесе шот-фактура',
					ru: 'Инвойс или счет-фактура',
					en: 'Commercial invoice'
				}
			},
			{
				title: {
					kk: 'Тауардың техникалық сипаттамасы',
					ru: 'Техническое описание товара',
					en: 'Technical description of the goods'
				},
				isRequired: false
			}
		]
	},

	// Business assistance → information support
	{
		slug: 'statistical-reporting-consultation',
		category: 'information-support',
		provider: 'cmer',
		title: {
			kk: 'Электрондық статистикалық есептілікті ұсыну бойынша кеңес беру',
			ru: 'Консультация по представлению электронной статистической отчетности',
			en: 'Consultation on submitting electronic statistical reports'
		},
		summary: {
			kk: 'Статистикалық есептерді электрондық түрде толтыру және тапсыру, олардың нысандары мен мерзімдері туралы кеңес.',
			ru: 'Консультация о заполнении и сдаче статистических отчетов в электронном виде, их формах и сроках.',
			en: 'Advice on filling in and submitting statistical reports electronically, and on their forms and deadlines.'
		},
		description: {
			kk: 'Орталық мамандары кәсіпорын қандай статистикалық нысандарды тапсыруға міндетті екенін анықтауға, оларды электрондық түрде толтыруға, ЭЦҚ-мен қол қойып жіберуге көмектеседі.\n\nСондай-ақ есептерді тапсыру кестесі, қателерді түзету тәртібі және есепті уақтылы бермеудің салдары түсіндіріледі.',
			ru: 'Специалисты центра помогают определить, какие статистические формы обязано сдавать предприятие, заполнить их в электронном виде, подписать ЭЦП и отправить.\n\nТакже разъясняются график представления отчетов, порядок исправления ошибок и последствия несвоевременной сдачи.',
			en: 'The Centre\'s specialists help you find out which statistical forms your business must submit, fill them in electronically, sign them with an EDS and send them.\n\nThey also explain the reporting calendar, how to correct errors and what happens if a report is late.'
		},
		conditions: {
			kk: 'Кеңес тегін беріледі. Өтінімге төменде көрсетілген құжаттарды тіркеп, «Сұрағыңызды қойыңыз» қадамында сұрағыңызды жазыңыз. Өтінімді өкіл берген жағдайда сенімхат қажет.',
			ru: 'Консультация бесплатная. Приложите к заявке перечисленные ниже документы и опишите вопрос на шаге «Задайте свой вопрос». Если заявку подает представитель, нужна доверенность.',
			en: 'The consultation is free. Attach the documents listed below and describe your question at the "Ask your question" step. If a representative applies, a power of attorney is needed.'
		},
		recipients: {
			kk: 'Статистикалық есептілікті ұсынуға міндетті жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, обязанные представлять статистическую отчетность.',
			en: 'Individual entrepreneurs and legal entities required to submit statistical reports.'
		},
		termDays: 5,
		resultKind: 'consultation',
		keywords: {
			kk: ['статистика', 'статистикалық есеп', 'электрондық есептілік', 'ЭЦҚ', 'респондент'],
			ru: ['статистика', 'статотчет', 'электронная отчетность', 'ЭЦП', 'респондент'],
			en: ['statistics', 'statistical report', 'e-reporting', 'EDS', 'respondent']
		},
		popularity: 80,
		regulatoryDocuments: [STATISTICS_LAW, ELECTRONIC_SIGNATURE_LAW],
		requiredDocuments: [
			{
				title: {
					kk: 'Өтінім-сауалнама',
					ru: 'Анкета-заявка',
					en: 'Application form'
				}
			},
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Мүдделерді білдіруге берілген сенімхат',
					ru: 'Доверенность на представление интересов',
					en: 'Power of attorney'
				},
				isRequired: false
			},
			{
				title: {
					kk: 'Мемлекеттік тіркеу туралы куәлік',
					ru: 'Свидетельство о государственной регистрации',
					en: 'State registration certificate'
				}
			},
			STATE_REGISTRATION_REFERENCE
		]
	},
	{
		slug: 'state-support-information',
		category: 'information-support',
		provider: 'almaty-chamber',
		title: {
			kk: 'Мемлекеттік қолдау шаралары туралы ақпарат беру',
			ru: 'Информирование о мерах государственной поддержки',
			en: 'Information on state support measures'
		},
		summary: {
			kk: 'Кәсіпкердің саласы мен жобасына сәйкес келетін мемлекеттік қолдау бағдарламаларын іріктеп беру.',
			ru: 'Подбор программ государственной поддержки, подходящих предпринимателю по отрасли и проекту.',
			en: 'A selection of state support programmes that suit your industry and project.'
		},
		description: {
			kk: 'Менеджер өтінімдегі мәліметтер (қызмет түрі, өңір, жобаның құны) бойынша қаржылық және қаржылық емес қолдау шараларын іріктеп, олардың шарттары мен операторлары туралы жазбаша анықтама дайындайды.\n\nАнықтамада әр бағдарламаға өтінім беру жолы және қажетті құжаттар көрсетіледі.',
			ru: 'По сведениям из заявки (вид деятельности, регион, стоимость проекта) менеджер подбирает меры финансовой и нефинансовой поддержки и готовит письменную справку об их условиях и операторах.\n\nВ справке указываются способ подачи заявки по каждой программе и необходимые документы.',
			en: 'Based on the details in your application (line of business, region, project cost), the manager selects financial and non-financial support measures and prepares a written note on their terms and operators.\n\nThe note explains how to apply to each programme and which documents are required.'
		},
		conditions: {
			kk: 'Қызмет тегін. Ақпарат өтінім берілген күні қолданыста болған бағдарлама шарттары бойынша беріледі және қолдау алуға кепілдік бермейді.',
			ru: 'Услуга бесплатная. Информация дается по условиям программ, действующим на дату заявки, и не гарантирует получения поддержки.',
			en: 'The service is free. The information reflects programme terms in force on the date of the application and does not guarantee that support will be granted.'
		},
		recipients: {
			kk: 'Жеке кәсіпкерлер, заңды тұлғалар және кәсіпкерлік бастамасы бар азаматтар.',
			ru: 'Индивидуальные предприниматели, юридические лица и граждане с предпринимательской инициативой.',
			en: 'Individual entrepreneurs, legal entities and individuals planning to start a business.'
		},
		termDays: 3,
		resultKind: 'consultation',
		keywords: {
			kk: ['мемлекеттік қолдау', 'бағдарлама', 'ақпарат', 'ШОБ', 'кәсіпкерлік'],
			ru: ['господдержка', 'программа', 'информация', 'МСБ', 'предпринимательство'],
			en: ['state support', 'programme', 'information', 'SME', 'business support']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, NATIONAL_CHAMBER_LAW],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Жобаның қысқаша сипаттамасы',
					ru: 'Краткое описание проекта',
					en: 'Brief project description'
				},
				isRequired: false
			}
		]
	},

	// Business assistance → support of entrepreneurs' appeals
	{
		slug: 'appeal-support-state-bodies',
		category: 'appeals-support',
		provider: 'almaty-chamber',
		title: {
			kk: 'Кәсіпкерлердің мемлекеттік органдарға өтініштерін сүйемелдеу',
			ru: 'Сопровождение обращений предпринимателей в государственные органы',
			en: 'Support for entrepreneurs\' appeals to state bodies'
		},
		summary: {
			kk: 'Мемлекеттік органдардың әрекеттеріне (әрекетсіздігіне) шағым дайындауға және оның қаралуын бақылауға көмек.',
			ru: 'Помощь в подготовке жалобы на действия (бездействие) государственных органов и контроль ее рассмотрения.',
			en: 'Help preparing a complaint about the actions (or inaction) of state bodies and following its review.'
		},
		description: {
			kk: 'Палата заңгерлері кәсіпкердің жағдайын талдап, мемлекеттік органға немесе жоғары тұрған органға жіберілетін өтініштің не шағымның мәтінін дайындауға көмектеседі.\n\nҚажет болса, палата өтінішті өз атынан қолдап, оның заңда белгіленген мерзімде қаралуын бақылайды. Нәтижесі туралы кәсіпкерге өтінім чатында хабарланады.',
			ru: 'Юристы палаты анализируют ситуацию предпринимателя и помогают подготовить текст обращения или жалобы в государственный орган либо в вышестоящий орган.\n\nПри необходимости палата поддерживает обращение от своего имени и контролирует его рассмотрение в установленный законом срок. О результате предприниматель узнает в чате заявки.',
			en: 'The Chamber\'s lawyers analyse your situation and help draft the appeal or complaint to the state body or to its superior body.\n\nWhere needed, the Chamber backs the appeal in its own name and follows its review within the statutory time limit. You are told the outcome in the application chat.'
		},
		conditions: {
			kk: 'Қызмет тегін. Өтінімге дау туындаған мемлекеттік органның шешімін, хатын немесе актісін тіркеңіз. Сотта қаралып жатқан даулар бойынша сүйемелдеу жүргізілмейді.',
			ru: 'Услуга бесплатная. Приложите к заявке решение, письмо или акт государственного органа, по которому возник спор. Споры, находящиеся на рассмотрении суда, не сопровождаются.',
			en: 'The service is free. Attach the decision, letter or act of the state body that the dispute concerns. Disputes already before a court are not handled.'
		},
		recipients: {
			kk: 'Құқықтары мен заңды мүдделері бұзылды деп санайтын жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, считающие, что их права и законные интересы нарушены.',
			en: 'Individual entrepreneurs and legal entities who believe their rights or legitimate interests have been violated.'
		},
		termDays: 15,
		resultKind: 'document',
		keywords: {
			kk: ['шағым', 'өтініш', 'мемлекеттік орган', 'құқықты қорғау', 'әкімдік'],
			ru: ['жалоба', 'обращение', 'госорган', 'защита прав', 'акимат'],
			en: ['complaint', 'appeal', 'state body', 'rights protection', 'akimat']
		},
		regulatoryDocuments: [ADMINISTRATIVE_PROCEDURE_CODE, ENTREPRENEURIAL_CODE, NATIONAL_CHAMBER_LAW],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Мемлекеттік органның шешімінің, хатының немесе актісінің көшірмесі',
					ru: 'Копия решения, письма или акта государственного органа',
					en: 'Copy of the decision, letter or act of the state body'
				}
			},
			POWER_OF_ATTORNEY
		]
	},

	// Business assistance → marketing research
	{
		slug: 'marketing-research',
		category: 'marketing-research',
		provider: 'cmer',
		title: {
			kk: 'Тауар нарығына маркетингтік зерттеу жүргізу',
			ru: 'Проведение маркетингового исследования товарного рынка',
			en: 'Market research for a product market'
		},
		summary: {
			kk: 'Таңдалған тауар немесе қызмет нарығының көлемі, бағалары және негізгі қатысушылары туралы талдамалық есеп.',
			ru: 'Аналитический отчет об объеме, ценах и основных участниках рынка выбранного товара или услуги.',
			en: 'An analytical report on the size, prices and main players of the market for a chosen product or service.'
		},
		description: {
			kk: 'Орталық ресми статистика, кедендік деректер және мемлекеттік сатып алу порталының мәліметтері негізінде нарықтың көлемін, импорттың үлесін, бағалар деңгейін және негізгі өндірушілерді талдайды.\n\nЕсепте нарыққа шығу немесе өндірісті кеңейту бойынша қысқаша ұсынымдар беріледі.',
			ru: 'На основе официальной статистики, таможенных данных и сведений портала государственных закупок центр анализирует объем рынка, долю импорта, уровень цен и основных производителей.\n\nОтчет содержит краткие рекомендации по выходу на рынок или расширению производства.',
			en: 'Using official statistics, customs data and the public procurement portal, the Centre analyses market size, the share of imports, price levels and the main producers.\n\nThe report ends with short recommendations on entering the market or expanding production.'
		},
		conditions: {
			kk: 'Зерттеудің тақырыбы, географиясы мен көлемі өтінім қаралғаннан кейін менеджермен келісіледі. Есеп тек өтініш берушінің ішкі пайдалануына арналған және жеке кабинетте құжат түрінде беріледі.',
			ru: 'Тема, география и объем исследования согласуются с менеджером после рассмотрения заявки. Отчет предназначен только для внутреннего использования заявителем и выдается в личном кабинете в виде документа.',
			en: 'The topic, geography and scope of the research are agreed with the manager after the application is reviewed. The report is for the applicant\'s internal use only and is issued as a document in the personal account.'
		},
		recipients: {
			kk: 'Жаңа өнім шығаруды немесе жаңа нарықтарға шығуды жоспарлап отырған шағын және орта бизнес субъектілері.',
			ru: 'Субъекты малого и среднего бизнеса, планирующие выпуск новой продукции или выход на новые рынки.',
			en: 'Small and medium-sized businesses planning a new product or entry into new markets.'
		},
		termDays: 20,
		resultKind: 'document',
		keywords: {
			kk: ['маркетинг', 'нарықты зерттеу', 'сұраныс', 'баға', 'бәсекелестер'],
			ru: ['маркетинг', 'исследование рынка', 'спрос', 'цены', 'конкуренты'],
			en: ['marketing', 'market research', 'demand', 'prices', 'competitors']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, STATISTICS_LAW],
		requiredDocuments: [
			APPLICATION,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Зерттеуге арналған техникалық тапсырма',
					ru: 'Техническое задание на исследование',
					en: 'Terms of reference for the research'
				}
			}
		]
	},

	// Business assistance → public-private partnership
	{
		slug: 'ppp-contract-consultation',
		category: 'ppp',
		provider: 'atameken',
		title: {
			kk: 'МҚӘ шартын дайындау және жасасу бойынша мемлекеттік-жекешелік әріптестік саласындағы консультациялар',
			ru: 'Консультации в сфере государственно-частного партнерства по подготовке и заключению договора ГЧП',
			en: 'Public-private partnership consultations on preparing and concluding a PPP contract'
		},
		summary: {
			kk: 'МҚӘ жобасын әзірлеу, конкурсқа қатысу және МҚӘ шартын жасасу кезеңдерінде кәсіпкерге кеңес беру.',
			ru: 'Консультации предпринимателю на этапах разработки проекта ГЧП, участия в конкурсе и заключения договора ГЧП.',
			en: 'Advice for entrepreneurs at every stage of a PPP project: development, the tender and signing the PPP contract.'
		},
		description: {
			kk: 'Палата сарапшылары жеке әріптеске МҚӘ жобасының тұжырымдамасы мен бизнес-жоспарын дайындауға, конкурстық құжаттаманы талдауға, сондай-ақ МҚӘ шартының талаптарын (тараптардың міндеттемелері, тәуекелдерді бөлу, өтемақы тетіктері) келісуге көмектеседі.\n\nКонсультациялар жергілікті және республикалық МҚӘ жобаларына, оның ішінде жеке бастама тәртібімен ұсынылатын жобаларға қатысты беріледі.',
			ru: 'Эксперты палаты помогают частному партнеру подготовить концепцию и бизнес-план проекта ГЧП, проанализировать конкурсную документацию, а также согласовать условия договора ГЧП (обязательства сторон, распределение рисков, механизмы возмещения).\n\nКонсультации даются по местным и республиканским проектам ГЧП, в том числе по проектам, предлагаемым в порядке частной инициативы.',
			en: 'The Chamber\'s experts help the private partner prepare the concept and business plan of a PPP project, analyse the tender documents and negotiate the terms of the PPP contract (obligations of the parties, risk sharing, compensation mechanisms).\n\nAdvice covers local and national PPP projects, including projects proposed as a private initiative.'
		},
		conditions: {
			kk: 'Консультация тегін. Өтінімде жобаның саласын, болжамды құнын және дайындық кезеңін көрсетіңіз. Жоба құжаттамасын әзірлеу бұл қызметке кірмейді.',
			ru: 'Консультация бесплатная. Укажите в заявке отрасль проекта, его ориентировочную стоимость и стадию готовности. Разработка проектной документации в услугу не входит.',
			en: 'The consultation is free. Give the project\'s sector, estimated cost and stage of preparation in the application. Drafting project documentation is not included.'
		},
		recipients: {
			kk: 'МҚӘ жобаларына жеке әріптес ретінде қатысуды жоспарлап отырған жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, планирующие участвовать в проектах ГЧП в качестве частного партнера.',
			en: 'Individual entrepreneurs and legal entities planning to take part in PPP projects as a private partner.'
		},
		termDays: 10,
		resultKind: 'consultation',
		keywords: {
			kk: ['МҚӘ', 'мемлекеттік-жекешелік әріптестік', 'МҚӘ шарты', 'жеке әріптес', 'концессия'],
			ru: ['ГЧП', 'государственно-частное партнерство', 'договор ГЧП', 'частный партнер', 'концессия'],
			en: ['PPP', 'public-private partnership', 'PPP contract', 'private partner', 'concession']
		},
		popularity: 90,
		regulatoryDocuments: [PPP_LAW, ENTREPRENEURIAL_CODE],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Жобаның қысқаша сипаттамасы немесе тұжырымдамасы',
					ru: 'Краткое описание или концепция проекта',
					en: 'Brief description or concept of the project'
				}
			},
			{
				title: {
					kk: 'Конкурстық құжаттама (бар болса)',
					ru: 'Конкурсная документация (при наличии)',
					en: 'Tender documents (if any)'
				},
				isRequired: false
			}
		]
	},

	// Business assistance → public procurement
	{
		slug: 'public-procurement-consultation',
		category: 'public-procurement',
		provider: 'almaty-chamber',
		title: {
			kk: 'Мемлекеттік сатып алуға қатысу бойынша кеңес беру',
			ru: 'Консультация по участию в государственных закупках',
			en: 'Consultation on taking part in public procurement'
		},
		summary: {
			kk: 'Мемлекеттік сатып алу веб-порталында тіркелу, өтінім беру және шарт жасасу бойынша кеңес.',
			ru: 'Консультация по регистрации на веб-портале государственных закупок, подаче заявки и заключению договора.',
			en: 'Advice on registering on the public procurement web portal, bidding and signing the contract.'
		},
		description: {
			kk: 'Маман әлеуетті өнім берушіге веб-порталда тіркелу, ЭЦҚ арқылы өтінім беру, біліктілік талаптарын орындау және өтінімді қамтамасыз етуді енгізу тәртібін түсіндіреді.\n\nСондай-ақ отандық тауар өндірушілерді қолдау шаралары және тапсырыс берушінің шешіміне шағым жасау тәртібі бойынша кеңес беріледі.',
			ru: 'Специалист разъясняет потенциальному поставщику порядок регистрации на веб-портале, подачи заявки с ЭЦП, выполнения квалификационных требований и внесения обеспечения заявки.\n\nТакже консультирует по мерам поддержки отечественных товаропроизводителей и порядку обжалования решений заказчика.',
			en: 'A specialist explains to potential suppliers how to register on the web portal, submit a bid with an EDS, meet the qualification requirements and provide bid security.\n\nYou can also get advice on support for domestic producers and on how to challenge a procuring entity\'s decision.'
		},
		conditions: {
			kk: 'Кеңес тегін. Өтінімде сатып алудың нөмірін немесе тәсілін (конкурс, аукцион, баға ұсыныстарын сұрату) көрсетіңіз. Кәсіпкердің атынан өтінім дайындау және беру бұл қызметке кірмейді.',
			ru: 'Консультация бесплатная. Укажите в заявке номер закупки или ее способ (конкурс, аукцион, запрос ценовых предложений). Подготовка и подача заявки от имени предпринимателя в услугу не входят.',
			en: 'The consultation is free. Give the procurement number or method (tender, auction, request for quotations). Preparing or submitting a bid on your behalf is not included.'
		},
		recipients: {
			kk: 'Мемлекеттік сатып алуға өнім беруші ретінде қатысуды жоспарлап отырған жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, планирующие участвовать в государственных закупках в качестве поставщика.',
			en: 'Individual entrepreneurs and legal entities planning to bid in public procurement as suppliers.'
		},
		termDays: 5,
		resultKind: 'consultation',
		keywords: {
			kk: ['мемлекеттік сатып алу', 'тендер', 'конкурс', 'аукцион', 'өнім беруші', 'ЭЦҚ'],
			ru: ['госзакупки', 'государственные закупки', 'тендер', 'конкурс', 'аукцион', 'поставщик'],
			en: ['public procurement', 'tender', 'auction', 'supplier', 'bid', 'EDS']
		},
		regulatoryDocuments: [PUBLIC_PROCUREMENT_LAW, ENTREPRENEURIAL_CODE],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Сатып алу туралы хабарландыру немесе конкурстық құжаттама',
					ru: 'Объявление о закупке или конкурсная документация',
					en: 'Procurement notice or tender documents'
				},
				isRequired: false
			}
		]
	},

	// Human resources → training
	{
		slug: 'business-adviser-training',
		category: 'training',
		provider: 'atameken',
		title: {
			kk: '«Бизнес-кеңесші» жобасы бойынша оқыту',
			ru: 'Обучение по проекту «Бизнес-советник»',
			en: '"Business Adviser" training course'
		},
		summary: {
			kk: 'Кәсіпкерлікті жаңадан бастаушыларға арналған бизнес негіздері бойынша қысқа мерзімді тегін оқыту курсы.',
			ru: 'Бесплатный краткосрочный курс по основам предпринимательства для начинающих.',
			en: 'A free short course in business basics for beginners.'
		},
		description: {
			kk: 'Курс бизнес-идеяны бағалау, бизнес-жоспар құру, салық салу, маркетинг және қаржыландыру көздері тақырыптарын қамтиды. Сабақтарды сертификатталған бизнес-тренерлер өткізеді.\n\nОқуды аяқтаған қатысушыларға сертификат беріледі, ол кейбір мемлекеттік қолдау бағдарламаларына өтінім беру кезінде ескеріледі.',
			ru: 'Курс охватывает оценку бизнес-идеи, составление бизнес-плана, налогообложение, маркетинг и источники финансирования. Занятия проводят сертифицированные бизнес-тренеры.\n\nУчастники, завершившие обучение, получают сертификат, который учитывается при подаче заявок на некоторые программы государственной поддержки.',
			en: 'The course covers assessing a business idea, writing a business plan, taxation, marketing and sources of finance. Classes are taught by certified business trainers.\n\nParticipants who complete it receive a certificate, which counts when applying to some state support programmes.'
		},
		conditions: {
			kk: 'Оқыту тегін, топтар жинақталуына қарай өткізіледі. Сабақтардың кемінде 80 пайызына қатысу қажет. Кесте мен өтетін орны өтінім чатында хабарланады.',
			ru: 'Обучение бесплатное и проводится по мере набора групп. Необходимо посетить не менее 80 процентов занятий. Расписание и место проведения сообщаются в чате заявки.',
			en: 'Training is free and runs as groups fill up. You must attend at least 80 per cent of the classes. The timetable and venue are announced in the application chat.'
		},
		recipients: {
			kk: 'Кәсіпкерлік бастамасы бар азаматтар, жаңадан тіркелген жеке кәсіпкерлер, жастар мен әйелдер.',
			ru: 'Граждане с предпринимательской инициативой, начинающие индивидуальные предприниматели, молодежь и женщины.',
			en: 'People who want to start a business, newly registered sole traders, young people and women.'
		},
		termDays: 10,
		resultKind: 'training',
		keywords: {
			kk: ['оқыту', 'бизнес-кеңесші', 'курс', 'бизнес-жоспар', 'сертификат', 'тренинг'],
			ru: ['обучение', 'бизнес-советник', 'курс', 'бизнес-план', 'сертификат', 'тренинг'],
			en: ['training', 'business adviser', 'course', 'business plan', 'certificate']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, NATIONAL_CHAMBER_LAW],
		requiredDocuments: [APPLICATION, IDENTITY_DOCUMENT]
	},

	// Financing → lending
	{
		slug: 'lending-consultation',
		category: 'lending',
		provider: 'damu',
		title: {
			kk: 'Мемлекеттік бағдарламалар бойынша кредит алу туралы кеңес беру',
			ru: 'Консультация по получению кредита в рамках государственных программ',
			en: 'Consultation on getting a loan under state programmes'
		},
		summary: {
			kk: 'Банк кредиттері бойынша сыйақы мөлшерлемесін субсидиялау және кепілдік беру шарттары туралы кеңес.',
			ru: 'Консультация об условиях субсидирования ставки вознаграждения и гарантирования по банковским кредитам.',
			en: 'Advice on interest rate subsidies and guarantees for bank loans.'
		},
		description: {
			kk: 'Қор мамандары жобаның мемлекеттік бағдарламалар талаптарына сәйкестігін алдын ала бағалайды, банкті немесе микроқаржы ұйымын таңдауға және кредиттік өтінімге қажетті құжаттарды жинауға көмектеседі.\n\nКепіл жеткіліксіз болған жағдайда қордың кепілдігін алу мүмкіндігі түсіндіріледі.',
			ru: 'Специалисты фонда предварительно оценивают соответствие проекта требованиям государственных программ, помогают выбрать банк или микрофинансовую организацию и собрать документы для кредитной заявки.\n\nПри недостаточности залога разъясняется возможность получить гарантию фонда.',
			en: 'The Fund\'s specialists check whether your project fits the requirements of state programmes and help you choose a bank or microfinance organisation and gather documents for the loan application.\n\nIf your collateral is insufficient, they explain how to obtain a guarantee from the Fund.'
		},
		conditions: {
			kk: 'Кеңес тегін. Кредит беру туралы шешімді банк немесе микроқаржы ұйымы қабылдайды. Өтінімде жобаның мақсатын, кредиттің сомасы мен мерзімін көрсетіңіз.',
			ru: 'Консультация бесплатная. Решение о выдаче кредита принимает банк или микрофинансовая организация. Укажите в заявке цель проекта, сумму и срок кредита.',
			en: 'The consultation is free. The decision to lend is made by the bank or microfinance organisation. State the purpose of the project, the loan amount and the term in the application.'
		},
		recipients: {
			kk: 'Қазақстан Республикасында тіркелген микро, шағын және орта кәсіпкерлік субъектілері.',
			ru: 'Субъекты микро-, малого и среднего предпринимательства, зарегистрированные в Республике Казахстан.',
			en: 'Micro, small and medium-sized businesses registered in the Republic of Kazakhstan.'
		},
		termDays: 7,
		resultKind: 'consultation',
		keywords: {
			kk: ['кредит', 'несие', 'субсидиялау', 'кепілдік', 'Даму', 'банк'],
			ru: ['кредит', 'субсидирование', 'гарантия', 'Даму', 'банк', 'МФО'],
			en: ['loan', 'credit', 'interest subsidy', 'guarantee', 'Damu', 'bank']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, BANKS_LAW],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Бизнес-жоспар немесе жобаның сипаттамасы',
					ru: 'Бизнес-план или описание проекта',
					en: 'Business plan or project description'
				}
			},
			{
				title: {
					kk: 'Соңғы жылдағы қаржылық есептілік',
					ru: 'Финансовая отчетность за последний год',
					en: 'Financial statements for the last year'
				},
				isRequired: false
			}
		]
	},

	// Financing → grants
	{
		slug: 'startup-grant',
		category: 'grants',
		provider: 'damu',
		title: {
			kk: 'Жаңа бизнес-идеяларды іске асыруға арналған мемлекеттік грант',
			ru: 'Государственный грант на реализацию новых бизнес-идей',
			en: 'State grant for new business ideas'
		},
		summary: {
			kk: 'Жаңадан бастаған кәсіпкерлерге бизнес-идеяны іске асыру үшін берілетін қайтарымсыз грант.',
			ru: 'Безвозмездный грант начинающим предпринимателям на реализацию бизнес-идеи.',
			en: 'A non-repayable grant for new entrepreneurs to put a business idea into practice.'
		},
		description: {
			kk: 'Грант конкурстық негізде беріледі: конкурстық комиссия өтінімдерді жобаның жаңалығы, құрылатын жұмыс орындары және өзін-өзі ақтау мерзімі бойынша бағалайды.\n\nГрант қаражаты жабдыққа, шикізатқа және жобаны іске қосуға қажетті өзге де шығындарға жұмсалады. Жеңімпаздармен грант беру туралы шарт жасалады.',
			ru: 'Грант предоставляется на конкурсной основе: конкурсная комиссия оценивает заявки по новизне проекта, созданию рабочих мест и сроку окупаемости.\n\nСредства гранта направляются на оборудование, сырье и иные расходы на запуск проекта. С победителями заключается договор о предоставлении гранта.',
			en: 'Grants are awarded by competition: a committee scores applications on the novelty of the project, the jobs it creates and its payback period.\n\nThe grant can pay for equipment, raw materials and other start-up costs. Winners sign a grant agreement.'
		},
		conditions: {
			kk: 'Өтініш беруші тіркелгеніне үш жылдан аспаған кәсіпкер болуы және жобаға өз қаражатымен қатысуы тиіс. Бизнес негіздері бойынша оқудан өткені туралы сертификат міндетті. Грант сомасы мен конкурс мерзімдері жыл сайын жарияланады.',
			ru: 'Заявитель должен быть предпринимателем, зарегистрированным не более трех лет назад, и участвовать в проекте собственными средствами. Обязателен сертификат об обучении основам предпринимательства. Размер гранта и сроки конкурса объявляются ежегодно.',
			en: 'Applicants must be entrepreneurs registered no more than three years ago and must co-finance the project from their own funds. A certificate of business-basics training is required. The grant amount and competition dates are announced every year.'
		},
		recipients: {
			kk: 'Жаңадан бастаған жеке кәсіпкерлер мен шағын бизнес субъектілері, оның ішінде жастар, әйелдер және мүгедектігі бар адамдар.',
			ru: 'Начинающие индивидуальные предприниматели и субъекты малого бизнеса, в том числе молодежь, женщины и лица с инвалидностью.',
			en: 'New sole traders and small businesses, including young people, women and people with disabilities.'
		},
		termDays: 30,
		resultKind: 'grant',
		keywords: {
			kk: ['грант', 'бизнес-идея', 'стартап', 'жаңа бизнес', 'конкурс'],
			ru: ['грант', 'бизнес-идея', 'стартап', 'начинающий предприниматель', 'конкурс'],
			en: ['grant', 'business idea', 'start-up', 'new entrepreneur', 'competition']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Бизнес-жоспар',
					ru: 'Бизнес-план',
					en: 'Business plan'
				}
			},
			{
				title: {
					kk: 'Бизнес негіздері бойынша оқудан өткені туралы сертификат',
					ru: 'Сертификат об обучении основам предпринимательства',
					en: 'Certificate of business-basics training'
				}
			},
			{
				title: {
					kk: 'Өз қаражатының бар екенін растайтын құжат',
					ru: 'Документ, подтверждающий наличие собственных средств',
					en: 'Proof of own funds'
				}
			}
		]
	},

	// Financing → subsidies (named in the NADLoC manual)
	{
		slug: 'nadloc-promotion-reimbursement',
		category: 'subsidies',
		provider: 'nadloc',
		title: {
			kk: 'Отандық өңделген тауарларды, жұмыстар мен көрсетілетін қызметтерді ішкі нарықта ілгерілету бойынша индустриялық-инновациялық қызмет субъектілері шығындарының бір бөлігін өтеу',
			ru: 'Возмещение части затрат субъектов индустриально-инновационной деятельности по продвижению отечественных обработанных товаров, работ и услуг на внутреннем рынке',
			en: 'Reimbursement of part of the costs of industrial-innovative entities for promoting domestic processed goods, works and services on the domestic market'
		},
		summary: {
			kk: 'Отандық өңделген өнімді ішкі нарықта жарнамалауға, көрмелерге қатысуға және өзге де ілгерілетуге жұмсалған шығындардың бір бөлігін мемлекет есебінен өтеу.',
			ru: 'Возмещение за счет государства части расходов на рекламу, участие в выставках и иное продвижение отечественной обработанной продукции на внутреннем рынке.',
			en: 'The state reimburses part of what you spend on advertising, trade fairs and other promotion of domestic processed products on the domestic market.'
		},
		description: {
			kk: 'Өтеу отандық өңделген тауарларды, жұмыстар мен көрсетілетін қызметтерді ішкі нарықта ілгерілетуге жұмсалған шығындарға қолданылады: жарнамалық материалдарды дайындау және орналастыру, көрмелер мен жәрмеңкелерге қатысу, каталогтар шығару, тауар белгісін тіркеу және т.б.\n\nАгенттік өтінім мен құжаттарға сараптама жүргізеді. Оң шешім қабылданса, өтініш берушімен өтеу туралы келісім жасалады, содан кейін қаражат кәсіпорынның банктік шотына аударылады.',
			ru: 'Возмещаются расходы на продвижение отечественных обработанных товаров, работ и услуг на внутреннем рынке: изготовление и размещение рекламных материалов, участие в выставках и ярмарках, выпуск каталогов, регистрация товарного знака и другие.\n\nАгентство проводит экспертизу заявки и документов. При положительном решении с заявителем заключается соглашение о возмещении, после чего средства перечисляются на банковский счет предприятия.',
			en: 'Eligible costs are those of promoting domestic processed goods, works and services on the domestic market: producing and placing advertising, taking part in exhibitions and fairs, publishing catalogues, registering a trademark and the like.\n\nThe Agency examines the application and documents. If the decision is positive, an agreement on reimbursement is concluded with the applicant and the money is then transferred to the company\'s bank account.'
		},
		conditions: {
			kk: 'Шығындар өтінім берілгенге дейін нақты жұмсалған және құжаттармен расталған болуы тиіс; шығындардың бір бөлігі ғана өтеледі.\n\nОң шешім қабылданған жағдайда жеке кабинетке үлгі келісім жіберіледі, оған ЭЦҚ арқылы қол қою қажет. Құжаттар толық болмаса немесе өтінім талаптарға сәйкес келмесе, бас тарту туралы хабарлама жіберіледі және өтінім аяқталады.',
			ru: 'Расходы должны быть фактически понесены до подачи заявки и подтверждены документами; возмещается только часть затрат.\n\nПри положительном решении в личный кабинет направляется типовое соглашение, которое нужно подписать ЭЦП. Если пакет документов неполный или заявка не соответствует требованиям, направляется уведомление об отказе и заявка завершается.',
			en: 'Costs must have been actually incurred before you apply and be backed by documents; only part of them is reimbursed.\n\nIf the decision is positive, a standard agreement is sent to your personal account to be signed with an EDS. If documents are missing or the application does not meet the requirements, you receive a notice of refusal and the application is closed.'
		},
		recipients: {
			kk: 'Қазақстан Республикасында тіркелген, отандық өңделген тауарлар өндіретін, жұмыстар орындайтын немесе қызметтер көрсететін индустриялық-инновациялық қызмет субъектілері.',
			ru: 'Субъекты индустриально-инновационной деятельности, зарегистрированные в Республике Казахстан, которые производят отечественные обработанные товары, выполняют работы или оказывают услуги.',
			en: 'Industrial-innovative entities registered in the Republic of Kazakhstan that make domestic processed goods or provide works or services.'
		},
		termDays: 30,
		resultKind: 'subsidy',
		keywords: {
			kk: ['субсидия', 'шығындарды өтеу', 'NADLoC', 'ішкі нарық', 'отандық тауар', 'ЭЦҚ'],
			ru: ['субсидия', 'возмещение затрат', 'NADLoC', 'внутренний рынок', 'отечественные товары', 'ЭЦП'],
			en: ['subsidy', 'cost reimbursement', 'NADLoC', 'domestic market', 'local goods', 'EDS']
		},
		popularity: 95,
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, INDUSTRIAL_POLICY_LAW, ELECTRONIC_SIGNATURE_LAW],
		requiredDocuments: [
			{
				title: {
					kk: 'Белгіленген нысандағы өтінім',
					ru: 'Заявка по установленной форме',
					en: 'Application in the prescribed form'
				}
			},
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Шығындарды растайтын құжаттар (шарттар, шот-фактуралар, орындалған жұмыстар актілері, төлем тапсырмалары)',
					ru: 'Документы, подтверждающие затраты (договоры, счета-фактуры, акты выполненных работ, платежные поручения)',
					en: 'Documents confirming the costs (contracts, invoices, acceptance certificates, payment orders)'
				}
			},
			{
				title: {
					kk: '«СТ-KZ» нысанындағы тауардың шығу тегі туралы сертификат',
					ru: 'Сертификат о происхождении товара формы «СТ-KZ»',
					en: 'Certificate of origin of goods, form CT-KZ'
				}
			},
			{
				title: {
					kk: 'Банк шотының бар екені туралы анықтама',
					ru: 'Справка банка о наличии счета',
					en: 'Bank statement confirming the account'
				}
			}
		]
	},
	{
		slug: 'foreign-worker-competence-reimbursement',
		category: 'subsidies',
		provider: 'nadloc',
		title: {
			kk: 'Шетелдік қызметкерді еңбек шарты бойынша тарту кезінде жергілікті кадрлардың құзыреттілігін арттыру шығындарын өтеу',
			ru: 'Возмещение затрат на повышение компетенции местных кадров при привлечении иностранного работника по трудовому договору',
			en: 'Reimbursement of the costs of raising the competence of local staff when attracting a foreign worker under a labour contract'
		},
		summary: {
			kk: 'Шетелдік маман тартылған кезде қазақстандық жұмыскерлерді оқытуға және біліктілігін арттыруға жұмсалған шығындардың бір бөлігін өтеу.',
			ru: 'Возмещение части расходов на обучение и повышение квалификации казахстанских работников при привлечении иностранного специалиста.',
			en: 'Part of the cost of training and upskilling Kazakhstani staff is reimbursed when you hire a foreign specialist.'
		},
		description: {
			kk: 'Шетелдік қызметкерді еңбек шарты бойынша тартқан жұмыс беруші оның білімі мен тәжірибесін жергілікті кадрларға беру үшін оқыту, тағылымдама және біліктілікті арттыру курстарын ұйымдастырады.\n\nАгенттік жұмсалған шығындарды растайтын құжаттарды тексеріп, өтеу туралы шешім қабылдайды. Оң шешім болған жағдайда ЭЦҚ арқылы қол қойылатын келісім жасалады.',
			ru: 'Работодатель, привлекший иностранного работника по трудовому договору, организует обучение, стажировки и курсы повышения квалификации, чтобы местные кадры переняли его знания и опыт.\n\nАгентство проверяет документы, подтверждающие затраты, и принимает решение о возмещении. При положительном решении заключается соглашение, которое подписывается ЭЦП.',
			en: 'An employer who hires a foreign worker under a labour contract organises training, internships and refresher courses so that local staff take over the worker\'s knowledge and experience.\n\nThe Agency checks the documents confirming the costs and decides on reimbursement. If the decision is positive, an agreement is signed with an EDS.'
		},
		conditions: {
			kk: 'Шетелдік жұмыс күшін тартуға рұқсат заңнамада белгіленген тәртіппен алынған болуы тиіс. Оқыту Қазақстан Республикасының азаматтары болып табылатын жұмыскерлер үшін өткізіледі. Құжатпен расталған шығындардың бір бөлігі ғана өтеледі.',
			ru: 'Разрешение на привлечение иностранной рабочей силы должно быть получено в установленном законодательством порядке. Обучение проводится для работников — граждан Республики Казахстан. Возмещается только часть документально подтвержденных затрат.',
			en: 'The permit to hire foreign labour must have been obtained as required by law. The training must be for employees who are citizens of the Republic of Kazakhstan. Only part of the documented costs is reimbursed.'
		},
		recipients: {
			kk: 'Шетелдік жұмыс күшін тартқан, Қазақстан Республикасында тіркелген жұмыс берушілер — заңды тұлғалар.',
			ru: 'Работодатели — юридические лица, зарегистрированные в Республике Казахстан и привлекающие иностранную рабочую силу.',
			en: 'Employers — legal entities registered in the Republic of Kazakhstan that hire foreign labour.'
		},
		termDays: 30,
		resultKind: 'subsidy',
		keywords: {
			kk: ['шетелдік қызметкер', 'жергілікті кадрлар', 'құзыреттілік', 'біліктілікті арттыру', 'шығындарды өтеу', 'NADLoC'],
			ru: ['иностранный работник', 'местные кадры', 'компетенции', 'повышение квалификации', 'возмещение затрат', 'NADLoC'],
			en: ['foreign worker', 'local staff', 'competence', 'upskilling', 'reimbursement', 'NADLoC']
		},
		popularity: 75,
		regulatoryDocuments: [LABOUR_CODE, MIGRATION_LAW, INDUSTRIAL_POLICY_LAW],
		requiredDocuments: [
			APPLICATION,
			{
				title: {
					kk: 'Шетелдік қызметкермен жасалған еңбек шартының көшірмесі',
					ru: 'Копия трудового договора с иностранным работником',
					en: 'Copy of the labour contract with the foreign worker'
				}
			},
			{
				title: {
					kk: 'Шетелдік жұмыс күшін тартуға берілген рұқсаттың көшірмесі',
					ru: 'Копия разрешения на привлечение иностранной рабочей силы',
					en: 'Copy of the permit to hire foreign labour'
				}
			},
			{
				title: {
					kk: 'Оқыту шарты және оқу бағдарламасы',
					ru: 'Договор на обучение и программа обучения',
					en: 'Training contract and training programme'
				}
			},
			{
				title: {
					kk: 'Оқудан өткен жұмыскерлердің тізімі және сертификаттардың көшірмелері',
					ru: 'Список обученных работников и копии сертификатов',
					en: 'List of trained employees and copies of their certificates'
				}
			},
			{
				title: {
					kk: 'Оқыту ақысының төленгенін растайтын құжаттар',
					ru: 'Документы, подтверждающие оплату обучения',
					en: 'Proof of payment for the training'
				}
			}
		]
	},

	// Financing → leasing
	{
		slug: 'equipment-leasing-consultation',
		category: 'leasing',
		provider: 'damu',
		title: {
			kk: 'Жабдықты лизингке алу бойынша кеңес беру',
			ru: 'Консультация по приобретению оборудования в лизинг',
			en: 'Consultation on leasing equipment'
		},
		summary: {
			kk: 'Лизингтік компанияны таңдау, лизинг шарттары және мемлекеттік қолдау мүмкіндіктері туралы кеңес.',
			ru: 'Консультация о выборе лизинговой компании, условиях лизинга и возможностях государственной поддержки.',
			en: 'Advice on choosing a leasing company, leasing terms and available state support.'
		},
		description: {
			kk: 'Маман қаржы лизингінің кредитпен салыстырғандағы артықшылықтарын, аванстық төлем мен лизинг мерзімін, сыйақы мөлшерлемесін субсидиялау мүмкіндігін түсіндіреді.\n\nКеңес нәтижесінде кәсіпкер серіктес лизингтік компаниялардың тізімін және лизингтік өтінімге қажетті құжаттар тізбесін алады.',
			ru: 'Специалист разъясняет преимущества финансового лизинга по сравнению с кредитом, размер авансового платежа и срок лизинга, возможность субсидирования ставки вознаграждения.\n\nПо итогам консультации предприниматель получает список лизинговых компаний-партнеров и перечень документов для лизинговой заявки.',
			en: 'A specialist explains how financial leasing compares with a loan, what advance payment and lease term to expect, and whether the interest rate can be subsidised.\n\nYou receive a list of partner leasing companies and of the documents needed for a leasing application.'
		},
		conditions: {
			kk: 'Кеңес тегін. Өтінімде жабдықтың түрін, болжамды құнын және жеткізушісін көрсетіңіз. Лизингке беру туралы шешімді лизингтік компания қабылдайды.',
			ru: 'Консультация бесплатная. Укажите в заявке вид оборудования, его ориентировочную стоимость и поставщика. Решение о предоставлении в лизинг принимает лизинговая компания.',
			en: 'The consultation is free. State the type of equipment, its estimated cost and the supplier in the application. The leasing decision is made by the leasing company.'
		},
		recipients: {
			kk: 'Жабдық немесе арнайы техника сатып алуды жоспарлап отырған шағын және орта бизнес субъектілері.',
			ru: 'Субъекты малого и среднего бизнеса, планирующие приобрести оборудование или спецтехнику.',
			en: 'Small and medium-sized businesses planning to acquire equipment or machinery.'
		},
		termDays: 5,
		resultKind: 'consultation',
		keywords: {
			kk: ['лизинг', 'жабдық', 'техника', 'қаржы лизингі', 'субсидиялау'],
			ru: ['лизинг', 'оборудование', 'спецтехника', 'финансовый лизинг', 'субсидирование'],
			en: ['leasing', 'equipment', 'machinery', 'financial lease', 'subsidy']
		},
		regulatoryDocuments: [LEASING_LAW, ENTREPRENEURIAL_CODE],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Жабдық жеткізушінің коммерциялық ұсынысы',
					ru: 'Коммерческое предложение поставщика оборудования',
					en: 'Supplier\'s quotation for the equipment'
				},
				isRequired: false
			}
		]
	},

	// Cost reduction → audit
	{
		slug: 'business-express-audit',
		category: 'audit',
		provider: 'almaty-chamber',
		title: {
			kk: 'Бизнесті экспресс-диагностикалау (шағын аудит)',
			ru: 'Экспресс-диагностика бизнеса (мини-аудит)',
			en: 'Business express diagnostics (mini audit)'
		},
		summary: {
			kk: 'Кәсіпорынның қаржылық жағдайы мен шығындар құрылымын жедел талдап, үнемдеу мүмкіндіктерін анықтау.',
			ru: 'Быстрый анализ финансового состояния и структуры затрат предприятия с выявлением резервов экономии.',
			en: 'A quick review of your company\'s finances and cost structure to find where you can save.'
		},
		description: {
			kk: 'Сарапшы кәсіпорынның соңғы кезеңдегі қаржылық есептілігін, шығындар құрылымын және негізгі бизнес-процестерін талдайды.\n\nНәтижесінде шығындарды азайту, айналым қаражатын басқару және салықтық тәуекелдерді төмендету бойынша ұсынымдары бар қорытынды беріледі. Бұл қызмет заңнамада көзделген міндетті аудит болып табылмайды.',
			ru: 'Эксперт анализирует финансовую отчетность предприятия за последний период, структуру затрат и основные бизнес-процессы.\n\nПо итогам выдается заключение с рекомендациями по сокращению затрат, управлению оборотными средствами и снижению налоговых рисков. Услуга не является обязательным аудитом, предусмотренным законодательством.',
			en: 'An expert reviews the company\'s latest financial statements, cost structure and key business processes.\n\nYou receive a report with recommendations on cutting costs, managing working capital and reducing tax risks. This is not a statutory audit.'
		},
		conditions: {
			kk: 'Қызмет тегін, бір кәсіпорынға жылына бір рет көрсетіледі. Ұсынылған мәліметтердің құпиялылығы сақталады. Қорытынды жеке кабинетте құжат түрінде беріледі.',
			ru: 'Услуга бесплатная и оказывается одному предприятию не чаще раза в год. Конфиденциальность сведений гарантируется. Заключение выдается в личном кабинете в виде документа.',
			en: 'The service is free, once a year per company. Your data is kept confidential. The report is issued as a document in your personal account.'
		},
		recipients: {
			kk: 'Кемінде бір жыл жұмыс істеп тұрған шағын және орта бизнес субъектілері.',
			ru: 'Субъекты малого и среднего бизнеса, работающие не менее одного года.',
			en: 'Small and medium-sized businesses that have been operating for at least one year.'
		},
		termDays: 14,
		resultKind: 'document',
		keywords: {
			kk: ['аудит', 'диагностика', 'шығындар', 'қаржылық талдау', 'үнемдеу'],
			ru: ['аудит', 'диагностика', 'затраты', 'финансовый анализ', 'экономия'],
			en: ['audit', 'diagnostics', 'costs', 'financial analysis', 'savings']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, NATIONAL_CHAMBER_LAW],
		requiredDocuments: [
			APPLICATION,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Соңғы жылдағы қаржылық есептілік',
					ru: 'Финансовая отчетность за последний год',
					en: 'Financial statements for the last year'
				}
			},
			{
				title: {
					kk: 'Шығындардың баптар бойынша жіктемесі',
					ru: 'Расшифровка затрат по статьям',
					en: 'Breakdown of costs by item'
				},
				isRequired: false
			}
		]
	},

	// Cost reduction → consulting
	{
		slug: 'business-plan-consulting',
		category: 'consulting',
		provider: 'atameken',
		title: {
			kk: 'Бизнес-жоспар дайындау бойынша консалтинг',
			ru: 'Консалтинг по подготовке бизнес-плана',
			en: 'Consulting on preparing a business plan'
		},
		summary: {
			kk: 'Банкке, қорға немесе инвесторға ұсынылатын бизнес-жоспарды құруға және тексеруге көмек.',
			ru: 'Помощь в составлении и проверке бизнес-плана для банка, фонда или инвестора.',
			en: 'Help drafting and checking a business plan for a bank, fund or investor.'
		},
		description: {
			kk: 'Кеңесші бизнес-жоспардың құрылымын, нарықты талдауды, өндірістік және қаржылық бөлімдерді, ақша ағындарының болжамын дайындауға көмектеседі.\n\nДайын жоба болса, кеңесші оның қаржы ұйымдарының талаптарына сәйкестігін тексеріп, ескертулер мен түзетулер ұсынады.',
			ru: 'Консультант помогает подготовить структуру бизнес-плана, анализ рынка, производственный и финансовый разделы, прогноз денежных потоков.\n\nЕсли проект уже есть, консультант проверяет его на соответствие требованиям финансовых организаций и предлагает замечания и правки.',
			en: 'A consultant helps you build the structure of the plan, the market analysis, the production and financial sections and the cash-flow forecast.\n\nIf you already have a draft, the consultant checks it against lenders\' requirements and suggests corrections.'
		},
		conditions: {
			kk: 'Қызмет тегін. Кеңесші бизнес-жоспарды кәсіпкердің орнына жазбайды, бірақ әр бөлім бойынша әдістемелік көмек көрсетеді. Өтінімге жобаның қысқаша сипаттамасын тіркеңіз.',
			ru: 'Услуга бесплатная. Консультант не пишет бизнес-план вместо предпринимателя, но оказывает методическую помощь по каждому разделу. Приложите к заявке краткое описание проекта.',
			en: 'The service is free. The consultant does not write the plan for you but gives methodological help with each section. Attach a brief project description to the application.'
		},
		recipients: {
			kk: 'Жаңадан бастаған және жұмыс істеп тұрған жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Начинающие и действующие индивидуальные предприниматели и юридические лица.',
			en: 'New and established individual entrepreneurs and legal entities.'
		},
		termDays: 10,
		resultKind: 'consultation',
		keywords: {
			kk: ['бизнес-жоспар', 'консалтинг', 'қаржылық модель', 'инвестиция', 'жоба'],
			ru: ['бизнес-план', 'консалтинг', 'финансовая модель', 'инвестиции', 'проект'],
			en: ['business plan', 'consulting', 'financial model', 'investment', 'project']
		},
		regulatoryDocuments: [ENTREPRENEURIAL_CODE, NATIONAL_CHAMBER_LAW],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Жобаның қысқаша сипаттамасы',
					ru: 'Краткое описание проекта',
					en: 'Brief project description'
				}
			},
			{
				title: {
					kk: 'Бизнес-жоспардың жобасы (бар болса)',
					ru: 'Проект бизнес-плана (при наличии)',
					en: 'Draft business plan (if any)'
				},
				isRequired: false
			}
		]
	},

	// Cost reduction → insurance
	{
		slug: 'business-insurance-consultation',
		category: 'insurance',
		provider: 'atameken',
		title: {
			kk: 'Бизнес тәуекелдерін сақтандыру бойынша кеңес беру',
			ru: 'Консультация по страхованию рисков бизнеса',
			en: 'Consultation on insuring business risks'
		},
		summary: {
			kk: 'Мүлікті, жауапкершілікті және экспорттық келісімшарттарды сақтандыру түрлерін таңдау бойынша кеңес.',
			ru: 'Консультация по выбору видов страхования имущества, ответственности и экспортных контрактов.',
			en: 'Advice on choosing insurance for property, liability and export contracts.'
		},
		description: {
			kk: 'Маман кәсіпорынның негізгі тәуекелдерін анықтауға және міндетті әрі ерікті сақтандыру түрлерін таңдауға көмектеседі: мүлікті, азаматтық-құқықтық жауапкершілікті, жұмыскерлерді жазатайым оқиғалардан сақтандыру, экспорттық кредиттерді сақтандыру.\n\nСондай-ақ сақтандыру шартын жасасу және сақтандыру жағдайы туындаған кезде төлем алу тәртібі түсіндіріледі.',
			ru: 'Специалист помогает выявить основные риски предприятия и выбрать обязательные и добровольные виды страхования: имущества, гражданско-правовой ответственности, работников от несчастных случаев, экспортных кредитов.\n\nТакже разъясняется порядок заключения договора страхования и получения выплаты при наступлении страхового случая.',
			en: 'A specialist helps identify the company\'s main risks and choose compulsory and voluntary insurance: property, civil liability, employee accident cover and export credit insurance.\n\nYou will also learn how to conclude an insurance contract and claim a payout when an insured event occurs.'
		},
		conditions: {
			kk: 'Кеңес тегін. Палата сақтандыру ұйымы болып табылмайды және белгілі бір сақтандырушыны ұсынбайды. Өтінімде қызмет түрін және сақтандырылатын объектіні көрсетіңіз.',
			ru: 'Консультация бесплатная. Палата не является страховой организацией и не рекомендует конкретного страховщика. Укажите в заявке вид деятельности и объект страхования.',
			en: 'The consultation is free. The Chamber is not an insurer and does not recommend any particular insurance company. State your line of business and what you want to insure.'
		},
		recipients: {
			kk: 'Қазақстан Республикасында тіркелген жеке кәсіпкерлер мен заңды тұлғалар.',
			ru: 'Индивидуальные предприниматели и юридические лица, зарегистрированные в Республике Казахстан.',
			en: 'Individual entrepreneurs and legal entities registered in the Republic of Kazakhstan.'
		},
		termDays: 5,
		resultKind: 'consultation',
		keywords: {
			kk: ['сақтандыру', 'тәуекел', 'мүлік', 'жауапкершілік', 'экспорт'],
			ru: ['страхование', 'риск', 'имущество', 'ответственность', 'экспорт'],
			en: ['insurance', 'risk', 'property', 'liability', 'export']
		},
		regulatoryDocuments: [INSURANCE_LAW, CIVIL_CODE_SPECIAL_PART],
		requiredDocuments: [
			APPLICATION,
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Сақтандырылатын мүліктің тізбесі',
					ru: 'Перечень имущества, подлежащего страхованию',
					en: 'List of property to be insured'
				},
				isRequired: false
			}
		]
	},

	// Sales growth (no subcategories)
	{
		slug: 'export-promotion',
		category: 'sales-growth',
		provider: 'atameken',
		title: {
			kk: 'Экспортқа шығуға және өткізу нарықтарын кеңейтуге жәрдемдесу',
			ru: 'Содействие выходу на экспорт и расширению рынков сбыта',
			en: 'Support for exporting and expanding sales markets'
		},
		summary: {
			kk: 'Шетелдік сатып алушыларды іздеуге, сауда миссиялары мен көрмелерге қатысуға көмек.',
			ru: 'Помощь в поиске иностранных покупателей, участии в торговых миссиях и выставках.',
			en: 'Help finding foreign buyers and taking part in trade missions and exhibitions.'
		},
		description: {
			kk: 'Палата кәсіпорынның экспорттық әлеуетін бағалап, мақсатты елдерді таңдауға көмектеседі, әлеуетті сатып алушылармен іскерлік кездесулер және сауда миссияларына қатысуды ұйымдастырады.\n\nСондай-ақ ірі сауда желілері мен маркетплейстерге шығу және ішкі нарықта сатуды ұлғайту бойынша ұсынымдар беріледі.',
			ru: 'Палата оценивает экспортный потенциал предприятия, помогает выбрать целевые страны, организует деловые встречи с потенциальными покупателями и участие в торговых миссиях.\n\nТакже даются рекомендации по выходу в крупные торговые сети и на маркетплейсы и по увеличению продаж на внутреннем рынке.',
			en: 'The Chamber assesses your export potential, helps choose target countries, and arranges business meetings with potential buyers and places on trade missions.\n\nYou also get recommendations on getting into large retail chains and online marketplaces and on growing sales at home.'
		},
		conditions: {
			kk: 'Қызмет тегін. Кәсіпорын Қазақстанда өндірілген тауарларды немесе қызметтерді ұсынуы тиіс. Көрмеге қатысу және іссапар шығындарын, егер мемлекеттік өтеу бағдарламасында өзгеше көзделмесе, кәсіпкер өзі көтереді.',
			ru: 'Услуга бесплатная. Предприятие должно предлагать товары или услуги казахстанского производства. Расходы на участие в выставках и поездки несет предприниматель, если иное не предусмотрено программой государственного возмещения.',
			en: 'The service is free. Your company must offer goods or services made in Kazakhstan. Exhibition and travel costs are borne by the entrepreneur unless a state reimbursement programme covers them.'
		},
		recipients: {
			kk: 'Өнімін ішкі және сыртқы нарықтарда өткізуді кеңейткісі келетін отандық өндірушілер.',
			ru: 'Отечественные производители, желающие расширить сбыт продукции на внутреннем и внешних рынках.',
			en: 'Domestic producers who want to sell more at home and abroad.'
		},
		termDays: 20,
		resultKind: 'other',
		keywords: {
			kk: ['экспорт', 'сатуды ұлғайту', 'сауда миссиясы', 'көрме', 'маркетплейс', 'сатып алушы'],
			ru: ['экспорт', 'рост продаж', 'торговая миссия', 'выставка', 'маркетплейс', 'покупатели'],
			en: ['export', 'sales growth', 'trade mission', 'exhibition', 'marketplace', 'buyers']
		},
		regulatoryDocuments: [TRADE_LAW, ENTREPRENEURIAL_CODE],
		requiredDocuments: [
			APPLICATION,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Өнім каталогы немесе кәсіпорынның презентациясы',
					ru: 'Каталог продукции или презентация предприятия',
					en: 'Product catalogue or company presentation'
				}
			},
			{
				title: {
					kk: 'Өнімнің сәйкестік сертификаттары (бар болса)',
					ru: 'Сертификаты соответствия на продукцию (при наличии)',
					en: 'Product conformity certificates (if any)'
				},
				isRequired: false
			}
		]
	},

	// Localisation → project office
	{
		slug: 'localisation-project-office',
		category: 'project-office',
		provider: 'nadloc',
		title: {
			kk: 'Өндірісті локализациялау жобаларын жобалық кеңсе арқылы сүйемелдеу',
			ru: 'Сопровождение проектов локализации производства через проектный офис',
			en: 'Project office support for production localisation projects'
		},
		summary: {
			kk: 'Ірі тапсырыс берушілер сатып алатын тауарларды Қазақстанда өндіруді жолға қою жобаларын сүйемелдеу.',
			ru: 'Сопровождение проектов по налаживанию в Казахстане производства товаров, которые закупают крупные заказчики.',
			en: 'Support for projects to start making in Kazakhstan the goods that large buyers purchase.'
		},
		description: {
			kk: 'Жобалық кеңсе жер қойнауын пайдаланушылар мен ұлттық компаниялардың импортталатын тауарларға қажеттілігін талдап, оларды жергілікті өндірушілермен байланыстырады.\n\nКеңсе кәсіпкерге ұзақ мерзімді шарт (офтейк-келісімшарт) жасасуға, техникалық талаптарды келісуге және қаржыландыру көздерін табуға жәрдемдеседі.',
			ru: 'Проектный офис анализирует потребность недропользователей и национальных компаний в импортируемых товарах и связывает их с местными производителями.\n\nОфис помогает предпринимателю заключить долгосрочный договор (офтейк-контракт), согласовать технические требования и найти источники финансирования.',
			en: 'The project office analyses which imported goods subsoil users and national companies need and connects them with local manufacturers.\n\nIt helps the entrepreneur conclude a long-term offtake contract, agree technical specifications and find financing.'
		},
		conditions: {
			kk: 'Қызмет тегін. Өтініш берушінің өндірістік базасы немесе оны құру жоспары болуы тиіс. Өтінімге жобаның сипаттамасын және өндіру жоспарланған тауарлардың тізбесін тіркеңіз.',
			ru: 'Услуга бесплатная. У заявителя должна быть производственная база или план ее создания. Приложите к заявке описание проекта и перечень товаров, которые планируется производить.',
			en: 'The service is free. You must have a production facility or a plan to set one up. Attach a project description and a list of the goods you plan to make.'
		},
		recipients: {
			kk: 'Қазақстанда өндірісті ашуды немесе кеңейтуді жоспарлап отырған отандық өндірушілер мен инвесторлар.',
			ru: 'Отечественные производители и инвесторы, планирующие открыть или расширить производство в Казахстане.',
			en: 'Domestic manufacturers and investors planning to open or expand production in Kazakhstan.'
		},
		termDays: 20,
		resultKind: 'consultation',
		keywords: {
			kk: ['локализация', 'жергілікті қамту', 'жобалық кеңсе', 'офтейк', 'отандық өндіруші'],
			ru: ['локализация', 'местное содержание', 'проектный офис', 'офтейк', 'отечественный производитель'],
			en: ['localisation', 'local content', 'project office', 'offtake', 'domestic manufacturer']
		},
		regulatoryDocuments: [INDUSTRIAL_POLICY_LAW, ENTREPRENEURIAL_CODE],
		requiredDocuments: [
			APPLICATION,
			STATE_REGISTRATION_REFERENCE,
			{
				title: {
					kk: 'Жобаның паспорты немесе сипаттамасы',
					ru: 'Паспорт или описание проекта',
					en: 'Project passport or description'
				}
			},
			{
				title: {
					kk: 'Өндіру жоспарланған тауарлардың тізбесі',
					ru: 'Перечень товаров, которые планируется производить',
					en: 'List of goods planned for production'
				}
			}
		]
	},

	// Career → vacancies (shown in the manual's search example)
	{
		slug: 'cv-business-consultant',
		category: 'vacancies',
		provider: 'atameken',
		title: {
			kk: 'Түйіндеме жіберу',
			ru: 'Отправка резюме',
			en: 'Send your CV'
		},
		summary: {
			kk: 'Кәсіпкерлерге көмектесетін менеджер-кеңесші немесе бизнес-тренер болғыңыз келсе, түйіндемеңізді жіберіңіз.',
			ru: 'Отправьте резюме, если хотите стать менеджером-консультантом или бизнес-тренером и помогать предпринимателям.',
			en: 'Send your CV if you want to work as a business consultant or business trainer helping entrepreneurs.'
		},
		description: {
			kk: 'Палата шағын және орта бизнеске, сондай-ақ кәсіпкерлік бастамасы бар адамдарға сапалы қаржылық емес қолдау көрсету үшін менеджер-кеңесшілер мен бизнес-тренерлерді іріктейді. Кеңесшілер кәсіпкерлерге бизнес-жоспарлау, қаржыландыру, мемлекеттік-жекешелік әріптестік (МҚӘ) және басқа да мәселелер бойынша көмектеседі.\n\nМенеджер-кеңесшіге қойылатын талаптар: жоғары білім; кеңес беру саласында кемінде бір жыл немесе бейінді салада кемінде екі жыл жұмыс тәжірибесі; мемлекеттік және орыс тілдерін білу; дербес компьютерді еркін меңгеру. Бизнес-тренерден бұған қоса тренинг өткізу құқығын растайтын сертификат немесе тренинг өткізу тәжірибесі талап етіледі.',
			ru: 'Палата отбирает менеджеров-консультантов и бизнес-тренеров, чтобы оказывать качественную нефинансовую поддержку малому и среднему бизнесу и людям с предпринимательской инициативой. Консультанты помогают предпринимателям в вопросах бизнес-планирования, финансирования, государственно-частного партнерства (ГЧП) и других.\n\nТребования к менеджеру-консультанту: высшее образование; опыт консультирования не менее одного года или работы в профильной сфере не менее двух лет; знание государственного и русского языков; уверенное владение персональным компьютером. От бизнес-тренера дополнительно требуется сертификат на право проведения тренингов или опыт их проведения.',
			en: 'The Chamber selects consultants and business trainers to give good non-financial support to small and medium-sized businesses and to people who want to start one. Consultants help entrepreneurs with business planning, financing, public-private partnership (PPP) and other matters.\n\nRequirements for a consultant: higher education; at least one year of consulting experience or at least two years in a relevant field; command of Kazakh and Russian; good computer skills. Business trainers also need a certificate entitling them to run training, or experience of running it.'
		},
		conditions: {
			kk: 'Түйіндеме мен құжаттар тек портал арқылы қабылданады. Талаптарға сай келетін үміткерлер әңгімелесуге шақырылады; іріктеу нәтижесі өтінім чатында хабарланады. Дербес деректер тек іріктеу мақсатында өңделеді.',
			ru: 'Резюме и документы принимаются только через портал. Кандидаты, соответствующие требованиям, приглашаются на собеседование; результат отбора сообщается в чате заявки. Персональные данные обрабатываются только в целях отбора.',
			en: 'CVs and documents are accepted only through the portal. Candidates who meet the requirements are invited to an interview; the result is announced in the application chat. Personal data is processed only for the selection.'
		},
		recipients: {
			kk: 'Жоғары білімі және кеңес беру немесе тренинг өткізу тәжірибесі бар Қазақстан Республикасының азаматтары.',
			ru: 'Граждане Республики Казахстан с высшим образованием и опытом консультирования или проведения тренингов.',
			en: 'Citizens of the Republic of Kazakhstan with higher education and experience in consulting or training.'
		},
		termDays: 15,
		resultKind: 'other',
		keywords: {
			kk: ['түйіндеме', 'бос орын', 'жұмыс', 'бизнес-кеңесші', 'бизнес-тренер', 'мансап'],
			ru: ['резюме', 'вакансия', 'работа', 'бизнес-консультант', 'бизнес-тренер', 'карьера'],
			en: ['CV', 'resume', 'vacancy', 'job', 'business consultant', 'business trainer']
		},
		popularity: 60,
		regulatoryDocuments: [LABOUR_CODE, NATIONAL_CHAMBER_LAW, PERSONAL_DATA_LAW],
		requiredDocuments: [
			{
				title: {
					kk: 'Түйіндеме',
					ru: 'Резюме',
					en: 'CV'
				}
			},
			IDENTITY_DOCUMENT,
			{
				title: {
					kk: 'Жоғары білім туралы диплом',
					ru: 'Диплом о высшем образовании',
					en: 'Higher education diploma'
				}
			},
			{
				title: {
					kk: 'Еңбек қызметін растайтын құжат',
					ru: 'Документ, подтверждающий трудовую деятельность',
					en: 'Proof of work experience'
				}
			},
			{
				title: {
					kk: 'Бизнес-тренер сертификаты',
					ru: 'Сертификат бизнес-тренера',
					en: 'Business trainer certificate'
				},
				isRequired: false
			}
		]
	}
];
