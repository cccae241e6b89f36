// The plan review journey: a commission member opens the sample A1 plan (12 m × 8 m at 1:100)
// in the viewer, confirms its scale, measures the outline's area (96.00 m² ± 0.5 %), draws a
// remark and shares it; the applicant sees it and answers; the desk sends the dossier back for
// changes and the applicant uploads a corrected version; the member finds the remark carried to
// it, compares the versions and resolves the remark.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildingOutlinePdf } from '../fixtures/plans.js';
import { api, apiLogin, bookedDossierWithPlan, uploadVersion } from '../lib/api.js';
import { BASE_URL, launchBrowser, logIn, screenshot, withPage } from '../lib/browser.js';

const APPLICANT = 'applicant@demo.urbadesk.org';
const MEMBER = 'member1@demo.urbadesk.org';
const AGENT = 'agent@demo.urbadesk.org';
const A1 = { width: (841 * 72) / 25.4, height: (594 * 72) / 25.4 }; // landscape, points
const OUTLINE = { width: (120 * 72) / 25.4, height: (80 * 72) / 25.4 }; // 12 m × 8 m at 1:100
const REMARK = 'Recul de 3 m non respecté côté rue';
const ANSWER = 'Le recul est corrigé dans la version 2.';

let browser;
let setup;

before(async () => {
  browser = await launchBrowser();
  const title = `Villa de la revue des plans (${Date.now()})`;
  const versions = [buildingOutlinePdf(), buildingOutlinePdf({ title: 'Plan de masse corrige / Revised site plan' })];
  setup = await bookedDossierWithPlan(APPLICANT, versions, title);
});

after(async () => {
  await browser?.close();
});

/** Opens the viewer from the dossier page, as a user would, and waits for the page's tiles. */
async function openViewer(page, versionNumber) {
  await page.goto(`${BASE_URL}/dossiers/${setup.dossier.id}`);
  const link = page.getByRole('link', { name: `Ouvrir la version ${versionNumber} dans la visionneuse` });
  await link.first().click();
  await page.getByTestId('viewer').waitFor();
  await page.waitForFunction(() => {
    const canvases = document.querySelectorAll('[data-testid="viewer-page"] [data-page-canvas] canvas');
    return canvases.length > 0;
  });
}

/**
 * Client coordinates of a page point (unrotated page, points, top-left origin) as the viewer
 * shows it: rotated clockwise by the page's displayed rotation, then zoomed. Written here from
 * DESIGN.md's convention, independently of the SPA's own transform.
 */
async function clientPoint(page, [x, y], size = A1) {
  const surface = page.getByTestId('viewer-page').last();
  const box = await surface.boundingBox();
  const zoom = Number(await surface.getAttribute('data-zoom'));
  const rotation = Number(await surface.getAttribute('data-rotation'));
  const [sx, sy] = {
    0: [x, y],
    90: [size.height - y, x],
    180: [size.width - x, size.height - y],
    270: [y, size.width - x],
  }[rotation];
  return { x: box.x + sx * zoom, y: box.y + sy * zoom };
}

