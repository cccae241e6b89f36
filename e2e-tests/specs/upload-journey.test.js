// The applicant's upload journey through the SPA: log in, create a dossier, add a plan, upload
// a PDF straight to storage (presigned PUT, then complete) and see it analysed and thumbnailed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePlanFiles } from '../fixtures/plans.js';
import { BASE_URL, launchBrowser, screenshot, withPage } from '../lib/browser.js';

const APPLICANT = { email: 'applicant@demo.urbadesk.org', password: 'urbadesk-demo' };
const READY_TIMEOUT_MS = 60_000;
const RUN_ID = `${Date.now().toString(36)}-${process.pid}`;

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

async function logIn(page) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Adresse e-mail').fill(APPLICANT.email);
  await page.getByLabel('Mot de passe').fill(APPLICANT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/dossiers\/?(\?.*)?$/);
  await page.getByTestId('new-dossier').waitFor();
}

/** Create a dossier through the form; resolves on its page with its reference. */
async function createDossier(page, title) {
  await page.getByTestId('new-dossier').click();
  const form = page.getByTestId('new-dossier-form');
  await form.waitFor();
  const procedure = form.getByLabel('Type de procédure');
  // The list comes from the API: wait until it is loaded (the select is enabled then).
  await page.waitForFunction(
    (select) => !select.disabled && select.options.length > 1,
    await procedure.elementHandle(),
  );
  const options = await procedure.locator('option').evaluateAll((nodes) =>
    nodes.map((node) => ({ value: node.value, label: node.textContent ?? '' })),
  );
  const choice =
    options.find((option) => option.label.startsWith('Permis de construire')) ??
    options.find((option) => option.value !== '');
  assert.ok(choice, `no procedure type to choose from: ${JSON.stringify(options)}`);
  await procedure.selectOption(choice.value);
  await form.getByLabel('Intitulé du projet').fill(title);
  await form.getByLabel('Adresse du terrain').fill('12 boulevard Zerktouni, Casablanca');
  await form.getByLabel('Latitude', { exact: false }).fill('33.5731');
  await form.getByLabel('Longitude', { exact: false }).fill('-7.5898');
  await form.getByRole('button', { name: 'Créer le dossier' }).click();
  await page.getByTestId('dossier-page').waitFor();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const reference = (await page.getByTestId('dossier-reference').textContent())?.trim() ?? '';
  assert.ok(reference, 'the dossier page shows no reference');
  return { reference, url: page.url() };
}

/** Add a plan through the add-plan form; resolves with its card. */
async function addPlan(page, { kindLabel, title }) {
  const form = page.getByTestId('add-plan-form');
  await form.getByLabel('Type de plan').selectOption({ label: kindLabel });
  await form.getByLabel('Titre du plan').fill(title);
  await form.getByRole('button', { name: 'Ajouter le plan' }).click();
  const card = page.getByTestId('plan-card').filter({ has: page.getByRole('heading', { name: title }) });
  await card.waitFor();
  return card;
}

/** Choose a file and a declared scale in the card's upload form and press "Téléverser". */
async function startUpload(card, file, scale) {
  const form = card.getByTestId('plan-upload-form');
  await form.locator('input[type="file"]').setInputFiles(file);
  if (scale != null) await form.getByLabel('Échelle déclarée 1:').fill(String(scale));
  await form.getByRole('button', { name: 'Téléverser' }).click();
  return form;
}

/** Wait until the newest version leaves "processing"; assert it is ready. */
async function waitForReadyVersion(card) {
  const version = card.getByTestId('plan-version').first();
  await version.waitFor({ timeout: 30_000 });
  await card
    .locator('[data-testid="plan-version"]:not([data-status="processing"])')
    .first()
    .waitFor({ timeout: READY_TIMEOUT_MS });
  const status = await version.getAttribute('data-status');
  if (status !== 'ready') {
    const text = (await version.innerText()).replace(/\s+/g, ' ');
    assert.fail(`plan version ended "${status}", not "ready": ${text}`);
  }
  return version;
}

/** The first page thumbnail of a version, scrolled into view and fully loaded. */
async function loadedThumbnail(page, version) {
  const img = version.getByTestId('page-thumbnail').first();
  await img.scrollIntoViewIfNeeded();
  await img.waitFor({ state: 'visible' });
  await page.waitForFunction((node) => node.complete && node.naturalWidth > 0, await img.elementHandle(), {
    timeout: 20_000,
  });
  const size = await img.evaluate((node) => ({
    naturalWidth: node.naturalWidth,
    naturalHeight: node.naturalHeight,
    rendered: `${Math.round(node.getBoundingClientRect().width)}x${Math.round(node.getBoundingClientRect().height)}`,
    src: node.currentSrc || node.src,
  }));
  assert.ok(await img.isVisible(), 'the page thumbnail is not visible');
  return size;
}

