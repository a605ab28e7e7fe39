/**
 * Application forms of the demo services, as data: the steps of each service's form, keyed by the
 * service's slug (the version is added when seeding). Every form ends with the consultant step
 * («Кеңесшіге сұрақ қойыңыз»), and the documents each step asks for follow the service passport
 * (`requiredDocuments` in catalog-data.ts), split where one passport line covers several papers.
 */
import { CONSULTANT_QUESTION_STEP_KEY, DEFAULT_MAX_FILE_BYTES } from '../../../applications/form-definition.ts';
import type { DocumentRequirement, DocumentType, FieldDefinition, FieldOption, StepDefinition } from '../../../applications/form-definition.ts';
import type { LocalizedText } from '../../../i18n/localized.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const t = (kk: string, ru: string, en: string): LocalizedText => ({ kk, ru, en });

const option = (value: string, kk: string, ru: string, en: string): FieldOption => ({ value, label: t(kk, ru, en) });

/** Scans and photos of paper documents. */
const SCAN: DocumentType[] = ['pdf', 'jpeg', 'png'];
/** Documents the applicant may also send as an editable text. */
const SCAN_OR_TEXT: DocumentType[] = ['pdf', 'jpeg', 'png', 'docx'];
/** Texts and spreadsheets (plans, lists, registers). */
const OFFICE: DocumentType[] = ['pdf', 'docx', 'xlsx'];
const ANY: DocumentType[] = ['pdf', 'jpeg', 'png', 'docx', 'xlsx'];

type FieldExtras = Pick<FieldDefinition, 'hint' | 'maxLength' | 'min' | 'max' | 'prefill' | 'isCode' | 'pattern' | 'checksum'>;

function field(key: string, type: FieldDefinition['type'], label: LocalizedText, isRequired: boolean, extras: FieldExtras = {}): FieldDefinition {
	return { key, type, label, isRequired, ...extras };
}

const text = (key: string, label: LocalizedText, isRequired: boolean, maxLength = 200, extras: FieldExtras = {}) =>
	field(key, 'text', label, isRequired, { maxLength, ...extras });

const longText = (key: string, label: LocalizedText, isRequired: boolean, maxLength = 2000, extras: FieldExtras = {}) =>
	field(key, 'long_text', label, isRequired, { maxLength, ...extras });

/** An amount in tenge, never negative. */
const money = (key: string, label: LocalizedText, isRequired: boolean, max: number, extras: FieldExtras = {}) =>
	field(key, 'money', label, isRequired, { min: 0, max, ...extras });

const number = (key: string, label: LocalizedText, isRequired: boolean, min: number, max: number, extras: FieldExtras = {}) =>
	field(key, 'number', label, isRequired, { min, max, ...extras });

const date = (key: string, label: LocalizedText, isRequired: boolean, extras: FieldExtras = {}) => field(key, 'date', label, isRequired, extras);

function choice(
	key: string,
	type: 'select' | 'radio',
	label: LocalizedText,
	isRequired: boolean,
	options: FieldOption[],
	extras: FieldExtras = {}
): FieldDefinition {
	return { ...field(key, type, label, isRequired, extras), options };
}

const select = (key: string, label: LocalizedText, isRequired: boolean, options: FieldOption[], extras: FieldExtras = {}) =>
	choice(key, 'select', label, isRequired, options, extras);

const radio = (key: string, label: LocalizedText, isRequired: boolean, options: FieldOption[], extras: FieldExtras = {}) =>
	choice(key, 'radio', label, isRequired, options, extras);

const checkbox = (key: string, label: LocalizedText, isRequired: boolean, extras: FieldExtras = {}) => field(key, 'checkbox', label, isRequired, extras);

interface TableExtras {
	hint?: LocalizedText;
	minRows?: number;
	maxRows: number;
	totalColumns?: string[];
}

function table(key: string, label: LocalizedText, isRequired: boolean, columns: FieldDefinition[], extras: TableExtras): FieldDefinition {
	return { key, type: 'table', label, isRequired, columns, ...extras, minRows: extras.minRows ?? (isRequired ? 1 : 0) };
}

interface DocumentExtras {
	isRequired?: boolean;
	types?: DocumentType[];
	maxFiles?: number;
	maxSizeBytes?: number;
}

/** A document the step asks for: required by default, scans, up to five files (the pages of a scan). */
function document(key: string, label: LocalizedText, extras: DocumentExtras = {}): DocumentRequirement {
	const isRequired = extras.isRequired ?? true;
	return {
		key,
		label,
		allowedTypes: extras.types ?? SCAN,
		maxSizeBytes: extras.maxSizeBytes ?? DEFAULT_MAX_FILE_BYTES,
		minFiles: isRequired ? 1 : 0,
		maxFiles: extras.maxFiles ?? 5,
		isRequired
	};
}

const step = (key: string, title: LocalizedText, fields: FieldDefinition[], documents: DocumentRequirement[] = []): StepDefinition => ({
	key,
	title,
	fields,
	documents
});

// ---------------------------------------------------------------------------------------------
// Shared choices
// ---------------------------------------------------------------------------------------------

const YES_NO: FieldOption[] = [option('yes', 'Иә', 'Да', 'Yes'), option('no', 'Жоқ', 'Нет', 'No')];

