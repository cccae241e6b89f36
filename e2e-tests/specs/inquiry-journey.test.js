// Public inquiry on the demo's allotment: a visitor finds it and its plan without an account,
// logs in, objects with a PDF attached; the desk then reads the objection with its author and
// downloads the observations' PDF; the public never sees it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildingOutlinePdf } from '../fixtures/plans.js';
import { api, apiLogin, fetchRetryingStaleSocket } from '../lib/api.js';
import { BASE_URL, launchBrowser, logIn, PASSWORD, screenshot, withPage } from '../lib/browser.js';

const CITIZEN = 'applicant2@demo.urbadesk.org';
const DESK = 'agent@demo.urbadesk.org';
const ALLOTMENT = 'Lotissement Les Orangers';
const OBJECTION = `La voirie sature la route d'Azemmour (${Date.now()}).`;

describe('a public inquiry', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a visitor finds it, logs in and objects with an attachment; only the desk reads it', async (t) => {
    await withPage(browser, t.name, async ({ page }) => {
      // The map shows the inquiry beside the authorised projects, and leads to it.
      await page.goto(`${BASE_URL}/map`);
      await page.getByRole('link', { name: /enquête publique en cours/i }).click();
      await page.waitForURL(/\/inquiries$/);
      const card = page.getByTestId('public-inquiry').filter({ hasText: ALLOTMENT });
      await card.waitFor();
      await card.getByRole('link', { name: /Plan de masse/ }).waitFor();
      await card.getByRole('link', { name: 'Se connecter pour déposer une observation' }).click();
      await page.getByLabel('Adresse e-mail').fill(CITIZEN);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(/\/inquiries$/);

      const back = page.getByTestId('public-inquiry').filter({ hasText: ALLOTMENT });
      await back.getByRole('button', { name: 'Déposer une observation' }).click();
      await back.getByLabel('Opposition').check();
      await back.getByRole('textbox', { name: 'Votre observation' }).fill(OBJECTION);
      await back.locator('input[type="file"]').setInputFiles({
        name: 'trafic.pdf',
        mimeType: 'application/pdf',
        buffer: buildingOutlinePdf(),
      });
      await back.getByRole('button', { name: 'Envoyer' }).click();
      await back.getByTestId('observation-sent').waitFor();
      await screenshot(page, 'inquiry-observation-sent');
    });

    const publicList = await (await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/public/inquiries/`)).text();
    assert.ok(!publicList.includes(OBJECTION) && !publicList.includes(CITIZEN), 'observations are never public');

    const desk = await apiLogin(DESK);
    const found = await api(desk, 'GET', `/api/v1/dossiers/?search=${encodeURIComponent(ALLOTMENT)}`);
    const [dossier] = found.results;
    const [inquiry] = await api(desk, 'GET', `/api/v1/dossiers/${dossier.id}/inquiries/`);
    const observations = await api(desk, 'GET', `/api/v1/inquiries/${inquiry.id}/observations/`);
    const mine = observations.find((o) => o.text === OBJECTION);
    assert.ok(mine, 'the desk reads the objection');
    assert.equal(mine.author_email, CITIZEN);
    assert.equal(mine.kind, 'objection');
    assert.deepEqual(mine.attachments.map((a) => a.filename), ['trafic.pdf']);
    const pdf = await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/inquiries/${inquiry.id}/observations.pdf`, {
      headers: { Authorization: `Bearer ${desk}` },
    });
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });
});