describe('plan upload journey (applicant)', { concurrency: false }, () => {
  test('uploads a PDF to storage and sees it ready with a thumbnail', async (t) => {
    await withPage(browser, t.name, async ({ page }) => {
      const title = `E2E immeuble R+2 ${RUN_ID}`;
      await logIn(page);
      const dossier = await createDossier(page, title);
      const card = await addPlan(page, { kindLabel: 'Plan de masse', title: 'Plan de masse E2E' });

      // The direct-to-storage path: start (API) → PUT (storage) → complete (API).
      const requests = [];
      page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
      const form = await startUpload(card, files.landscapePdf, 100);
      // Progress shows while the upload runs (it may be quick: seen or already done).
      await Promise.race([
        form.getByTestId('upload-progress').waitFor({ timeout: 10_000 }),
        form.getByRole('status').waitFor({ timeout: 10_000 }),
      ]);
      // Processing can be quick: the message follows the version ("en cours de traitement", then "prête").
      await form.getByText(/Fichier reçu : la version 1 (est en cours de traitement|est prête)\./).waitFor();
      assert.ok(
        requests.some((r) => /^POST .*\/api\/v1\/plans\/[^/]+\/uploads\/$/.test(r)),
        `no upload slot requested; requests: ${requests.join(', ')}`,
      );
      const puts = requests.filter((r) => r.startsWith('PUT '));
      assert.equal(puts.length, 1, `expected one PUT of the file; requests: ${requests.join(', ')}`);
      if (process.env.E2E_UPLOAD_ORIGIN) {
        // s3 storage: the browser sends the bytes to the store itself (presigned URL).
        assert.ok(
          puts[0].startsWith(`PUT ${process.env.E2E_UPLOAD_ORIGIN.replace(/\/+$/, '')}/`),
          `the file was not PUT to the storage endpoint ${process.env.E2E_UPLOAD_ORIGIN}: ${puts[0]}`,
        );
      }
      assert.ok(
        requests.some((r) => /^POST .*\/api\/v1\/uploads\/[^/]+\/complete\/$/.test(r)),
        `upload never completed; requests: ${requests.join(', ')}`,
      );

      const version = await waitForReadyVersion(card);
      assert.match(await version.getByTestId('plan-version-status').innerText(), /Prête/);
      const versionText = await version.innerText();
      assert.match(versionText, /Version 1/);
      assert.match(versionText, /1 page/);
      assert.match(versionText, /841 × 594 mm/);
      assert.match(versionText, /1:100/);
      const thumb = await loadedThumbnail(page, version);
      t.diagnostic(`thumbnail ${thumb.naturalWidth}x${thumb.naturalHeight}, shown ${thumb.rendered}`);
      assert.ok(
        thumb.naturalWidth > thumb.naturalHeight,
        `the landscape sheet's thumbnail is not landscape: ${JSON.stringify(thumb)}`,
      );
      assert.equal(await card.getByTestId('plan-version').count(), 1);
      await screenshot(page, 'dossier-after-upload');

      // The dossier is in the applicant's list.
      await page.getByRole('link', { name: 'Mes dossiers' }).first().click();
      await page.getByTestId('dossiers-table').waitFor();
      const row = page.getByTestId('dossier-row').filter({ hasText: dossier.reference });
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await row.getByRole('link', { name: dossier.reference }).click();
      await page.waitForURL(dossier.url);
      await page.getByTestId('plan-version').first().waitFor();
    });
  });

  test('a rotated PDF ends ready with a portrait thumbnail', async (t) => {
    await withPage(browser, t.name, async ({ page }) => {
      await logIn(page);
      await createDossier(page, `E2E plan pivoté ${RUN_ID}`);
      const card = await addPlan(page, { kindLabel: 'Plan de masse', title: 'Plan pivoté' });
      const form = await startUpload(card, files.rotatedPdf, 100);
      await form.getByText(/Fichier reçu : la version 1/).waitFor();
      const version = await waitForReadyVersion(card);
      const thumb = await loadedThumbnail(page, version);
      t.diagnostic(`thumbnail ${thumb.naturalWidth}x${thumb.naturalHeight}, shown ${thumb.rendered}`);
      assert.ok(
        thumb.naturalHeight > thumb.naturalWidth,
        `the /Rotate 90 page's thumbnail is not portrait: ${JSON.stringify(thumb)}`,
      );
      await screenshot(page, 'dossier-rotated-upload');
    });
  });

  test('a text file named .pdf is refused with a message and makes no version', async (t) => {
    await withPage(browser, t.name, async ({ page }) => {
      await logIn(page);
      await createDossier(page, `E2E faux PDF ${RUN_ID}`);
      const card = await addPlan(page, { kindLabel: 'Plan de situation', title: 'Faux PDF' });
      const form = await startUpload(card, files.fakePdf, 100);
      const alert = form.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      const message = (await alert.innerText()).trim();
      assert.match(message, /Le téléversement a échoué/);
      // The reason is given, not just a generic failure.
      assert.ok(message.length > 'Le téléversement a échoué : '.length + 5, `no reason given: ${message}`);
      await screenshot(page, 'dossier-fake-pdf-refused');

      // No version appeared, even after the plans are fetched again.
      assert.equal(await card.getByTestId('plan-version').count(), 0);
      await page.reload();
      const reloaded = page.getByTestId('plan-card').filter({ has: page.getByRole('heading', { name: 'Faux PDF' }) });
      await reloaded.waitFor();
      await reloaded.getByText('Aucune version téléversée.').waitFor();
      assert.equal(await reloaded.getByTestId('plan-version').count(), 0);
    });
  });
});