/** The seventeen regions and the three cities of republican significance. */
const REGIONS: FieldOption[] = [
	option('astana', 'Астана қаласы', 'город Астана', 'Astana city'),
	option('almaty_city', 'Алматы қаласы', 'город Алматы', 'Almaty city'),
	option('shymkent', 'Шымкент қаласы', 'город Шымкент', 'Shymkent city'),
	option('abai', 'Абай облысы', 'область Абай', 'Abai Region'),
	option('akmola', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region'),
	option('aktobe', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region'),
	option('almaty_region', 'Алматы облысы', 'Алматинская область', 'Almaty Region'),
	option('atyrau', 'Атырау облысы', 'Атырауская область', 'Atyrau Region'),
	option('east_kazakhstan', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region'),
	option('zhambyl', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region'),
	option('zhetysu', 'Жетісу облысы', 'область Жетісу', 'Zhetysu Region'),
	option('west_kazakhstan', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region'),
	option('karaganda', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'),
	option('kostanay', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region'),
	option('kyzylorda', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region'),
	option('mangystau', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region'),
	option('pavlodar', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region'),
	option('north_kazakhstan', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region'),
	option('turkistan', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region'),
	option('ulytau', 'Ұлытау облысы', 'область Ұлытау', 'Ulytau Region')
];

const SECTORS: FieldOption[] = [
	option('manufacturing', 'Өңдеу өнеркәсібі', 'Обрабатывающая промышленность', 'Manufacturing'),
	option('agriculture', 'Ауыл шаруашылығы', 'Сельское хозяйство', 'Agriculture'),
	option('construction', 'Құрылыс', 'Строительство', 'Construction'),
	option('trade', 'Сауда', 'Торговля', 'Trade'),
	option('transport', 'Көлік және логистика', 'Транспорт и логистика', 'Transport and logistics'),
	option('tourism', 'Туризм, қонақ үй және мейрамхана ісі', 'Туризм, гостиничный и ресторанный бизнес', 'Tourism, hotels and catering'),
	option('it', 'Ақпараттық технологиялар', 'Информационные технологии', 'Information technology'),
	option('education_health', 'Білім беру және денсаулық сақтау', 'Образование и здравоохранение', 'Education and healthcare'),
	option('services', 'Өзге қызметтер', 'Прочие услуги', 'Other services'),
	option('other', 'Басқа сала', 'Другая отрасль', 'Another industry')
];

/** Ways of promoting domestic goods that the NADLoC reimbursement covers. */
const PROMOTION_CHANNELS: FieldOption[] = [
	option('exhibition', 'Көрмелер мен жәрмеңкелерге қатысу', 'Участие в выставках и ярмарках', 'Exhibitions and fairs'),
	option('advertising_materials', 'Жарнамалық материалдар дайындау', 'Изготовление рекламных материалов', 'Producing advertising materials'),
	option('media_advertising', 'БАҚ-та және интернетте жарнама орналастыру', 'Размещение рекламы в СМИ и интернете', 'Advertising in the media and online'),
	option('outdoor_advertising', 'Сыртқы жарнама', 'Наружная реклама', 'Outdoor advertising'),
	option('catalogue', 'Каталогтар мен буклеттер шығару', 'Выпуск каталогов и буклетов', 'Catalogues and brochures'),
	option('trademark', 'Тауар белгісін тіркеу', 'Регистрация товарного знака', 'Trademark registration'),
	option('certification', 'Өнімді сертификаттау', 'Сертификация продукции', 'Product certification'),
	option(
		'retail_listing',
		'Сауда желілері мен маркетплейстерге орналастыру',
		'Размещение в торговых сетях и на маркетплейсах',
		'Listing in retail chains and marketplaces'
	),
	option('other', 'Өзге тәсіл', 'Иной способ', 'Other')
];

const PROMOTION_MARKETS: FieldOption[] = [option('nationwide', 'Бүкіл Қазақстан бойынша', 'По всему Казахстану', 'Nationwide'), ...REGIONS];

// ---------------------------------------------------------------------------------------------
// Shared fields, documents and steps
// ---------------------------------------------------------------------------------------------

const regionField = (key = 'region', isRequired = true) => select(key, t('Өңір', 'Регион', 'Region'), isRequired, REGIONS);

const sectorField = (key = 'activity_sector', isRequired = true) =>
	select(key, t('Қызмет саласы', 'Отрасль деятельности', 'Industry'), isRequired, SECTORS);

/** Enough for the main question of a consultation. */
const questionField = (key: string, label: LocalizedText, hint?: LocalizedText) => longText(key, label, true, 2000, hint ? { hint } : {});

const PHONE_HINT = t(
	'+7 7XX XXX XX XX форматындағы ұялы телефон нөмірі',
	'Номер мобильного телефона в формате +7 7XX XXX XX XX',
	'Mobile number in the format +7 7XX XXX XX XX'
);

const identityDocument = () =>
	document('identity_document', t('Жеке басын куәландыратын құжат', 'Документ, удостоверяющий личность', 'Identity document'), { maxFiles: 2 });

const stateRegistrationReference = () =>
	document(
		'state_registration_reference',
		t('Мемлекеттік тіркеу (қайта тіркеу) туралы анықтама', 'Справка о государственной регистрации (перерегистрации)', 'State registration reference'),
		{ maxFiles: 2 }
	);

const applicationLetter = (label = t('Қол қойылған өтінім', 'Подписанная заявка', 'Signed application')) =>
	document('application_letter', label, { maxFiles: 3 });

/** The application form NADLoC prescribes for its support measures, signed and scanned. */
const prescribedApplication = () =>
	applicationLetter(t('Белгіленген нысандағы өтінім', 'Заявка по установленной форме', 'Application in the prescribed form'));

const powerOfAttorney = () =>
	document(
		'power_of_attorney',
		t(
			'Өкілдің сенімхаты (өтінімді өкіл берсе)',
			'Доверенность представителя (если заявку подает представитель)',
			'Power of attorney (if a representative applies)'
		),
		{ isRequired: false, maxFiles: 2 }
	);

interface ApplicantOptions {
	/** Whether the applicant applies for a business: `optional` lets a would-be entrepreneur apply, `none` is a private person. */
	organisation?: 'required' | 'optional' | 'none';
	fields?: FieldDefinition[];
	documents?: DocumentRequirement[];
}

/** Who applies, prefilled from the client card. */
function applicantStep({ organisation = 'required', fields = [], documents = [] }: ApplicantOptions = {}): StepDefinition {
	const organisationFields: FieldDefinition[] =
		organisation === 'none'
			? []
			: [
					text(
						'organisation_name',
						t(
							'Ұйымның немесе жеке кәсіпкердің атауы',
							'Наименование организации или индивидуального предпринимателя',
							'Name of the organisation or sole trader'
						),
						organisation === 'required',
						200,
						organisation === 'optional'
							? {
									prefill: 'organisation_name',
									hint: t(
										'Кәсіпорны әлі тіркелмеген болса, бос қалдырыңыз',
										'Оставьте пустым, если предприятие еще не зарегистрировано',
										'Leave blank if you have not registered a business yet'
									)
								}
							: { prefill: 'organisation_name' }
					)
				];
	const identifier =
		organisation === 'none'
			? field('iin_bin', 'iin_bin', t('ЖСН', 'ИИН', 'IIN'), true, { prefill: 'iin_bin', hint: t('12 сан', '12 цифр', '12 digits') })
			: field('iin_bin', 'iin_bin', t('ЖСН / БСН', 'ИИН / БИН', 'IIN / BIN'), true, {
					prefill: 'iin_bin',
					hint: t(
						'Заңды тұлға үшін — БСН, жеке кәсіпкер немесе жеке тұлға үшін — ЖСН (12 сан)',
						'Для юридического лица — БИН, для ИП или физического лица — ИИН (12 цифр)',
						'BIN for a legal entity, IIN for a sole trader or an individual (12 digits)'
					)
				});
	return step(
		'applicant',
		t('Өтініш беруші туралы мәліметтер', 'Сведения о заявителе', 'Applicant details'),
		[
			...organisationFields,
			identifier,
			text('last_name', t('Тегі', 'Фамилия', 'Last name'), true, 100, { prefill: 'last_name' }),
			text('first_name', t('Аты', 'Имя', 'First name'), true, 100, { prefill: 'first_name' }),
			text('patronymic', t('Әкесінің аты (бар болса)', 'Отчество (при наличии)', 'Patronymic (if any)'), false, 100, { prefill: 'patronymic' }),
			...(organisation === 'none' ? [] : [text('position', t('Лауазымы', 'Должность', 'Position'), false, 200)]),
			field('phone', 'phone', t('Ұялы телефон', 'Мобильный телефон', 'Mobile phone'), true, { prefill: 'phone', hint: PHONE_HINT }),
			field('email', 'email', t('Электрондық пошта', 'Электронная почта', 'Email'), true, { prefill: 'email' }),
			...fields
		],
		documents
	);
}

interface CompanyOptions {
	documents?: DocumentRequirement[];
}

/** The company of a NADLoC support measure: registration data, address and the person to contact. */
function companyStep({ documents = [] }: CompanyOptions = {}): StepDefinition {
	return step(
		'company',
		t('Кәсіпорын туралы мәліметтер', 'Сведения о предприятии', 'Company details'),
		[
			text('company_name', t('Кәсіпорынның атауы', 'Наименование предприятия', 'Company name'), true, 200, { prefill: 'organisation_name' }),
			field('company_bin', 'iin_bin', t('БСН (жеке кәсіпкер үшін — ЖСН)', 'БИН (для ИП — ИИН)', 'BIN (IIN for a sole trader)'), true, {
				prefill: 'iin_bin'
			}),
			text('legal_address', t('Заңды мекенжайы', 'Юридический адрес', 'Registered address'), true, 300, {
				hint: t(
					'Елді мекен, көше, үй және кеңсе нөмірі',
					'Населенный пункт, улица, номер дома и офиса',
					'Town or village, street, building and office number'
				)
			}),
			regionField('company_region'),
			text('oked_code', t('Негізгі қызмет түрінің ЭҚЖЖ коды', 'Код ОКЭД основного вида деятельности', 'OKED code of the main activity'), true, 10, {
				pattern: '\\d{2}(\\.\\d{1,2}(\\.\\d)?)?',
				hint: t('Мысалы: 25.11.0', 'Например: 25.11.0', 'For example: 25.11.0')
			}),
			text('contact_person', t('Байланысатын тұлғаның аты-жөні', 'ФИО контактного лица', 'Contact person (full name)'), true, 200, {
				prefill: 'full_name'
			}),
			text('contact_position', t('Байланысатын тұлғаның лауазымы', 'Должность контактного лица', 'Contact person\'s position'), false, 200),
			field('contact_phone', 'phone', t('Байланыс телефоны', 'Контактный телефон', 'Contact phone'), true, { prefill: 'phone', hint: PHONE_HINT }),
			field('contact_email', 'email', t('Электрондық пошта', 'Электронная почта', 'Email'), true, { prefill: 'email' })
		],
		documents
	);
}

/** Where a reimbursement or grant is paid. */
function bankDetailsStep(documents: DocumentRequirement[] = []): StepDefinition {
	return step(
		'bank_details',
		t('Банк деректемелері', 'Банковские реквизиты', 'Bank details'),
		[
			text('bank_name', t('Банктің атауы', 'Наименование банка', 'Bank name'), true, 200),
			text('bank_bic', t('Банктің БСК-сы', 'БИК банка', 'Bank BIC'), true, 11, {
				isCode: true,
				pattern: '[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?',
				hint: t('8 немесе 11 таңба, мысалы: HSBKKZKX', '8 или 11 символов, например: HSBKKZKX', '8 or 11 characters, e.g. HSBKKZKX')
			}),
			text('iban', t('Шоттың ЖСК-сы (IBAN)', 'ИИК счета (IBAN)', 'Account number (IBAN)'), true, 20, {
				isCode: true,
				pattern: 'KZ\\d{2}[0-9A-Z]{16}',
				checksum: 'iban',
				hint: t(
					'KZ әріптері және одан кейін 18 таңба, барлығы 20 таңба, мысалы KZ75 6010 0020 0012 3456',
					'Буквы KZ и еще 18 символов, всего 20, например KZ75 6010 0020 0012 3456',
					'KZ followed by 18 characters, 20 in all, e.g. KZ75 6010 0020 0012 3456'
				)
			}),
			text('kbe', t('Бенефициар коды (КБе)', 'Код бенефициара (КБе)', 'Beneficiary code (KBe)'), true, 2, {
				pattern: '\\d{2}',
				hint: t(
					'Екі сан: резиденттік белгісі және экономика секторы, мысалы 17',
					'Две цифры: признак резидентства и сектор экономики, например 17',
					'Two digits: residency and economic sector, e.g. 17'
				)
			})
		],
		documents
	);
}

/** The last step of every form: a question for the consultant about the application itself. */
function consultantStep(): StepDefinition {
	return step(
		CONSULTANT_QUESTION_STEP_KEY,
		t('Кеңесшіге сұрақ қойыңыз', 'Задайте вопрос консультанту', 'Ask the consultant a question'),
		[
			longText('consultant_question_text', t('Сіздің сұрағыңыз', 'Ваш вопрос', 'Your question'), false, 2000, {
				hint: t(
					'Өтінімді толтыру кезінде түсініксіз жайт болса, осында жазыңыз. Кеңесші өтінім чатында жауап береді.',
					'Если при заполнении заявки что-то осталось непонятным, напишите здесь. Консультант ответит в чате заявки.',
					'If anything in the form is unclear, write it here. The consultant will answer in the application chat.'
				)
			})
		],
		[
			document('consultant_attachment', t('Сұраққа қоса берілетін файл', 'Файл к вопросу', 'File for your question'), {
				isRequired: false,
				types: ANY,
				maxFiles: 3
			})
		]
	);
}

// ---------------------------------------------------------------------------------------------
// NADLoC: reimbursement of the costs of promoting domestic goods, works and services
// ---------------------------------------------------------------------------------------------

const EXPENSE_AMOUNT_MAX = 1_000_000_000;

function nadlocPromotionReimbursement(): StepDefinition[] {
	return [
		companyStep({
			documents: [
				prescribedApplication(),
				stateRegistrationReference(),
				document(
					'charter',
					t('Жарғының көшірмесі (заңды тұлғалар үшін)', 'Копия устава (для юридических лиц)', 'Copy of the charter (legal entities)'),
					{ isRequired: false, maxFiles: 10 }
				)
			]
		}),
		step(
			'promoted_products',
			t('Ілгерілетілетін тауарлар, жұмыстар және көрсетілетін қызметтер', 'Продвигаемые товары, работы и услуги', 'Goods, works and services promoted'),
			[
				table(
					'promoted_items',
					t('Ілгерілетілген өнім және ілгерілету тәсілі', 'Продвигаемая продукция и способ продвижения', 'What was promoted and how'),
					true,
					[
						text(
							'product_name',
							t('Тауардың, жұмыстың немесе қызметтің атауы', 'Наименование товара, работы или услуги', 'Product, work or service'),
							true,
							200
						),
						text('product_code', t('СЭҚ ТН немесе ТЖҚ БНА коды', 'Код ТН ВЭД или ЕНС ТРУ', 'HS (TN VED) or ENS TRU code'), true, 30, {
							hint: t(
								'ЕАЭО СЭҚ ТН бойынша 10 таңбалы код немесе ТЖҚ бірыңғай номенклатуралық анықтамалығының коды',
								'10-значный код ТН ВЭД ЕАЭС или код единого номенклатурного справочника товаров, работ и услуг',
								'10-digit EAEU HS (TN VED) code or the code of the unified catalogue of goods, works and services (ENS TRU)'
							)
						}),
						select('promotion_market', t('Ілгерілету өңірі', 'Регион продвижения', 'Where it was promoted'), true, PROMOTION_MARKETS),
						select('promotion_channel', t('Ілгерілету тәсілі', 'Способ продвижения', 'Promotion channel'), true, PROMOTION_CHANNELS),
						text('origin_certificate_number', t('СТ-KZ сертификатының нөмірі', 'Номер сертификата СТ-KZ', 'CT-KZ certificate number'), false, 30, {
							hint: t('Тауарлар үшін толтырылады', 'Заполняется для товаров', 'Fill in for goods')
						})
					],
					{ maxRows: 20 }
				)
			],
			[
				document(
					'origin_certificate',
					t(
						'«СТ-KZ» нысанындағы тауардың шығу тегі туралы сертификат',
						'Сертификат о происхождении товара формы «СТ-KZ»',
						'Certificate of origin of goods, form CT-KZ'
					),
					{ maxFiles: 10 }
				),
				document(
					'promotion_evidence',
					t(
						'Ілгерілетуді растайтын материалдар (жарнаманың үлгілері, көрмеден фотосуреттер, каталогтар)',
						'Материалы, подтверждающие продвижение (образцы рекламы, фото с выставки, каталоги)',
						'Proof of promotion (samples of advertising, exhibition photos, catalogues)'
					),
					{ isRequired: false, types: SCAN_OR_TEXT, maxFiles: 10 }
				)
			]
		),
		step(
			'promotion_expenses',
			t('Ілгерілетуге жұмсалған шығындар', 'Затраты на продвижение', 'Promotion expenses'),
			[
				table(
					'expenses',
					t('Шығындар тізілімі', 'Реестр затрат', 'Register of expenses'),
					true,
					[
						select('expense_item', t('Шығын бабы', 'Статья затрат', 'Expense item'), true, PROMOTION_CHANNELS),
						text('counterparty', t('Контрагент', 'Контрагент', 'Counterparty'), true, 200),
						text('document_number', t('Растайтын құжаттың нөмірі', 'Номер подтверждающего документа', 'Supporting document no.'), true, 50, {
							hint: t(
								'Шарттың, шот-фактураның немесе төлем тапсырмасының нөмірі',
								'Номер договора, счета-фактуры или платежного поручения',
								'Number of the contract, invoice or payment order'
							)
						}),
						date('document_date', t('Құжаттың күні', 'Дата документа', 'Document date'), true),
						money('amount', t('Сомасы, теңге', 'Сумма, тенге', 'Amount, tenge'), true, EXPENSE_AMOUNT_MAX)
					],
					{ minRows: 1, maxRows: 50, totalColumns: ['amount'] }
				),
				checkbox(
					'expenses_paid_confirmation',
					t(
						'Көрсетілген шығындар өтінім берілгенге дейін толық төленгенін растаймын',
						'Подтверждаю, что указанные затраты полностью оплачены до подачи заявки',
						'I confirm that the costs listed were paid in full before applying'
					),
					true
				)
			],
			[
				document(
					'counterparty_contracts',
					t('Контрагенттермен жасалған шарттар', 'Договоры с контрагентами', 'Contracts with counterparties'),
					{ maxFiles: 10 }
				),
				document('invoices', t('Шот-фактуралар', 'Счета-фактуры', 'Invoices'), { maxFiles: 10 }),
				document(
					'acts_of_completed_work',
					t(
						'Орындалған жұмыстар (көрсетілген қызметтер) актілері',
						'Акты выполненных работ (оказанных услуг)',
						'Acceptance certificates for work done (services rendered)'
					),
					{ maxFiles: 10 }
				),
				document('payment_orders', t('Төлем тапсырмалары', 'Платежные поручения', 'Payment orders'), { maxFiles: 10 })
			]
		),
		bankDetailsStep([
			document(
				'bank_account_certificate',
				t('Банк шотының бар екені туралы анықтама', 'Справка банка о наличии счета', 'Bank letter confirming the account'),
				{ maxFiles: 2 }
			)
		]),
		consultantStep()
	];
}

// ---------------------------------------------------------------------------------------------
// NADLoC: reimbursement of upskilling local staff when a foreign worker is hired
// ---------------------------------------------------------------------------------------------

function foreignWorkerCompetenceReimbursement(): StepDefinition[] {
	return [
		companyStep({ documents: [prescribedApplication()] }),
		step(
			'foreign_worker',
			t('Тартылған шетелдік қызметкер', 'Привлеченный иностранный работник', 'Foreign worker hired'),
			[
				text('foreign_worker_name', t('Шетелдік қызметкердің аты-жөні', 'ФИО иностранного работника', 'Foreign worker\'s full name'), true, 200),
				text('foreign_worker_citizenship', t('Азаматтығы', 'Гражданство', 'Citizenship'), true, 100),
				text('foreign_worker_position', t('Лауазымы', 'Должность', 'Position'), true, 200),
				text('labour_contract_number', t('Еңбек шартының нөмірі', 'Номер трудового договора', 'Labour contract no.'), true, 50),
				date('labour_contract_date', t('Еңбек шартының күні', 'Дата трудового договора', 'Labour contract date'), true),
				text(
					'work_permit_number',
					t('Шетелдік жұмыс күшін тартуға рұқсаттың нөмірі', 'Номер разрешения на привлечение иностранной рабочей силы', 'Foreign labour permit no.'),
					true,
					50
				),
				date('work_permit_date', t('Рұқсаттың берілген күні', 'Дата выдачи разрешения', 'Permit issue date'), true)
			],
			[
				document(
					'labour_contract',
					t(
						'Шетелдік қызметкермен жасалған еңбек шартының көшірмесі',
						'Копия трудового договора с иностранным работником',
						'Copy of the labour contract with the foreign worker'
					),
					{ maxFiles: 10 }
				),
				document(
					'work_permit',
					t(
						'Шетелдік жұмыс күшін тартуға берілген рұқсаттың көшірмесі',
						'Копия разрешения на привлечение иностранной рабочей силы',
						'Copy of the permit to hire foreign labour'
					)
				)
			]
		),
		step(
			'local_staff_training',
			t('Жергілікті кадрларды оқыту', 'Обучение местных кадров', 'Training of local staff'),
			[
				table(
					'trained_employees',
					t('Оқудан өткен жұмыскерлер', 'Обученные работники', 'Employees trained'),
					true,
					[
						text('employee_name', t('Жұмыскердің аты-жөні', 'ФИО работника', 'Employee\'s full name'), true, 200),
						field('employee_iin', 'iin_bin', t('ЖСН', 'ИИН', 'IIN'), true),
						text('training_programme', t('Оқу бағдарламасы немесе курс', 'Программа обучения или курс', 'Training programme or course'), true, 300),
						date('training_end_date', t('Оқудың аяқталған күні', 'Дата окончания обучения', 'Training end date'), true),
						text('certificate_number', t('Сертификаттың нөмірі', 'Номер сертификата', 'Certificate no.'), false, 50)
					],
					{ maxRows: 100 }
				),
				table(
					'training_costs',
					t('Оқыту шығындары', 'Затраты на обучение', 'Training costs'),
					true,
					[
						text('cost_item', t('Шығын бабы', 'Статья затрат', 'Expense item'), true, 200, {
							hint: t(
								'Мысалы: курс ақысы, тағылымдама, оқу материалдары',
								'Например: оплата курса, стажировка, учебные материалы',
								'E.g. course fee, internship, training materials'
							)
						}),
						text('cost_document_number', t('Төлем құжатының нөмірі', 'Номер платежного документа', 'Payment document no.'), true, 50),
						date('cost_document_date', t('Төлем құжатының күні', 'Дата платежного документа', 'Payment document date'), true),
						money('cost_amount', t('Сомасы, теңге', 'Сумма, тенге', 'Amount, tenge'), true, 500_000_000)
					],
					{ minRows: 1, maxRows: 50, totalColumns: ['cost_amount'] }
				)
			],
			[
				document(
					'training_contract',
					t('Оқыту шарты және оқу бағдарламасы', 'Договор на обучение и программа обучения', 'Training contract and training programme'),
					{ types: SCAN_OR_TEXT, maxFiles: 10 }
				),
				document(
					'trained_employees_certificates',
					t(
						'Оқудан өткен жұмыскерлердің тізімі және сертификаттардың көшірмелері',
						'Список обученных работников и копии сертификатов',
						'List of trained employees and copies of their certificates'
					),
					{ types: ANY, maxFiles: 10 }
				),
				document(
					'training_payment_proof',
					t('Оқыту ақысының төленгенін растайтын құжаттар', 'Документы, подтверждающие оплату обучения', 'Proof of payment for the training'),
					{ maxFiles: 10 }
				)
			]
		),
		bankDetailsStep(),
		consultantStep()
	];
}

// ---------------------------------------------------------------------------------------------
// Consultations and other services
// ---------------------------------------------------------------------------------------------

function accountingTaxConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument(), stateRegistrationReference()] }),
		step(
			'tax_question',
			t('Сұрақтың мәні', 'Суть вопроса', 'Your question'),
			[
				select('tax_topic', t('Сұрақтың тақырыбы', 'Тема вопроса', 'Topic'), true, [
					option('tax_regime_choice', 'Салық режимін таңдау', 'Выбор налогового режима', 'Choosing a tax regime'),
					option(
						'tax_reporting',
						'Салық есептілігін толтыру және тапсыру',
						'Заполнение и сдача налоговой отчетности',
						'Filling in and filing tax returns'
					),
					option('vat', 'ҚҚС бойынша тіркеу және есептеу', 'Регистрация и исчисление НДС', 'VAT registration and calculation'),
					option('payroll', 'Жалақыдан ұсталатын салықтар мен төлемдер', 'Налоги и платежи с заработной платы', 'Payroll taxes and contributions'),
					option(
						'primary_documents',
						'Бастапқы құжаттар және бухгалтерлік есеп',
						'Первичные документы и бухгалтерский учет',
						'Primary documents and bookkeeping'
					),
					option('other', 'Басқа мәселе', 'Другой вопрос', 'Something else')
				]),
				select('tax_regime', t('Қолданылатын салық режимі', 'Применяемый налоговый режим', 'Tax regime you use'), true, [
					option('general', 'Жалпыға бірдей белгіленген тәртіп', 'Общеустановленный порядок', 'General regime'),
					option(
						'simplified',
						'Оңайлатылған декларация негізіндегі арнаулы режим',
						'Специальный режим на основе упрощенной декларации',
						'Special regime based on a simplified return'
					),
					option(
						'self_employed',
						'Өзін-өзі жұмыспен қамтығандарға арналған арнаулы режим',
						'Специальный режим для самозанятых',
						'Special regime for the self-employed'
					),
					option(
						'agricultural',
						'Ауыл шаруашылығы өнімін өндірушілерге арналған арнаулы режим',
						'Специальный режим для производителей сельхозпродукции',
						'Special regime for farm producers'
					),
					option('unknown', 'Білмеймін немесе әлі таңдалмаған', 'Не знаю или еще не выбран', 'Not sure or not chosen yet')
				]),
				radio('is_vat_payer', t('ҚҚС төлеушісіз бе?', 'Вы плательщик НДС?', 'Are you registered for VAT?'), true, YES_NO),
				questionField(
					'tax_question_text',
					t('Сұрағыңызды толық жазыңыз', 'Подробно опишите вопрос', 'Describe your question in detail'),
					t(
						'Кезеңді, сомаларды және салық нысанының нөмірін көрсетіңіз',
						'Укажите период, суммы и номер налоговой формы',
						'Give the period, the amounts and the tax form number'
					)
				)
			],
			[
				applicationLetter(),
				document(
					'question_documents',
					t('Сұраққа қатысты құжаттардың көшірмелері', 'Копии документов, относящихся к вопросу', 'Copies of documents relevant to the question'),
					{ isRequired: false, types: ANY, maxFiles: 10 }
				)
			]
		),
		consultantStep()
	];
}

function legalConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument()] }),
		step(
			'legal_question',
			t('Құқықтық мәселе', 'Правовой вопрос', 'Legal issue'),
			[
				select('legal_area', t('Құқық саласы', 'Область права', 'Area of law'), true, [
					option('contracts', 'Шарттарды жасасу және орындау', 'Заключение и исполнение договоров', 'Concluding and performing contracts'),
					option('inspections', 'Мемлекеттік органдардың тексерулері', 'Проверки государственных органов', 'Inspections by state bodies'),
					option('permits', 'Рұқсаттар мен лицензиялар', 'Разрешения и лицензии', 'Permits and licences'),
					option('labour', 'Жұмыскерлермен еңбек қатынастары', 'Трудовые отношения с работниками', 'Employment relations'),
					option('corporate', 'Корпоративтік мәселелер', 'Корпоративные вопросы', 'Corporate matters'),
					option('other', 'Басқа мәселе', 'Другой вопрос', 'Something else')
				]),
				radio('consultation_format', t('Кеңес беру нысаны', 'Форма консультации', 'How you want the advice'), true, [
					option('written', 'Жазбаша', 'Письменно', 'In writing'),
					option('oral', 'Ауызша (телефонмен немесе кездесуде)', 'Устно (по телефону или на встрече)', 'Orally (by phone or in person)')
				]),
				longText('situation_description', t('Жағдайдың сипаттамасы', 'Описание ситуации', 'What happened'), true, 2000, {
					hint: t(
						'Оқиғаларды, күндерді және тараптарды ретімен сипаттаңыз',
						'Опишите события, даты и участников по порядку',
						'Describe the events, dates and parties in order'
					)
				}),
				longText('legal_question_text', t('Заңгерге қойылатын сұрақ', 'Вопрос юристу', 'Your question to the lawyer'), true, 1000)
			],
			[
				applicationLetter(),
				document(
					'related_legal_documents',
					t(
						'Сұраққа қатысты шарттар, хаттар немесе актілер',
						'Договоры, письма или акты, относящиеся к вопросу',
						'Contracts, letters or official acts relevant to the question'
					),
					{ isRequired: false, types: SCAN_OR_TEXT, maxFiles: 10 }
				)
			]
		),
		consultantStep()
	];
}

function customsDeclarationAssistance(): StepDefinition[] {
	return [
		applicantStep(),
		step(
			'goods',
			t('Тауар туралы мәліметтер', 'Сведения о товаре', 'About the goods'),
			[
				radio('trade_direction', t('Операция түрі', 'Вид операции', 'Type of operation'), true, [
					option('export', 'Экспорт', 'Экспорт', 'Export'),
					option('import', 'Импорт', 'Импорт', 'Import')
				]),
				text('counterparty_country', t('Контрагенттің елі', 'Страна контрагента', 'Counterparty\'s country'), true, 100),
				table(
					'goods_items',
					t('Тауарлар', 'Товары', 'Goods'),
					true,
					[
						text('goods_description', t('Тауардың сипаттамасы', 'Описание товара', 'Description of the goods'), true, 300),
						text('hs_code', t('СЭҚ ТН коды (белгілі болса)', 'Код ТН ВЭД (если известен)', 'HS code (if known)'), false, 13),
						text('origin_country', t('Шығарылған елі', 'Страна происхождения', 'Country of origin'), true, 100),
						money('goods_value', t('Құны, теңге', 'Стоимость, тенге', 'Value, tenge'), true, 10_000_000_000, {
							hint: t(
								'Шетел валютасындағы құнды өтінім күнгі бағам бойынша қайта есептеңіз',
								'Стоимость в иностранной валюте пересчитайте по курсу на дату заявки',
								'Convert a foreign-currency value at the rate on the day you apply'
							)
						})
					],
					{ maxRows: 20, totalColumns: ['goods_value'] }
				),
				select('customs_procedure', t('Болжамды кедендік рәсім', 'Предполагаемая таможенная процедура', 'Intended customs procedure'), false, [
					option('release_for_consumption', 'Ішкі тұтыну үшін шығару', 'Выпуск для внутреннего потребления', 'Release for domestic consumption'),
					option('export', 'Экспорт', 'Экспорт', 'Export'),
					option('temporary_import', 'Уақытша әкелу', 'Временный ввоз', 'Temporary import'),
					option('temporary_export', 'Уақытша әкету', 'Временный вывоз', 'Temporary export'),
					option('transit', 'Кедендік транзит', 'Таможенный транзит', 'Customs transit'),
					option('not_sure', 'Білмеймін', 'Затрудняюсь ответить', 'Not sure')
				]),
				questionField('customs_question_text', t('Не түсіндіру керек?', 'Что нужно разъяснить?', 'What do you need explained?'))
			]
		),
		step(
			'customs_documents',
			t('Құжаттар', 'Документы', 'Documents'),
			[],
			[
				applicationLetter(),
				document(
					'foreign_trade_contract',
					t('Сыртқы сауда келісімшарты', 'Внешнеторговый контракт', 'Foreign trade contract'),
					{ types: SCAN_OR_TEXT, maxFiles: 10 }
				),
				document('commercial_invoice', t('Инвойс немесе шот-фактура', 'Инвойс или счет-фактура', 'Commercial invoice'), { types: ANY }),
				document('technical_description', t('Тауардың техникалық сипаттамасы', 'Техническое описание товара', 'Technical description of the goods'), {
					isRequired: false,
					types: SCAN_OR_TEXT,
					maxFiles: 10
				})
			]
		),
		consultantStep()
	];
}

function statisticalReportingConsultation(): StepDefinition[] {
	return [
		applicantStep({
			fields: [
				radio('acting_as', t('Өтінімді кім береді', 'Кто подает заявку', 'Who is applying'), true, [
					option('head', 'Басшы немесе жеке кәсіпкердің өзі', 'Руководитель или сам ИП', 'The head or the sole trader'),
					option('representative', 'Сенімхат бойынша өкіл', 'Представитель по доверенности', 'A representative with power of attorney')
				])
			],
			documents: [identityDocument(), powerOfAttorney()]
		}),
		step(
			'statistical_report',
			t('Статистикалық есептілік', 'Статистическая отчетность', 'Statistical reporting'),
			[
				select('statistics_topic', t('Не бойынша кеңес қажет', 'По какому вопросу нужна консультация', 'What you need help with'), true, [
					option('which_forms', 'Қандай нысандарды тапсыру керек', 'Какие формы нужно сдавать', 'Which forms to submit'),
					option('filling_in', 'Нысанды электрондық түрде толтыру', 'Заполнение формы в электронном виде', 'Filling in a form electronically'),
					option('signing_sending', 'ЭЦҚ-мен қол қою және жіберу', 'Подписание ЭЦП и отправка', 'Signing with an EDS and sending'),
					option(
						'corrections',
						'Жіберілген есептегі қателерді түзету',
						'Исправление ошибок в отправленном отчете',
						'Correcting a report already sent'
					),
					option('deadlines', 'Тапсыру кестесі мен мерзімдері', 'График и сроки сдачи', 'Schedule and deadlines'),
					option('other', 'Басқа мәселе', 'Другой вопрос', 'Something else')
				]),
				text('report_form_code', t('Статистикалық нысанның индексі', 'Индекс статистической формы', 'Statistical form code'), false, 30, {
					hint: t('Мысалы: 1-Т немесе 2-МП', 'Например: 1-Т или 2-МП', 'For example: 1-T or 2-MP')
				}),
				select('reporting_periodicity', t('Кезеңділігі', 'Периодичность', 'Frequency'), false, [
					option('monthly', 'Ай сайын', 'Ежемесячно', 'Monthly'),
					option('quarterly', 'Тоқсан сайын', 'Ежеквартально', 'Quarterly'),
					option('annual', 'Жыл сайын', 'Ежегодно', 'Annually'),
					option('one_off', 'Біржолғы', 'Единовременно', 'One-off')
				]),
				questionField('statistics_question_text', t('Сұрағыңыз', 'Ваш вопрос', 'Your question'))
			],
			[
				document('application_questionnaire', t('Өтінім-сауалнама', 'Анкета-заявка', 'Application form'), { types: SCAN_OR_TEXT, maxFiles: 3 }),
				document(
					'state_registration_certificate',
					t('Мемлекеттік тіркеу туралы куәлік', 'Свидетельство о государственной регистрации', 'State registration certificate'),
					{ maxFiles: 2 }
				),
				stateRegistrationReference()
			]
		),
		consultantStep()
	];
}

function stateSupportInformation(): StepDefinition[] {
	return [
		applicantStep({ organisation: 'optional', documents: [identityDocument()] }),
		step(
			'project',
			t('Жоба туралы мәліметтер', 'Сведения о проекте', 'About your project'),
			[
				radio('business_status', t('Бизнестің жағдайы', 'Статус бизнеса', 'Business status'), true, [
					option('operating', 'Жұмыс істеп тұрған бизнес', 'Действующий бизнес', 'Already operating'),
					option('planned', 'Жоспарланып отырған бизнес', 'Планируемый бизнес', 'Planned')
				]),
				sectorField(),
				regionField(),
				money(
					'project_cost',
					t('Жобаның болжамды құны, теңге', 'Ориентировочная стоимость проекта, тенге', 'Estimated project cost, tenge'),
					false,
					100_000_000_000
				),
				radio('support_kind', t('Қандай қолдау қызықтырады', 'Какая поддержка интересует', 'Support you are interested in'), true, [
					option('financial', 'Қаржылық (кредит, грант, субсидия)', 'Финансовая (кредит, грант, субсидия)', 'Financial (loan, grant, subsidy)'),
					option(
						'non_financial',
						'Қаржылық емес (оқыту, кеңес, сервистік қолдау)',
						'Нефинансовая (обучение, консультации, сервисная поддержка)',
						'Non-financial (training, advice, services)'
					),
					option('both', 'Екеуі де', 'Обе', 'Both')
				]),
				longText('project_summary', t('Жобаның қысқаша сипаттамасы', 'Краткое описание проекта', 'Brief project description'), true, 2000)
			],
			[
				applicationLetter(),
				document('project_description', t('Жобаның қысқаша сипаттамасы', 'Краткое описание проекта', 'Brief project description'), {
					isRequired: false,
					types: OFFICE,
					maxFiles: 3
				})
			]
		),
		consultantStep()
	];
}

function appealSupportStateBodies(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument(), powerOfAttorney()] }),
		step(
			'appeal',
			t('Өтініштің мәні', 'Суть обращения', 'Subject of the appeal'),
			[
				text('state_body_name', t('Мемлекеттік органның атауы', 'Наименование государственного органа', 'State body'), true, 300),
				select('contested_act_type', t('Не туралы шағымданасыз', 'Что обжалуется', 'What you are challenging'), true, [
					option('decision', 'Шешім', 'Решение', 'A decision'),
					option('refusal', 'Рұқсат беруден немесе қызмет көрсетуден бас тарту', 'Отказ в разрешении или услуге', 'Refusal of a permit or service'),
					option('inspection', 'Тексеру актісі немесе нұсқама', 'Акт проверки или предписание', 'Inspection report or order'),
					option('inaction', 'Әрекетсіздік (жауаптың болмауы)', 'Бездействие (отсутствие ответа)', 'Inaction (no answer)'),
					option('other', 'Басқа', 'Другое', 'Other')
				]),
				text('contested_act_number', t('Актінің немесе хаттың нөмірі', 'Номер акта или письма', 'Number of the act or letter'), false, 50),
				date('contested_act_date', t('Актінің немесе хаттың күні', 'Дата акта или письма', 'Date of the act or letter'), false),
				radio('is_in_court', t('Дау сотта қаралып жатыр ма?', 'Рассматривается ли спор в суде?', 'Is the dispute before a court?'), true, YES_NO, {
					hint: t(
						'Сотта қаралып жатқан дауларды палата сүйемелдемейді',
						'Споры, которые рассматривает суд, палата не сопровождает',
						'The Chamber does not take up disputes that are before a court'
					)
				}),
				longText('appeal_circumstances', t('Мән-жайлар', 'Обстоятельства', 'Circumstances'), true, 2000),
				longText('desired_outcome', t('Қандай нәтиже күтесіз', 'Какого результата вы ожидаете', 'What outcome you seek'), true, 1000)
			]
		),
		step(
			'appeal_documents',
			t('Құжаттар', 'Документы', 'Documents'),
			[],
			[
				applicationLetter(),
				document(
					'state_body_act',
					t(
						'Мемлекеттік органның шешімінің, хатының немесе актісінің көшірмесі',
						'Копия решения, письма или акта государственного органа',
						'Copy of the decision, letter or act of the state body'
					),
					{ maxFiles: 10 }
				),
				document(
					'supporting_evidence',
					t('Өзге де дәлелдер (хат алмасу, фотосуреттер)', 'Иные доказательства (переписка, фотографии)', 'Other evidence (correspondence, photos)'),
					{ isRequired: false, types: ANY, maxFiles: 10 }
				)
			]
		),
		consultantStep()
	];
}

