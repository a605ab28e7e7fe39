import { expect, test, type Page } from '@playwright/test';
import { saveScreens } from './support/checks.ts';
import { disguisedHtml, pdfFile } from './support/files.ts';
import { signUp, uniqueBin, uniqueMobile } from './support/people.ts';

// The whole journey runs without JavaScript: forms post, files go with «Сохранить», pages re-render.
// (axe needs JavaScript in the page; the same pages are checked by it in the other journeys.)
test.use({ javaScriptEnabled: false });

async function registerCompany(page: Page, bin: string, phone: string) {
	await signUp(page, { kind: 'legal_entity', organisationName: 'ТОО «Дала Экспорт»', iin: bin, lastName: 'Ахметов', firstName: 'Ерлан', email: `info-${bin}@dala.kz`, phone });
	await page.goto('/ru');
}

async function save(page: Page, dialog = 'Данные сохранены') {
	await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
	await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
}

test('a legal entity applies for the NADLoC subsidy without JavaScript: tables with totals, documents, send', async ({ page }) => {
	test.setTimeout(180_000);
	const bin = uniqueBin();
	const phone = uniqueMobile();
	await registerCompany(page, bin, phone);

	await page.goto('/ru/services/nadloc-promotion-reimbursement');
	await page.getByRole('button', { name: 'Заказать услугу' }).click();
	await expect(page).toHaveURL(/\/ru\/applications\/[\d-]+\/steps\/company$/);
	const number = /applications\/([^/]+)\//.exec(page.url())![1]!;
	await expect(page.getByLabel('Наименование предприятия')).toHaveValue('ТОО «Дала Экспорт»');
	await expect(page.getByLabel('БИН (для ИП — ИИН)')).toHaveValue(bin);
	await expect(page.getByLabel('ФИО контактного лица')).toHaveValue('Ахметов Ерлан');

	await expect(page.getByText('Выбранные файлы загружаются при нажатии «Сохранить».').first()).toBeVisible();
	// Incomplete step without JavaScript: the message shows in place, fields are outlined, input is kept.
	await page.getByLabel('Юридический адрес').fill('г. Астана, ул. Кунаева, 8');
	await page.getByLabel('Заявка по установленной форме').first().setInputFiles(disguisedHtml('заявка.pdf'));
	await save(page, 'Заполните обязательные поля');
	await expect(page.getByRole('alert').filter({ hasText: 'Регион' })).toBeVisible();
	await expect(page.getByText('Этот тип файла не принимается').first()).toBeVisible();
	await expect(page.getByLabel('Юридический адрес')).toHaveValue('г. Астана, ул. Кунаева, 8');
	await expect(page.getByLabel('Регион')).toHaveAttribute('aria-invalid', 'true');
	await saveScreens(page, 'nadloc-company-incomplete-ru');

	await page.getByLabel('Регион').selectOption({ label: 'город Астана' });
	await page.getByLabel('Код ОКЭД основного вида деятельности').fill('25.11.0');
	await page.getByLabel(/Выберите файл: Заявка по установленной форме/).setInputFiles(pdfFile('заявка.pdf'));
	await page.getByLabel(/Выберите файл: Справка о государственной регистрации/).setInputFiles(pdfFile('справка.pdf'));
	await save(page);
	await expect(page.getByRole('link', { name: 'заявка.pdf' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Сведения о предприятии \(заполнен\)/ })).toBeVisible();

	await page.getByRole('link', { name: /Продвигаемые товары/ }).first().click();
	await page.getByRole('textbox', { name: 'Наименование товара, работы или услуги 1' }).fill('Металлоконструкции');
	await page.getByRole('textbox', { name: 'Код ТН ВЭД или ЕНС ТРУ 1' }).fill('7308');
	await page.getByRole('combobox', { name: 'Регион продвижения 1' }).selectOption({ index: 1 });
	await page.getByRole('combobox', { name: 'Способ продвижения 1' }).selectOption({ index: 1 });
	await page.getByLabel(/Выберите файл: Сертификат о происхождении/).setInputFiles(pdfFile('ст-kz.pdf'));
	await save(page);

	// Expenses: two rows through «Добавить строку», the total under the amounts.
	await page.getByRole('link', { name: /Затраты на продвижение/ }).first().click();
	await page.getByRole('combobox', { name: 'Статья затрат 1' }).selectOption({ index: 1 });
	await page.getByRole('textbox', { name: 'Контрагент 1' }).fill('ТОО «Экспо»');
	await page.getByRole('textbox', { name: 'Номер подтверждающего документа 1' }).fill('15');
	await page.getByRole('textbox', { name: 'Дата документа 1' }).fill('2026-03-01');
	await page.getByRole('textbox', { name: 'Сумма, тенге 1' }).fill('1 250 000,50');
	await page.getByRole('button', { name: 'Добавить строку' }).click();
	await page.getByRole('combobox', { name: 'Статья затрат 2' }).selectOption({ index: 2 });
	await page.getByRole('textbox', { name: 'Контрагент 2' }).fill('ТОО «Медиа»');
	await page.getByRole('textbox', { name: 'Номер подтверждающего документа 2' }).fill('16');
	await page.getByRole('textbox', { name: 'Дата документа 2' }).fill('2026-03-02');
	await page.getByRole('textbox', { name: 'Сумма, тенге 2' }).fill('749999.5');
	await page.getByLabel(/Подтверждаю, что указанные затраты/).check();
	for (const document of ['Договоры с контрагентами', 'Счета-фактуры', 'Акты выполненных работ', 'Платежные поручения']) {
		await page.getByLabel(new RegExp(`Выберите файл: ${document}`)).setInputFiles(pdfFile(`${document}.pdf`));
	}
	await save(page);
	await expect(page.getByText(/Итого \(Сумма, тенге\):/)).toContainText('2 000 000,00');
	await saveScreens(page, 'nadloc-expenses-ru');

	await page.getByRole('link', { name: /Банковские реквизиты/ }).first().click();
	await page.getByLabel('Наименование банка').fill('АО «Halyk Bank»');
	await page.getByLabel('БИК банка').fill('HSBKKZKX');
	await page.getByLabel('ИИК счета (IBAN)').fill('KZ86 6010 0020 0012 3456');
	await page.getByLabel('Код бенефициара (КБе)').fill('17');
	await page.getByLabel(/Выберите файл: Справка банка/).setInputFiles(pdfFile('справка-банка.pdf'));
	await save(page, 'Заполните обязательные поля');
	await expect(page.getByRole('alert').filter({ hasText: 'ИИК счета (IBAN): В номере счёта ошибка: проверьте цифры' })).toBeVisible();
	await page.getByLabel('ИИК счета (IBAN)').fill('kz75 6010 0020 0012 3456');
	await save(page);
	await expect(page.getByLabel('ИИК счета (IBAN)')).toHaveValue('KZ756010002000123456');

	await page.getByRole('link', { name: /Задайте вопрос консультанту/ }).first().click();
	await page.getByLabel('Ваш вопрос').fill('Нужны ли оригиналы платёжных поручений?');
	await page.getByRole('button', { name: 'Отправить' }).click();
	await expect(page.getByRole('dialog', { name: 'Заявка отправлена' })).toContainText(number);
	await expect(page.getByText('2 000 000,00')).toBeVisible();
	await saveScreens(page, 'nadloc-sent-ru');

	// The same application in Kazakh, read-only, in the list of the BIN.
	await page.goto('/applications');
	await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Орындаушы анықталуда');
	await page.goto(`/applications/${number}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Сақтау' })).toHaveCount(0);
	// A draft's step URL of a sent application leads back to the read-only page.
	await page.goto(`/ru/applications/${number}/steps/company`);
	await expect(page).toHaveURL(new RegExp(`/ru/applications/${number}$`));

	// A second order stays a draft: listed as not sent, then deleted after a confirmation.
	await page.goto('/ru/services/statistical-reporting-consultation');
	await page.getByRole('button', { name: 'Заказать услугу' }).click();
	const draft = /applications\/([^/]+)\//.exec(page.url())![1]!;
	await page.goto('/ru/applications?status=draft');
	const row = page.getByRole('row').filter({ hasText: draft });
	await expect(row).toContainText('Не отправлена');
	await expect(row).toContainText('Исполнитель определяется');
	await expect(page.getByRole('row').filter({ hasText: number })).toHaveCount(0);
	await row.getByRole('link', { name: `Удалить ${draft}` }).click();
	await expect(page.getByRole('heading', { name: `Удалить черновик № ${draft}?` })).toBeVisible();
	await page.getByRole('button', { name: 'Да, удалить' }).click();
	await expect(page.getByRole('status')).toContainText(`Черновик № ${draft} удалён.`);
	await expect(page.getByRole('row').filter({ hasText: draft })).toHaveCount(0);
	await page.goto(`/ru/applications/${draft}`);
	await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();

	// The sent application is withdrawn from My applications, in Kazakh, after its confirmation page.
	await page.goto('/applications');
	await page.getByRole('row').filter({ hasText: number }).getByRole('link', { name: `Кері қайтарып алу ${number}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`№ ${number} өтінімді кері қайтарып алу керек пе?`);
	await page.getByRole('button', { name: 'Иә, кері қайтарып алу' }).click();
	await expect(page).toHaveURL(new RegExp(`/applications/${number}$`));
	await page.goto('/applications');
	await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Кері қайтарып алынды');
});