function parseFrenchNumber(text) {
  return Number(text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
}

describe('plan review journey', { concurrency: false }, () => {
  test('member measures 96 m² and shares a remark; the applicant answers; the member resolves it', async (t) => {
    const started = Date.now();
    await withPage(browser, `${t.name} (member)`, async ({ page }) => {
      await logIn(page, MEMBER);
      await openViewer(page, 2);
      t.diagnostic(`first page painted ${Date.now() - started} ms after the journey started`);
      await screenshot(page, 'viewer-opened');

      await page.getByTestId('accept-declared-scale').click();
      await page.getByTestId('calibration-status').filter({ hasText: 'Échelle 1:100, confirmée par' }).waitFor();

      // The area tool (Q), the outline's four corners, Enter: the live value, then the saved one.
      await page.keyboard.press('q');
      const x0 = (A1.width - OUTLINE.width) / 2;
      const y0 = (A1.height - OUTLINE.height) / 2;
      const corners = [
        [x0, y0],
        [x0 + OUTLINE.width, y0],
        [x0 + OUTLINE.width, y0 + OUTLINE.height],
        [x0, y0 + OUTLINE.height],
      ];
      for (const corner of corners) {
        const { x, y } = await clientPoint(page, corner);
        await page.mouse.click(x, y);
      }
      const live = await page.getByTestId('live-value').innerText();
      assert.match(live, /m²/);
      await screenshot(page, 'viewer-measuring-area');
      await page.keyboard.press('Enter');
      const item = page.getByTestId('annotation-item').filter({ hasText: 'Surface' });
      await item.waitFor();
      const value = (await item.innerText()).match(/([\d\s\u00a0\u202f]+,\d{2})\s*m²/);
      assert.ok(value, `no area value in "${await item.innerText()}"`);
      const area = parseFrenchNumber(value[1]);
      assert.ok(Math.abs(area - 96) / 96 <= 0.005, `area ${area} m² is not 96.00 m² ± 0.5 %`);
      await page.getByTestId('measurement-label').filter({ hasText: value[1] }).first().waitFor();
      await screenshot(page, 'viewer-area-measured');

      // A remark: remark mode, a rectangle over the street side, its text, shared.
      await page.keyboard.press('v');
      await page.getByTestId('remark-mode').check();
      await page.keyboard.press('r');
      const from = await clientPoint(page, [x0 - 20, y0 + OUTLINE.height + 10]);
      const to = await clientPoint(page, [x0 + OUTLINE.width + 20, y0 + OUTLINE.height + 60]);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle remarque' });
      await dialog.getByLabel('Texte').fill(REMARK);
      await dialog.getByLabel('Partager avec le demandeur').check();
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByTestId('annotation-item').filter({ hasText: REMARK }).waitFor();
      await screenshot(page, 'viewer-remark-shared');
    });

    await withPage(browser, `${t.name} (applicant)`, async ({ page }) => {
      await logIn(page, APPLICANT);
      await openViewer(page, 2);
      const items = page.getByTestId('annotation-item');
      await items.filter({ hasText: REMARK }).waitFor();
      assert.equal(await items.count(), 1, 'the applicant sees only the shared remark');
      assert.equal(await page.locator('[data-tool]').count(), 0, 'no drawing tools for the applicant');
      await items.filter({ hasText: REMARK }).click();
      const thread = page.getByTestId('remark-thread');
      await thread.getByLabel('Votre réponse').fill(ANSWER);
      await thread.getByRole('button', { name: 'Répondre' }).click();
      await thread.getByTestId('remark-message').filter({ hasText: ANSWER }).waitFor();
      await screenshot(page, 'viewer-applicant-answered');
    });

    // The desk sends the dossier back for changes; the applicant uploads a corrected version
    // and resubmits (through the API: the screens of these steps have their own journeys).
    const agent = await apiLogin(AGENT);
    const dossierPath = `/api/v1/dossiers/${setup.dossier.id}`;
    await api(agent, 'POST', `${dossierPath}/start-check/`, {});
    for (const item of await api(agent, 'GET', `${dossierPath}/checklist/`)) {
      await api(agent, 'PUT', `${dossierPath}/checklist/${item.code}/`, { satisfied: true });
    }
    await api(agent, 'POST', `${dossierPath}/declare-complete/`, {});
    await api(agent, 'POST', `${dossierPath}/request-changes/`, { message: 'Respecter le recul de 3 m.' });
    const corrected = await uploadVersion(
      setup.token,
      setup.plan.id,
      buildingOutlinePdf({ depth_m: 7, title: 'Plan de masse v3 / recul 3 m' }),
      'plan-de-masse-v3.pdf',
    );
    const resubmitted = await api(setup.token, 'POST', `${dossierPath}/resubmit/`, {});
    assert.equal(resubmitted.status, 'under_review');

    await withPage(browser, `${t.name} (member compares and resolves)`, async ({ page }) => {
      await logIn(page, MEMBER);
      await openViewer(page, 3);
      // The open remark followed the plan to version 3, linked to where it was made.
      const remark = page.getByTestId('annotation-item').filter({ hasText: REMARK });
      await remark.waitFor();
      assert.match(await remark.innerText(), /Reportée de la version précédente/);
      await remark.click();
      const thread = page.getByTestId('remark-thread');
      const origin = thread.getByTestId('remark-origin');
      assert.match(await origin.getAttribute('href'), new RegExp(`/plan-versions/${setup.versions[1].id}`));

      await page.getByTestId('compare-with').selectOption({ label: 'Version 2' });
      await page.getByTestId('sheet-match').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-page-canvas]').length >= 2);
      await screenshot(page, 'viewer-compare-side-by-side');
      await page.getByTestId('compare-overlay').check();
      await page.locator('.viewer__overlay-old [data-page-canvas]').waitFor();
      await screenshot(page, 'viewer-compare-overlay');

      await thread.getByLabel('Statut de la remarque').selectOption({ label: 'Résolue' });
      await remark.filter({ hasText: 'Résolue' }).waitFor();
      await screenshot(page, 'viewer-remark-resolved');
    });

    // The API agrees with what the screens showed.
    const listed = await api(setup.token, 'GET', `/api/v1/plan-versions/${corrected.id}/annotations/`);
    const resolved = listed.results.find((a) => a.text === REMARK);
    assert.equal(resolved?.status, 'resolved');
    assert.equal(resolved?.carried_from_version, setup.versions[1].id);
  });

  test('on a sheet shown rotated (/Rotate 90), drawing and measuring land where the plan is', async (t) => {
    const rotated = await bookedDossierWithPlan(
      APPLICANT,
      [buildingOutlinePdf({ rotate: 90 })],
      `Plan pivoté (${Date.now()})`,
    );
    await withPage(browser, `${t.name}`, async ({ page }) => {
      await logIn(page, MEMBER);
      await page.goto(`${BASE_URL}/plan-versions/${rotated.versions[0].id}`);
      await page.getByTestId('viewer').waitFor();
      const surface = page.getByTestId('viewer-page');
      assert.equal(await surface.getAttribute('data-rotation'), '90');
      const shown = await surface.boundingBox();
      assert.ok(shown.height > shown.width, `a /Rotate 90 landscape sheet shows portrait (${shown.width}×${shown.height})`);

      // The outline's 12 m edge, from its two ends in page coordinates, with the distance tool.
      const x0 = (A1.width - OUTLINE.width) / 2;
      const y0 = (A1.height - OUTLINE.height) / 2;
      await page.keyboard.press('d');
      for (const corner of [
        [x0, y0],
        [x0 + OUTLINE.width, y0],
      ]) {
        const { x, y } = await clientPoint(page, corner);
        await page.mouse.click(x, y);
      }
      const item = page.getByTestId('annotation-item').filter({ hasText: 'Distance' });
      await item.waitFor();
      const metres = parseFrenchNumber((await item.innerText()).match(/([\d\s\u00a0\u202f]+,\d{2})\s*m\b/)[1]);
      assert.ok(Math.abs(metres - 12) / 12 <= 0.005, `distance ${metres} m is not 12.00 m`);

      // Stored in the unrotated page's coordinates, whatever the display.
      const member = await apiLogin(MEMBER);
      const listed = await api(member, 'GET', `/api/v1/plan-versions/${rotated.versions[0].id}/annotations/`);
      const stored = listed.results[0].geometry.points;
      for (const [got, want] of [
        [stored[0], [x0, y0]],
        [stored[1], [x0 + OUTLINE.width, y0]],
      ]) {
        assert.ok(Math.hypot(got[0] - want[0], got[1] - want[1]) < 3, `stored ${got}, drawn at ${want}`);
      }
      // Turning the view keeps the shape on the plan: its ends follow the page.
      await page.keyboard.press('Shift+R');
      await page.waitForFunction(() => document.querySelector('[data-testid="viewer-page"]').dataset.rotation === '180');
      const shape = page.locator('[data-testid="annotation-shape"][data-kind="distance"] polyline');
      const [a, b] = (await shape.getAttribute('points')).split(' ').map((pair) => pair.split(',').map(Number));
      const box = await surface.boundingBox();
      const zoom = Number(await surface.getAttribute('data-zoom'));
      const expectedA = await clientPoint(page, [x0, y0]);
      const expectedB = await clientPoint(page, [x0 + OUTLINE.width, y0]);
      for (const [drawn, expected] of [
        [a, expectedA],
        [b, expectedB],
      ]) {
        assert.ok(Math.abs(box.x + drawn[0] - expected.x) < 1.5 && Math.abs(box.y + drawn[1] - expected.y) < 1.5,
          `drawn at ${drawn} (zoom ${zoom}), expected ${expected.x - box.x},${expected.y - box.y}`);
      }
      await screenshot(page, 'viewer-rotated-sheet-measured');
    });
  });
});