function marketingResearch(): StepDefinition[] {
	return [
		applicantStep(),
		step(
			'research_scope',
			t('Зерттеу параметрлері', 'Параметры исследования', 'Research scope'),
			[
				text('research_product', t('Тауар немесе көрсетілетін қызмет', 'Товар или услуга', 'Product or service'), true, 300),
				text(
					'research_product_code',
					t('СЭҚ ТН немесе ТЖҚ БНА коды (белгілі болса)', 'Код ТН ВЭД или ЕНС ТРУ (если известен)', 'HS or ENS TRU code (if known)'),
					false,
					30
				),
				select('research_goal', t('Зерттеудің мақсаты', 'Цель исследования', 'Purpose of the research'), true, [
					option('new_product', 'Жаңа өнім шығару', 'Выпуск новой продукции', 'Launching a new product'),
					option('new_market', 'Жаңа нарыққа шығу', 'Выход на новый рынок', 'Entering a new market'),
					option('expansion', 'Өндірісті кеңейту', 'Расширение производства', 'Expanding production'),
					option('pricing', 'Баға саясаты', 'Ценовая политика', 'Pricing'),
					option('other', 'Басқа', 'Другое', 'Other')
				]),
				select('research_geography', t('Зерттеу географиясы', 'География исследования', 'Geography'), true, [
					option('kazakhstan', 'Қазақстан тұтастай', 'Казахстан в целом', 'Kazakhstan as a whole'),
					option('region', 'Бір өңір', 'Отдельный регион', 'One region'),
					option('eaeu', 'ЕАЭО елдері', 'Страны ЕАЭС', 'EAEU countries'),
					option('central_asia', 'Орталық Азия елдері', 'Страны Центральной Азии', 'Central Asian countries')
				]),
				regionField('research_region', false),
				select('research_period', t('Талдау кезеңі', 'Период анализа', 'Period analysed'), true, [
					option('one_year', 'Соңғы 1 жыл', 'Последний год', 'The last year'),
					option('three_years', 'Соңғы 3 жыл', 'Последние 3 года', 'The last 3 years'),
					option('five_years', 'Соңғы 5 жыл', 'Последние 5 лет', 'The last 5 years')
				]),
				longText('research_requirements', t('Қосымша талаптар', 'Дополнительные требования', 'Further requirements'), false, 2000)
			]
		),
		step(
			'research_documents',
			t('Құжаттар', 'Документы', 'Documents'),
			[],
			[
				applicationLetter(),
				stateRegistrationReference(),
				document(
					'terms_of_reference',
					t('Зерттеуге арналған техникалық тапсырма', 'Техническое задание на исследование', 'Terms of reference for the research'),
					{ types: OFFICE, maxFiles: 3 }
				)
			]
		),
		consultantStep()
	];
}

function pppContractConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument()] }),
		step(
			'ppp_project',
			t('МҚӘ жобасы', 'Проект ГЧП', 'PPP project'),
			[
				text('ppp_project_name', t('Жобаның атауы', 'Наименование проекта', 'Project name'), true, 300),
				select('ppp_industry', t('Жобаның саласы', 'Отрасль проекта', 'Industry'), true, [
					option('transport', 'Көлік және жол инфрақұрылымы', 'Транспорт и дорожная инфраструктура', 'Transport and roads'),
					option('healthcare', 'Денсаулық сақтау', 'Здравоохранение', 'Healthcare'),
					option('education', 'Білім беру', 'Образование', 'Education'),
					option('utilities', 'Тұрғын үй-коммуналдық шаруашылық', 'Жилищно-коммунальное хозяйство', 'Housing and utilities'),
					option('energy', 'Энергетика', 'Энергетика', 'Energy'),
					option('social', 'Әлеуметтік сала', 'Социальная сфера', 'Social services'),
					option('culture_sport', 'Мәдениет және спорт', 'Культура и спорт', 'Culture and sport'),
					option('other', 'Басқа', 'Другое', 'Other')
				]),
				radio('ppp_level', t('Жобаның деңгейі', 'Уровень проекта', 'Project level'), true, [
					option('local', 'Жергілікті', 'Местный', 'Local'),
					option('republican', 'Республикалық', 'Республиканский', 'National')
				]),
				radio('ppp_initiative', t('Жобаның бастамашысы', 'Инициатор проекта', 'Who initiated the project'), true, [
					option('state', 'Мемлекеттік әріптес', 'Государственный партнер', 'The public partner'),
					option('private', 'Жеке бастама', 'Частная инициатива', 'A private initiative')
				]),
				select('ppp_stage', t('Жобаның дайындық сатысы', 'Стадия готовности проекта', 'Project stage'), true, [
					option('idea', 'Идея', 'Идея', 'Idea'),
					option('concept', 'Тұжырымдама әзірленді', 'Разработана концепция', 'Concept drafted'),
					option('business_plan', 'Бизнес-жоспар әзірленді', 'Разработан бизнес-план', 'Business plan drafted'),
					option('tender', 'Конкурс жарияланды', 'Объявлен конкурс', 'Tender announced'),
					option('negotiation', 'Шарт талаптары келісілуде', 'Согласование условий договора', 'Negotiating the contract')
				]),
				regionField('ppp_region'),
				money(
					'ppp_estimated_cost',
					t('Жобаның болжамды құны, теңге', 'Ориентировочная стоимость проекта, тенге', 'Estimated project cost, tenge'),
					true,
					1_000_000_000_000
				),
				questionField('ppp_question_text', t('Сұрағыңыз', 'Ваш вопрос', 'Your question'))
			]
		),
		step(
			'ppp_documents',
			t('Құжаттар', 'Документы', 'Documents'),
			[],
			[
				applicationLetter(),
				document(
					'project_concept',
					t(
						'Жобаның қысқаша сипаттамасы немесе тұжырымдамасы',
						'Краткое описание или концепция проекта',
						'Brief description or concept of the project'
					),
					{ types: OFFICE, maxFiles: 3 }
				),
				document('tender_documents', t('Конкурстық құжаттама (бар болса)', 'Конкурсная документация (при наличии)', 'Tender documents (if any)'), {
					isRequired: false,
					types: ANY,
					maxFiles: 10
				})
			]
		),
		consultantStep()
	];
}

function publicProcurementConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument()] }),
		step(
			'procurement',
			t('Сатып алу туралы мәліметтер', 'Сведения о закупке', 'About the procurement'),
			[
				radio(
					'is_registered_on_portal',
					t(
						'Мемлекеттік сатып алу веб-порталында тіркелгенсіз бе?',
						'Вы зарегистрированы на веб-портале госзакупок?',
						'Are you registered on the procurement web portal?'
					),
					true,
					YES_NO
				),
				select('procurement_method', t('Сатып алу тәсілі', 'Способ закупки', 'Procurement method'), true, [
					option('tender', 'Конкурс', 'Конкурс', 'Tender'),
					option('auction', 'Аукцион', 'Аукцион', 'Auction'),
					option('price_quotations', 'Баға ұсыныстарын сұрату', 'Запрос ценовых предложений', 'Request for price quotations'),
					option('single_source', 'Бір көзден алу', 'Из одного источника', 'Single source'),
					option('not_chosen', 'Әлі белгісіз', 'Пока не определен', 'Not known yet')
				]),
				text('procurement_number', t('Сатып алу нөмірі (бар болса)', 'Номер закупки (при наличии)', 'Procurement number (if any)'), false, 50),
				text('procurement_customer', t('Тапсырыс берушінің атауы', 'Наименование заказчика', 'Contracting authority'), false, 300),
				questionField('procurement_question_text', t('Сұрағыңыз', 'Ваш вопрос', 'Your question'))
			],
			[
				applicationLetter(),
				document(
					'procurement_notice',
					t(
						'Сатып алу туралы хабарландыру немесе конкурстық құжаттама',
						'Объявление о закупке или конкурсная документация',
						'Procurement notice or tender documents'
					),
					{ isRequired: false, types: ANY, maxFiles: 10 }
				)
			]
		),
		consultantStep()
	];
}

