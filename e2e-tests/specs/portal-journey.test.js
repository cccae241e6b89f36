// The public portal, without an account: the demo's granted permit is on the map of authorised
// projects, at street level (its applicant is a natural person), with no base layer configured;
// the open-data page answers with its downloads.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fetchRetryingStaleSocket } from '../lib/api.js';
import { BASE_URL, launchBrowser, screenshot, withPage } from '../lib/browser.js';

const GRANTED_ADDRESS = 'rue Ibn Toufail, Casablanca'; // seeded as "8 rue Ibn Toufail, Casablanca"

describe('the public portal', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('anyone finds the granted permit on the map, at street level, and downloads the data', async (t) => {
    await withPage(browser, t.name, async ({ page }) => {
      await page.goto(`${BASE_URL}/map`);
      await page.getByTestId('project-map').waitFor();
      await page.getByTestId('no-base-map').waitFor(); // no tile URL configured: a plain background
      const row = page.getByTestId('project-row').filter({ hasText: GRANTED_ADDRESS });
      await row.waitFor();
      assert.ok(!(await row.textContent()).includes('8 rue'), 'the house number stays private');
      await screenshot(page, 'portal-map');

      const geojson = await (await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/public/projects/`)).json();
      const feature = geojson.features.find((f) => f.properties.address === GRANTED_ADDRESS);
      assert.ok(feature, 'the GeoJSON has the project');
      assert.equal(feature.geometry.type, 'Point');
      assert.ok(!JSON.stringify(geojson).includes('demo.urbadesk.org'), 'no e-mail address in public data');

      await page.goto(`${BASE_URL}/open-data`);
      await page.getByTestId('open-data-page').waitFor();
      await page.getByRole('link', { name: 'Catalogue DCAT-AP (JSON-LD)' }).waitFor();
      const catalog = await (await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/public/catalog/`)).json();
      assert.equal(catalog['@type'], 'dcat:Catalog');
      await screenshot(page, 'portal-open-data');
    });
  });
});
