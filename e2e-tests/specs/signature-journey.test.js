// Zero paper: on the demo's granted permit, the desk prepares the decision for signature, the
// signing authority signs it from the SPA (fingerprint ticked, password), the applicant downloads
// the signed PDF, and anyone, without an account, checks its signature and its public record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, apiLogin, fetchRetryingStaleSocket } from '../lib/api.js';
import { BASE_URL, launchBrowser, logIn, PASSWORD, screenshot, withPage } from '../lib/browser.js';

const DESK = 'agent@demo.urbadesk.org';
const SIGNER = 'signer@demo.urbadesk.org';
const APPLICANT = 'applicant@demo.urbadesk.org';
const GRANTED_TITLE = 'Extension R+1, rue Ibn Toufail';

describe('signing a decision', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the desk prepares it, the signing authority signs it, the applicant downloads it, anyone checks it', async (t) => {
    const desk = await apiLogin(DESK);
    const found = await api(desk, 'GET', `/api/v1/dossiers/?status=decision&search=${encodeURIComponent(GRANTED_TITLE)}`);
    assert.equal(found.count, 1, 'the demo seeds one granted dossier');
    const dossier = found.results[0];

    await withPage(browser, `${t.name} (desk)`, async ({ page }) => {
      await logIn(page, DESK);
      await page.goto(`/dossiers/${dossier.id}`);
      await page.getByRole('button', { name: 'Préparer la décision pour signature' }).click();
      const item = page.getByTestId('signed-documents').getByTestId('document');
      await item.waitFor();
      await item.getByText('En cours de signature').waitFor();
      await screenshot(page, 'signature-prepared');
    });

    await withPage(browser, `${t.name} (signing authority)`, async ({ page }) => {
      await logIn(page, SIGNER);
      await page.getByRole('link', { name: 'À signer' }).click();
      const row = page.getByTestId('to-sign-row').filter({ hasText: dossier.reference });
      await row.getByRole('link').first().click();
      await page.getByTestId('sign-form').waitFor();
      await page.getByRole('checkbox', { name: /J'ai lu ce document/ }).check();
      await page.getByLabel('Votre mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Signer', exact: true }).click();
      await page.getByText('Document signé : toutes les signatures sont apposées.').waitFor();
      await screenshot(page, 'signature-signed');
    });

    const applicant = await apiLogin(APPLICANT);
    const documents = await api(applicant, 'GET', `/api/v1/dossiers/${dossier.id}/documents/`);
    const [signed] = documents.results;
    assert.equal(signed.status, 'signed');
    const download = await fetchRetryingStaleSocket(signed.download_url);
    assert.equal(download.status, 200);
    const pdf = Buffer.from(await download.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.includes('/ByteRange'), 'the downloaded file carries its signature');

    await withPage(browser, `${t.name} (anyone)`, async ({ page }) => {
      await page.goto(`${BASE_URL}/verify`);
      await page.locator('input[type="file"]').setInputFiles({ name: 'decision.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
      const verdict = page.getByTestId('verdict');
      await verdict.waitFor();
      assert.equal(await verdict.getAttribute('data-verdict'), 'valid');
      await verdict.getByText('Hassan Fassi').first().waitFor();
      await screenshot(page, 'signature-verified');

      await page.goto(`${BASE_URL}/verify/${signed.code}`);
      const record = page.getByTestId('public-record');
      await record.getByText('Hassan Fassi').waitFor();
      await record.getByText(signed.sha256.slice(0, 16)).first().waitFor();
    });
  });
});