function businessAdviserTraining(): StepDefinition[] {
	return [
		applicantStep({ organisation: 'optional', documents: [identityDocument()] }),
		step(
			'participant',
			t('Қатысушы туралы мәліметтер', 'Сведения об участнике', 'About the participant'),
			[
				date('birth_date', t('Туған күні', 'Дата рождения', 'Date of birth'), true),
				regionField('participant_region'),
				text('settlement', t('Елді мекен', 'Населенный пункт', 'Town or village'), true, 200),
				select('education_level', t('Білімі', 'Образование', 'Education'), true, [
					option('secondary', 'Орта', 'Среднее', 'Secondary'),
					option('vocational', 'Техникалық және кәсіптік', 'Техническое и профессиональное', 'Vocational'),
					option('higher', 'Жоғары', 'Высшее', 'Higher')
				]),
				radio('business_experience', t('Кәсіпкерлік тәжірибе', 'Опыт предпринимательства', 'Business experience'), true, [
					option('none', 'Бизнесім әлі жоқ', 'Бизнеса пока нет', 'No business yet'),
					option('new', 'Бір жылдан аз уақыт бұрын тіркелдім', 'Зарегистрирован менее года назад', 'Registered less than a year ago'),
					option('operating', 'Бизнесім бір жылдан астам жұмыс істейді', 'Бизнес работает больше года', 'Operating for over a year')
				]),
				radio('training_language', t('Оқыту тілі', 'Язык обучения', 'Language of instruction'), true, [
					option('kk', 'Қазақ тілі', 'Казахский язык', 'Kazakh'),
					option('ru', 'Орыс тілі', 'Русский язык', 'Russian')
				]),
				longText('business_idea', t('Бизнес-идеяңыз', 'Ваша бизнес-идея', 'Your business idea'), false, 1000)
			],
			[applicationLetter()]
		),
		consultantStep()
	];
}

function lendingConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument(), stateRegistrationReference()] }),
		step(
			'loan_request',
			t('Кредит бойынша мәліметтер', 'Параметры кредита', 'Loan details'),
			[
				select('loan_purpose', t('Кредиттің мақсаты', 'Цель кредита', 'Purpose of the loan'), true, [
					option('working_capital', 'Айналым қаражатын толықтыру', 'Пополнение оборотных средств', 'Working capital'),
					option('investment', 'Негізгі құралдар сатып алу (инвестиция)', 'Приобретение основных средств (инвестиции)', 'Fixed assets (investment)'),
					option('refinancing', 'Қолданыстағы кредитті қайта қаржыландыру', 'Рефинансирование действующего кредита', 'Refinancing an existing loan')
				]),
				sectorField(),
				regionField(),
				money('loan_amount', t('Кредиттің сомасы, теңге', 'Сумма кредита, тенге', 'Loan amount, tenge'), true, 10_000_000_000),
				number('loan_term_months', t('Кредит мерзімі, ай', 'Срок кредита, месяцев', 'Loan term, months'), true, 1, 120),
				money('own_contribution', t('Меншікті қатысу, теңге', 'Собственное участие, тенге', 'Own contribution, tenge'), false, 10_000_000_000),
				radio('has_collateral', t('Кепіл мүлкі бар ма?', 'Есть ли залоговое имущество?', 'Do you have collateral?'), true, [
					option('yes', 'Иә, жеткілікті', 'Да, достаточно', 'Yes, enough'),
					option('partly', 'Ішінара', 'Частично', 'Partly'),
					option('no', 'Жоқ', 'Нет', 'No')
				]),
				text('preferred_bank', t('Қалаған банк немесе МҚҰ', 'Предпочтительный банк или МФО', 'Preferred bank or microfinance organisation'), false, 200)
			]
		),
		step(
			'loan_documents',
			t('Құжаттар', 'Документы', 'Documents'),
			[],
			[
				applicationLetter(),
				document(
					'business_plan',
					t('Бизнес-жоспар немесе жобаның сипаттамасы', 'Бизнес-план или описание проекта', 'Business plan or project description'),
					{ types: OFFICE, maxFiles: 3 }
				),
				document(
					'financial_statements',
					t('Соңғы жылдағы қаржылық есептілік', 'Финансовая отчетность за последний год', 'Financial statements for the last year'),
					{ isRequired: false, types: ANY, maxFiles: 5 }
				)
			]
		),
		consultantStep()
	];
}

function startupGrant(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument(), stateRegistrationReference()] }),
		step(
			'grant_project',
			t('Бизнес-идея', 'Бизнес-идея', 'Business idea'),
			[
				text('grant_project_name', t('Жобаның атауы', 'Наименование проекта', 'Project name'), true, 200),
				date('business_registration_date', t('Бизнестің тіркелген күні', 'Дата регистрации бизнеса', 'Business registration date'), true, {
					hint: t('Тіркелгеніне үш жылдан аспауы тиіс', 'Должно пройти не более трех лет', 'No more than three years ago')
				}),
				sectorField(),
				regionField(),
				select('applicant_category', t('Өтініш беруші санаты', 'Категория заявителя', 'Applicant category'), false, [
					option('youth', 'Жастар (35 жасқа дейін)', 'Молодежь (до 35 лет)', 'Young person (under 35)'),
					option('women', 'Әйел кәсіпкер', 'Женщина-предприниматель', 'Woman entrepreneur'),
					option('disability', 'Мүгедектігі бар адам', 'Лицо с инвалидностью', 'Person with a disability'),
					option('none', 'Ешқайсысы емес', 'Ни одна из перечисленных', 'None of these')
				]),
				longText(
					'grant_project_description',
					t('Жобаның сипаттамасы және жаңалығы', 'Описание проекта и его новизна', 'Project description and what is new about it'),
					true,
					2000
				),
				number('new_jobs', t('Құрылатын жұмыс орындарының саны', 'Количество создаваемых рабочих мест', 'Jobs to be created'), true, 0, 1000),
				number('payback_months', t('Өтелу мерзімі, ай', 'Срок окупаемости, месяцев', 'Payback period, months'), true, 1, 120)
			],
			[
				applicationLetter(),
				document(
					'training_certificate',
					t(
						'Бизнес негіздері бойынша оқудан өткені туралы сертификат',
						'Сертификат об обучении основам предпринимательства',
						'Certificate of business-basics training'
					),
					{ maxFiles: 2 }
				)
			]
		),
		step(
			'grant_budget',
			t('Грант қаражатын жұмсау жоспары', 'План расходования гранта', 'Grant spending plan'),
			[
				money(
					'grant_amount_requested',
					t('Сұралатын грант сомасы, теңге', 'Запрашиваемая сумма гранта, тенге', 'Grant amount requested, tenge'),
					true,
					10_000_000
				),
				money('own_funds', t('Меншікті қаражат, теңге', 'Собственные средства, тенге', 'Own funds, tenge'), true, 100_000_000),
				table(
					'grant_spending',
					t('Шығыстар', 'Расходы', 'Spending'),
					true,
					[
						text('spending_item', t('Шығыс бабы', 'Статья расходов', 'Item'), true, 200, {
							hint: t('Мысалы: жабдық, шикізат, жалдау', 'Например: оборудование, сырье, аренда', 'E.g. equipment, raw materials, rent')
						}),
						money('planned_amount', t('Сомасы, теңге', 'Сумма, тенге', 'Amount, tenge'), true, 100_000_000)
					],
					{ maxRows: 30, totalColumns: ['planned_amount'] }
				)
			],
			[
				document('business_plan', t('Бизнес-жоспар', 'Бизнес-план', 'Business plan'), { types: OFFICE, maxFiles: 3 }),
				document(
					'own_funds_proof',
					t('Өз қаражатының бар екенін растайтын құжат', 'Документ, подтверждающий наличие собственных средств', 'Proof of own funds'),
					{ maxFiles: 5 }
				)
			]
		),
		consultantStep()
	];
}

function equipmentLeasingConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument()] }),
		step(
			'equipment',
			t('Жабдық туралы мәліметтер', 'Сведения об оборудовании', 'About the equipment'),
			[
				text('equipment_type', t('Жабдықтың немесе техниканың түрі', 'Вид оборудования или техники', 'Type of equipment or machinery'), true, 300),
				radio('equipment_condition', t('Жабдықтың жай-күйі', 'Состояние оборудования', 'Condition'), true, [
					option('new', 'Жаңа', 'Новое', 'New'),
					option('used', 'Пайдаланылған', 'Бывшее в употреблении', 'Used')
				]),
				text('supplier_name', t('Жеткізуші', 'Поставщик', 'Supplier'), false, 200),
				text('supplier_country', t('Жеткізушінің елі', 'Страна поставщика', 'Supplier\'s country'), false, 100),
				money('equipment_cost', t('Болжамды құны, теңге', 'Ориентировочная стоимость, тенге', 'Estimated cost, tenge'), true, 10_000_000_000),
				number('advance_percent', t('Аванстық төлем, %', 'Авансовый платеж, %', 'Advance payment, %'), false, 0, 100),
				number('lease_term_months', t('Лизинг мерзімі, ай', 'Срок лизинга, месяцев', 'Lease term, months'), false, 6, 120),
				regionField()
			],
			[
				applicationLetter(),
				document(
					'supplier_quotation',
					t(
						'Жабдық жеткізушінің коммерциялық ұсынысы',
						'Коммерческое предложение поставщика оборудования',
						'Supplier\'s quotation for the equipment'
					),
					{ isRequired: false, types: ANY, maxFiles: 5 }
				)
			]
		),
		consultantStep()
	];
}

function businessExpressAudit(): StepDefinition[] {
	return [
		applicantStep({ documents: [stateRegistrationReference()] }),
		step(
			'company_profile',
			t('Кәсіпорын туралы мәліметтер', 'Сведения о предприятии', 'Company profile'),
			[
				sectorField(),
				regionField(),
				date('registration_date', t('Тіркелген күні', 'Дата регистрации', 'Registration date'), true, {
					hint: t(
						'Кәсіпорын кемінде бір жыл жұмыс істеуі тиіс',
						'Предприятие должно работать не менее года',
						'The company must have operated for at least a year'
					)
				}),
				number('employees_count', t('Жұмыскерлер саны', 'Численность работников', 'Number of employees'), true, 0, 100_000),
				money(
					'annual_revenue',
					t('Соңғы жылдағы кіріс, теңге', 'Доход за последний год, тенге', 'Revenue for the last year, tenge'),
					true,
					1_000_000_000_000
				),
				select('main_concern', t('Негізгі мәселе', 'Основная проблема', 'Main concern'), true, [
					option('high_costs', 'Шығындардың жоғары болуы', 'Высокие затраты', 'High costs'),
					option('cash_gaps', 'Қаражат тапшылығы', 'Кассовые разрывы', 'Cash-flow gaps'),
					option('low_margin', 'Табыстылықтың төмендігі', 'Низкая рентабельность', 'Low margins'),
					option('tax_risks', 'Салық тәуекелдері', 'Налоговые риски', 'Tax risks'),
					option('other', 'Басқа', 'Другое', 'Other')
				]),
				longText('concern_description', t('Мәселенің сипаттамасы', 'Описание проблемы', 'Describe the concern'), false, 2000)
			]
		),
		step(
			'financial_documents',
			t('Қаржылық құжаттар', 'Финансовые документы', 'Financial documents'),
			[number('reporting_year', t('Есептілік жылы', 'Отчетный год', 'Reporting year'), true, 2000, 2100)],
			[
				applicationLetter(),
				document(
					'financial_statements',
					t('Соңғы жылдағы қаржылық есептілік', 'Финансовая отчетность за последний год', 'Financial statements for the last year'),
					{ types: ANY, maxFiles: 5 }
				),
				document('cost_breakdown', t('Шығындардың баптар бойынша жіктемесі', 'Расшифровка затрат по статьям', 'Breakdown of costs by item'), {
					isRequired: false,
					types: OFFICE,
					maxFiles: 3
				})
			]
		),
		consultantStep()
	];
}

function businessPlanConsulting(): StepDefinition[] {
	return [
		applicantStep({ organisation: 'optional', documents: [identityDocument()] }),
		step(
			'business_plan_project',
			t('Жоба және бизнес-жоспар', 'Проект и бизнес-план', 'Project and business plan'),
			[
				text('bp_project_name', t('Жобаның атауы', 'Наименование проекта', 'Project name'), true, 200),
				sectorField(),
				select('bp_purpose', t('Бизнес-жоспар кімге арналған', 'Для кого готовится бизнес-план', 'Who the plan is for'), true, [
					option('bank', 'Банк немесе МҚҰ', 'Банк или МФО', 'A bank or microfinance organisation'),
					option(
						'state_programme',
						'Мемлекеттік бағдарлама немесе даму институты',
						'Государственная программа или институт развития',
						'A state programme or development institution'
					),
					option('investor', 'Инвестор', 'Инвестор', 'An investor'),
					option('grant', 'Грант конкурсы', 'Конкурс на грант', 'A grant competition'),
					option('internal', 'Ішкі жоспарлау', 'Внутреннее планирование', 'Internal planning')
				]),
				radio('bp_stage', t('Бизнес-жоспардың дайындығы', 'Готовность бизнес-плана', 'State of the plan'), true, [
					option('idea', 'Тек идея бар', 'Есть только идея', 'Only an idea'),
					option('draft', 'Жобасы дайын', 'Есть проект', 'A draft exists')
				]),
				money(
					'bp_project_cost',
					t('Жобаның болжамды құны, теңге', 'Ориентировочная стоимость проекта, тенге', 'Estimated project cost, tenge'),
					false,
					100_000_000_000
				),
				longText(
					'bp_help_needed',
					t('Қандай бөлімдер бойынша көмек қажет', 'С какими разделами нужна помощь', 'Which sections you need help with'),
					true,
					2000
				)
			],
			[
				applicationLetter(),
				document(
					'project_brief',
					t('Жобаның қысқаша сипаттамасы', 'Краткое описание проекта', 'Brief project description'),
					{ types: OFFICE, maxFiles: 3 }
				),
				document('draft_business_plan', t('Бизнес-жоспардың жобасы (бар болса)', 'Проект бизнес-плана (при наличии)', 'Draft business plan (if any)'), {
					isRequired: false,
					types: OFFICE,
					maxFiles: 3
				})
			]
		),
		consultantStep()
	];
}

function businessInsuranceConsultation(): StepDefinition[] {
	return [
		applicantStep({ documents: [identityDocument()] }),
		step(
			'insurance_needs',
			t('Сақтандыру қажеттілігі', 'Потребность в страховании', 'Insurance needs'),
			[
				text('insured_activity', t('Қызмет түрі', 'Вид деятельности', 'Line of business'), true, 300),
				select('insurance_object', t('Нені сақтандырғыңыз келеді', 'Что вы хотите застраховать', 'What you want to insure'), true, [
					option('property', 'Мүлік', 'Имущество', 'Property'),
					option('liability', 'Азаматтық-құқықтық жауапкершілік', 'Гражданско-правовая ответственность', 'Civil liability'),
					option('employees', 'Жұмыскерлерді жазатайым оқиғалардан', 'Работников от несчастных случаев', 'Employees against accidents'),
					option('export_credit', 'Экспорттық келісімшарттар мен кредиттер', 'Экспортные контракты и кредиты', 'Export contracts and credits'),
					option('cargo', 'Жүк', 'Груз', 'Cargo'),
					option('other', 'Басқа', 'Другое', 'Other')
				]),
				money(
					'insured_value',
					t(
						'Сақтандырылатын объектінің болжамды құны, теңге',
						'Ориентировочная стоимость объекта страхования, тенге',
						'Estimated value insured, tenge'
					),
					false,
					100_000_000_000
				),
				radio(
					'has_current_insurance',
					t('Қазір сақтандыру шарты бар ма?', 'Есть ли действующий договор страхования?', 'Do you have an insurance contract now?'),
					true,
					YES_NO
				),
				questionField('insurance_question_text', t('Сұрағыңыз', 'Ваш вопрос', 'Your question'))
			],
			[
				applicationLetter(),
				document(
					'insured_property_list',
					t('Сақтандырылатын мүліктің тізбесі', 'Перечень имущества, подлежащего страхованию', 'List of property to be insured'),
					{ isRequired: false, types: OFFICE, maxFiles: 3 }
				)
			]
		),
		consultantStep()
	];
}

