// The catalogue, a procedure's own form, its fee and online payment: an applicant files a shop
// opening declaration (an economic authorisation) from the public catalogue, sees the fee its
// sales area leads to, submits, pays on the development provider's page and comes back to the
// payment received; the desk then finds the dossier among the paid ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { makePlanFiles } from '../fixtures/plans.js';
import { api, apiLogin, uploadVersion } from '../lib/api.js';
import { BASE_URL, launchBrowser, logIn, screenshot, withPage } from '../lib/browser.js';

const APPLICANT = 'applicant@demo.urbadesk.org';
const DESK = 'agent@demo.urbadesk.org';
const SHOP = "Déclaration d'ouverture de commerce";
const RUN_ID = `${Date.now().toString(36)}-${process.pid}`;
// 150 m² × 10,00 MAD, between the minimum (200) and the maximum (5 000).
const FEE = /1\s500,00\sMAD/;

describe('fees and online payment', () => {
  let browser;
  let files;
  before(async () => {
    files = makePlanFiles();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    files?.cleanup();
  });

  test('an applicant files an economic authorisation, sees the fee, pays; the desk sees it paid', async (t) => {
    const title = `Épicerie fine ${RUN_ID}`;
    let dossierId = '';
    let reference = '';

    await withPage(browser, t.name, async ({ page }) => {
      await logIn(page, APPLICANT);

      // The public catalogue: the procedure, its documents and its fee rule.
      await page.goto(`${BASE_URL}/procedures`);
      const card = page.getByRole('article', { name: new RegExp(SHOP) });
      await card.waitFor();
      assert.match(await card.getByTestId('procedure-fee').textContent(), /10,00\sMAD par m²/);
      await card.getByText('Extrait du registre du commerce').waitFor();
      await screenshot(page, 'payment-catalogue');
      await card.getByRole('link', { name: /Déposer un dossier/ }).click();

      // The new-dossier form with the procedure chosen, its own fields, the fee as they change.
      const form = page.getByTestId('new-dossier-form');
      await form.getByTestId('procedure-form').waitFor();
      await form.getByLabel('Intitulé du projet').fill(title);
      await form.getByLabel('Adresse du terrain').fill('3 rue de Fès, Casablanca');
      await form.getByLabel('Enseigne commerciale').fill('Les Délices');
      await form.getByLabel('Activité', { exact: true }).selectOption('retail');
      await form.getByLabel('Surface de vente (m²)').fill('150');
      await page.waitForFunction(
        (pattern) => new RegExp(pattern).test(document.querySelector('[data-testid="fee-amount"]')?.textContent ?? ''),
        FEE.source,
      );
      await screenshot(page, 'payment-new-dossier-fee');
      await form.getByRole('button', { name: 'Créer le dossier' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      dossierId = page.url().split('/dossiers/')[1].split(/[?#]/)[0];
      reference = (await page.getByTestId('dossier-reference').textContent())?.trim() ?? '';
      await page.getByTestId('procedure-answers').getByText('Commerce de détail').waitFor();

      // A plan, through the API (the upload journey covers the browser's side of it).
      const token = await apiLogin(APPLICANT);
      const plan = await api(token, 'POST', `/api/v1/dossiers/${dossierId}/plans/`, {
        kind: 'site',
        title: 'Plan du local',
      });
      await uploadVersion(token, plan.id, readFileSync(files.landscapePdf), 'plan-du-local.pdf');

      // Submitting shows the fee it will owe; once submitted, it is owed.
      await page.reload();
      await page.getByRole('button', { name: 'Déposer le dossier' }).click();
      const confirm = page.getByTestId('submit-confirm');
      await confirm.getByTestId('fee-amount').filter({ hasText: FEE }).waitFor();
      await confirm.getByRole('button', { name: 'Confirmer le dépôt' }).click();
      const panel = page.getByTestId('payments-panel');
      await panel.waitFor();
      assert.match(await panel.getByTestId('dossier-fee').textContent(), FEE);
      await panel.locator('[data-payment-status="unpaid"]').waitFor();

      // Pay on the development provider's page, and come back to the payment received.
      await panel.getByRole('button', { name: 'Payer en ligne' }).click();
      await page.waitForURL(/\/payments\/dev\/checkout\//);
      assert.equal((await page.getByTestId('dossier').textContent())?.trim(), reference);
      await screenshot(page, 'payment-dev-provider');
      await page.locator('button[value="pay"]').click();
      await page.waitForURL(new RegExp(`/dossiers/${dossierId}\\?payment=`));
      await page.getByTestId('payment-return').filter({ hasText: 'Paiement reçu.' }).waitFor({ timeout: 30_000 });
      await page.getByTestId('payments-panel').locator('[data-payment-status="paid"]').first().waitFor();
      await page.getByTestId('payment-row').getByRole('button', { name: /Reçu du paiement/ }).waitFor();
      await screenshot(page, 'payment-received');
    });

    await withPage(browser, `${t.name} (desk)`, async ({ page }) => {
      await logIn(page, DESK);
      await page.goto(`${BASE_URL}/dossiers?payment_status=paid&search=${encodeURIComponent(RUN_ID)}`);
      const row = page.getByTestId('dossier-row').filter({ hasText: reference });
      await row.waitFor();
      await row.locator('[data-payment-status="paid"]').waitFor();
      assert.equal(await page.getByLabel('Paiement', { exact: true }).inputValue(), 'paid');

      await page.goto(`${BASE_URL}/dossiers?payment_status=unpaid&search=${encodeURIComponent(RUN_ID)}`);
      await page.getByText('Aucun dossier ne correspond.').waitFor();
      await screenshot(page, 'payment-desk-paid');
    });
  });
});
