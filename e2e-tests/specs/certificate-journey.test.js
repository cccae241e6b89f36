// Self-service urban-planning information certificates: an applicant finds the demo's granted
// parcel, asks for its certificate in English, sees it become ready (drawn and sealed by the
// worker), downloads it, and anyone checks its seal and its public record without an account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fetchRetryingStaleSocket } from '../lib/api.js';
import { BASE_URL, launchBrowser, logIn, screenshot, withPage } from '../lib/browser.js';

const APPLICANT = 'applicant2@demo.urbadesk.org';
const PARCEL = 'TF 24680/C'; // the demo's granted permit stands on it

describe('an urban-planning information certificate', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('asked for, sealed at once, downloaded and checked by anyone', async (t) => {
    let download;
    let code;
    await withPage(browser, `${t.name} (applicant)`, async ({ page }) => {
      await logIn(page, APPLICANT);
      await page.getByRole('link', { name: "Certificats d'urbanisme" }).click();
      await page.getByTestId('certificates-page').waitFor();
      await page.getByLabel('Parcelle').fill('Ibn Toufail');
      await page.getByRole('radio', { name: new RegExp(PARCEL) }).check();
      await page.getByLabel('Langue du certificat').selectOption('en');
      await page.getByRole('button', { name: 'Demander le certificat' }).click();
      const progress = page.getByTestId('certificate-progress');
      await progress.getByText(`Le certificat de la parcelle ${PARCEL} est prêt.`).waitFor({ timeout: 60_000 });
      download = await progress.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href');
      const verify = await progress.getByRole('link', { name: 'Le vérifier' }).getAttribute('href');
      code = verify.split('/').pop();
      await page.getByTestId('certificate-row').filter({ hasText: PARCEL }).getByText('Prêt').first().waitFor();
      await screenshot(page, 'certificate-ready');
    });

    const response = await fetchRetryingStaleSocket(new URL(download, BASE_URL).href);
    assert.equal(response.status, 200);
    const pdf = Buffer.from(await response.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.includes('/ByteRange'), 'the certificate carries its seal');

    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'certificate.pdf');
    const checked = await (await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/verify/`, { method: 'POST', body: form })).json();
    assert.equal(checked.verdict, 'valid');
    assert.equal(checked.signatures[0].signer, 'Urbadesk — cachet électronique');

    await withPage(browser, `${t.name} (anyone)`, async ({ page }) => {
      await page.goto(`${BASE_URL}/verify/${code}`);
      const record = page.getByTestId('public-record');
      await record.getByText("Certificat d'information urbanistique", { exact: true }).waitFor();
      await record.getByTestId('signer').getByText('Urbadesk — cachet électronique').waitFor();
      await screenshot(page, 'certificate-public-record');
    });
  });
});