function exportPromotion(): StepDefinition[] {
	return [
		applicantStep({ documents: [stateRegistrationReference()] }),
		step(
			'export_products',
			t('Өнім және мақсатты нарықтар', 'Продукция и целевые рынки', 'Products and target markets'),
			[
				table(
					'export_goods',
					t('Ұсынылатын өнім', 'Предлагаемая продукция', 'Products offered'),
					true,
					[
						text('export_product_name', t('Өнімнің атауы', 'Наименование продукции', 'Product'), true, 200),
						text('export_hs_code', t('СЭҚ ТН коды (белгілі болса)', 'Код ТН ВЭД (если известен)', 'HS code (if known)'), false, 13),
						text(
							'annual_capacity',
							t('Жылдық өндіріс қуаты (өлшем бірлігімен)', 'Годовая мощность производства (с единицей измерения)', 'Annual capacity (with unit)'),
							false,
							100
						)
					],
					{ maxRows: 20 }
				),
				text('target_countries', t('Мақсатты елдер немесе нарықтар', 'Целевые страны или рынки', 'Target countries or markets'), true, 300),
				select('export_support_format', t('Қандай көмек қажет', 'Какая помощь нужна', 'Help you need'), true, [
					option('potential_assessment', 'Экспорттық әлеуетті бағалау', 'Оценка экспортного потенциала', 'Assessing export potential'),
					option('buyer_search', 'Сатып алушыларды іздеу', 'Поиск покупателей', 'Finding buyers'),
					option('trade_mission', 'Сауда миссиясына қатысу', 'Участие в торговой миссии', 'Joining a trade mission'),
					option('exhibition', 'Көрмеге қатысу', 'Участие в выставке', 'Taking part in an exhibition'),
					option(
						'retail_marketplaces',
						'Сауда желілері мен маркетплейстерге шығу',
						'Выход в торговые сети и на маркетплейсы',
						'Getting into retail chains and marketplaces'
					)
				]),
				radio('has_export_experience', t('Экспорт тәжірибесі бар ма?', 'Есть ли опыт экспорта?', 'Have you exported before?'), true, YES_NO),
				text('company_website', t('Кәсіпорынның сайты', 'Сайт предприятия', 'Company website'), false, 200)
			],
			[
				applicationLetter(),
				document(
					'product_catalogue',
					t(
						'Өнім каталогы немесе кәсіпорынның презентациясы',
						'Каталог продукции или презентация предприятия',
						'Product catalogue or company presentation'
					),
					{ types: SCAN_OR_TEXT, maxFiles: 5 }
				),
				document(
					'conformity_certificates',
					t(
						'Өнімнің сәйкестік сертификаттары (бар болса)',
						'Сертификаты соответствия на продукцию (при наличии)',
						'Product conformity certificates (if any)'
					),
					{ isRequired: false, maxFiles: 10 }
				)
			]
		),
		consultantStep()
	];
}

function localisationProjectOffice(): StepDefinition[] {
	return [
		companyStep({ documents: [applicationLetter(), stateRegistrationReference()] }),
		step(
			'localisation_project',
			t('Локализация жобасы', 'Проект локализации', 'Localisation project'),
			[
				text('localisation_project_name', t('Жобаның атауы', 'Наименование проекта', 'Project name'), true, 300),
				radio('production_base', t('Өндірістік база', 'Производственная база', 'Production facility'), true, [
					option('existing', 'Бар', 'Имеется', 'We have one'),
					option('planned', 'Құру жоспарланған', 'Планируется создать', 'We plan to set one up')
				]),
				text('production_site', t('Өндірістік алаңның мекенжайы', 'Адрес производственной площадки', 'Production site address'), false, 300),
				money('investment_amount', t('Инвестиция көлемі, теңге', 'Объем инвестиций, тенге', 'Investment, tenge'), true, 1_000_000_000_000),
				number('localisation_new_jobs', t('Жаңа жұмыс орындары', 'Новые рабочие места', 'New jobs'), false, 0, 10_000),
				date(
					'planned_launch_date',
					t('Өндірісті іске қосудың жоспарлы күні', 'Планируемая дата запуска производства', 'Planned start of production'),
					false
				),
				longText('target_customers', t('Әлеуетті тапсырыс берушілер', 'Потенциальные заказчики', 'Potential customers'), false, 1000, {
					hint: t(
						'Жер қойнауын пайдаланушылар, ұлттық компаниялар және өзге ірі сатып алушылар',
						'Недропользователи, национальные компании и другие крупные покупатели',
						'Subsoil users, national companies and other large buyers'
					)
				})
			],
			[
				document(
					'project_passport',
					t('Жобаның паспорты немесе сипаттамасы', 'Паспорт или описание проекта', 'Project passport or description'),
					{ types: OFFICE, maxFiles: 3 }
				)
			]
		),
		step(
			'planned_goods',
			t('Өндіру жоспарланған тауарлар', 'Товары, планируемые к производству', 'Goods planned for production'),
			[
				table(
					'planned_goods_items',
					t('Тауарлар', 'Товары', 'Goods'),
					true,
					[
						text('planned_goods_name', t('Тауардың атауы', 'Наименование товара', 'Product'), true, 200),
						text('planned_goods_code', t('СЭҚ ТН немесе ТЖҚ БНА коды', 'Код ТН ВЭД или ЕНС ТРУ', 'HS or ENS TRU code'), false, 30),
						number('planned_annual_volume', t('Жылдық көлемі', 'Годовой объем', 'Annual volume'), true, 0, 1_000_000_000),
						text('volume_unit', t('Өлшем бірлігі', 'Единица измерения', 'Unit'), true, 30)
					],
					{ maxRows: 50 }
				)
			],
			[
				document(
					'planned_goods_list',
					t('Өндіру жоспарланған тауарлардың тізбесі', 'Перечень товаров, которые планируется производить', 'List of goods planned for production'),
					{ types: OFFICE, maxFiles: 3 }
				)
			]
		),
		consultantStep()
	];
}

function cvBusinessConsultant(): StepDefinition[] {
	const languageLevels: FieldOption[] = [
		option('fluent', 'Еркін', 'Свободно', 'Fluent'),
		option('intermediate', 'Орташа', 'Средне', 'Intermediate'),
		option('basic', 'Бастапқы', 'Начальный уровень', 'Basic')
	];
	return [
		applicantStep({ organisation: 'none' }),
		step(
			'candidate',
			t('Үміткер туралы мәліметтер', 'Сведения о кандидате', 'About you'),
			[
				radio('desired_position', t('Қандай лауазымға үміткерсіз', 'На какую должность вы претендуете', 'Position you are applying for'), true, [
					option('consultant', 'Менеджер-кеңесші', 'Менеджер-консультант', 'Business consultant'),
					option('trainer', 'Бизнес-тренер', 'Бизнес-тренер', 'Business trainer')
				]),
				regionField('candidate_region'),
				select('degree', t('Білім деңгейі', 'Уровень образования', 'Degree'), true, [
					option('bachelor', 'Бакалавр', 'Бакалавр', 'Bachelor\'s'),
					option('specialist', 'Жоғары білім (маман)', 'Высшее (специалитет)', 'Specialist (five-year) degree'),
					option('master', 'Магистр', 'Магистр', 'Master\'s'),
					option('doctorate', 'PhD доктор немесе ғылым кандидаты', 'Доктор PhD или кандидат наук', 'PhD or candidate of sciences')
				]),
				text('speciality', t('Мамандығы', 'Специальность', 'Field of study'), true, 200),
				number(
					'consulting_experience_years',
					t('Кеңес беру тәжірибесі, жыл', 'Опыт консультирования, лет', 'Consulting experience, years'),
					true,
					0,
					60
				),
				number(
					'industry_experience_years',
					t('Бейінді саладағы тәжірибе, жыл', 'Опыт работы в профильной сфере, лет', 'Experience in a relevant field, years'),
					true,
					0,
					60
				),
				radio('kazakh_level', t('Қазақ тілін меңгеруі', 'Владение казахским языком', 'Kazakh'), true, languageLevels),
				radio('russian_level', t('Орыс тілін меңгеруі', 'Владение русским языком', 'Russian'), true, languageLevels),
				longText('cover_letter', t('Ілеспе хат', 'Сопроводительное письмо', 'Cover letter'), false, 2000),
				checkbox(
					'personal_data_consent',
					t(
						'Дербес деректерімді іріктеу мақсатында өңдеуге келісемін',
						'Согласен на обработку моих персональных данных в целях отбора',
						'I agree to my personal data being processed for the selection'
					),
					true
				)
			]
		),
		step(
			'candidate_documents',
			t('Құжаттар', 'Документы', 'Documents'),
			[],
			[
				document('cv', t('Түйіндеме', 'Резюме', 'CV'), { types: SCAN_OR_TEXT, maxFiles: 1 }),
				identityDocument(),
				document(
					'higher_education_diploma',
					t('Жоғары білім туралы диплом', 'Диплом о высшем образовании', 'Higher education diploma'),
					{ maxFiles: 5 }
				),
				document(
					'work_experience_proof',
					t('Еңбек қызметін растайтын құжат', 'Документ, подтверждающий трудовую деятельность', 'Proof of work experience'),
					{ maxFiles: 10 }
				),
				document('trainer_certificate', t('Бизнес-тренер сертификаты', 'Сертификат бизнес-тренера', 'Business trainer certificate'), {
					isRequired: false,
					maxFiles: 5
				})
			]
		),
		consultantStep()
	];
}

// ---------------------------------------------------------------------------------------------
// The forms, by service slug
// ---------------------------------------------------------------------------------------------

export const formDefinitions: Record<string, StepDefinition[]> = {
	'accounting-tax-consultation': accountingTaxConsultation(),
	'legal-consultation': legalConsultation(),
	'customs-declaration-assistance': customsDeclarationAssistance(),
	'statistical-reporting-consultation': statisticalReportingConsultation(),
	'state-support-information': stateSupportInformation(),
	'appeal-support-state-bodies': appealSupportStateBodies(),
	'marketing-research': marketingResearch(),
	'ppp-contract-consultation': pppContractConsultation(),
	'public-procurement-consultation': publicProcurementConsultation(),
	'business-adviser-training': businessAdviserTraining(),
	'lending-consultation': lendingConsultation(),
	'startup-grant': startupGrant(),
	'nadloc-promotion-reimbursement': nadlocPromotionReimbursement(),
	'foreign-worker-competence-reimbursement': foreignWorkerCompetenceReimbursement(),
	'equipment-leasing-consultation': equipmentLeasingConsultation(),
	'business-express-audit': businessExpressAudit(),
	'business-plan-consulting': businessPlanConsulting(),
	'business-insurance-consultation': businessInsuranceConsultation(),
	'export-promotion': exportPromotion(),
	'localisation-project-office': localisationProjectOffice(),
	'cv-business-consultant': cvBusinessConsultant()
};
