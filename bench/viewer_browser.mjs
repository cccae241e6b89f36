// Browser benchmark of the plan viewer, in this machine's headless Chromium against a running
// stack (started by e2e-tests/run.sh, as `make bench` does). Prints and saves, as JSON:
// - time from opening the viewer to the first page painted, for the sample A1 plan and for a
//   40-page plan set;
// - frame times while panning at 200 % over a page holding 2,000 annotations;
// - the tab's JavaScript heap and the pixels held by page canvases after paging through all
//   40 pages.
// Figures, not assertions: a noisy machine changes them, so no test depends on them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildingOutlinePdf } from '../e2e-tests/fixtures/plans.js';
import { apiLogin, bookedDossierWithPlan, fetchRetryingStaleSocket } from '../e2e-tests/lib/api.js';
import { BASE_URL, launchBrowser, logIn } from '../e2e-tests/lib/browser.js';

const APPLICANT = 'applicant@demo.urbadesk.org';
const MEMBER = 'member1@demo.urbadesk.org';
const ANNOTATIONS = 2000;
const PAGES = 40;
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'viewer-results.json');

/** 2,000 markups in one XFDF import: rectangles, polylines and notes spread over the sheet. */
function xfdf(count, width, height) {
  const marks = [];
  for (let i = 0; i < count; i += 1) {
    const x = 40 + ((i * 37) % (width - 120));
    const y = 40 + ((i * 53) % (height - 120));
    if (i % 3 === 0) marks.push(`<square page="0" rect="${x},${y},${x + 40},${y + 25}" color="#D32F2F" width="1"/>`);
    else if (i % 3 === 1)
      marks.push(`<polyline page="0" rect="${x},${y},${x + 60},${y + 30}"><vertices>${x},${y};${x + 30},${y + 30};${x + 60},${y}</vertices></polyline>`);
    else marks.push(`<text page="0" rect="${x},${y},${x + 16},${y + 18}"><contents>Remarque ${i}</contents></text>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>${marks.join('')}</annots></xfdf>`;
}

/** Milliseconds from navigation to the first canvas of the page drawn in the viewer. */
async function timeToFirstPaint(page, url) {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="viewer-page"] [data-page-canvas] canvas').length > 0,
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  return Date.now() - started;
}

async function pageCanvasPixels(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas')].reduce((sum, canvas) => sum + canvas.width * canvas.height, 0),
  );
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const [single, set] = await Promise.all([
    bookedDossierWithPlan(APPLICANT, [buildingOutlinePdf()], `Banc d'essai A1 (${Date.now()})`),
    bookedDossierWithPlan(APPLICANT, [buildingOutlinePdf({ pages: PAGES })], `Banc d'essai 40 pages (${Date.now()})`),
  ]);
  const member = await apiLogin(MEMBER);
  const a1 = single.versions[0];
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await logIn(page, MEMBER);

  const results = { machine: `${process.platform} ${process.arch}, headless Chromium`, at: new Date().toISOString() };
  const firstA1 = [];
  const firstSet = [];
  for (let run = 0; run < 3; run += 1) {
    firstA1.push(await timeToFirstPaint(page, `${BASE_URL}/plan-versions/${a1.id}`));
    firstSet.push(await timeToFirstPaint(page, `${BASE_URL}/plan-versions/${set.versions[0].id}`));
  }
  results.firstPaintA1Ms = { runs: firstA1, median: percentile(firstA1, 50) };
  results.firstPaint40PagesMs = { runs: firstSet, median: percentile(firstSet, 50) };

  // Panning at 200 % over 2,000 annotations: scroll the surface every frame for 3 s.
  await importAnnotations(a1, member);
  await page.goto(`${BASE_URL}/plan-versions/${a1.id}`);
  await page.waitForFunction(
    (count) => Number(document.querySelector('[data-testid="annotation-summary"]')?.textContent?.match(/\d[\d\s\u202f]*/)?.[0]?.replace(/\D/g, '')) >= count,
    ANNOTATIONS,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Taille réelle (1:1)' }).click();
  await page.keyboard.press('+');
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const surface = document.querySelector('.viewer__surface');
        const deltas = [];
        let last = performance.now();
        const end = last + 3000;
        let direction = 1;
        const step = (now) => {
          deltas.push(now - last);
          last = now;
          surface.scrollLeft += 25 * direction;
          surface.scrollTop += 12 * direction;
          if (surface.scrollLeft + surface.clientWidth >= surface.scrollWidth - 2 || surface.scrollLeft <= 0) direction = -direction;
          if (now < end) requestAnimationFrame(step);
          else resolve({ deltas, drawn: Number(document.querySelector('[data-testid="annotation-layer"]')?.dataset.drawn) });
        };
        requestAnimationFrame(step);
      }),
  );
  results.panning2000Annotations = {
    frames: frames.deltas.length,
    p50FrameMs: Number(percentile(frames.deltas, 50).toFixed(1)),
    p95FrameMs: Number(percentile(frames.deltas, 95).toFixed(1)),
    maxFrameMs: Number(Math.max(...frames.deltas).toFixed(1)),
    shapesDrawnAtEnd: frames.drawn,
  };

  // Paging through the 40-page set, then the tab's memory.
  await page.goto(`${BASE_URL}/plan-versions/${set.versions[0].id}`);
  await page.getByTestId('viewer-page').waitFor();
  const pagingStarted = Date.now();
  for (let index = 2; index <= PAGES; index += 1) {
    await page.keyboard.press('PageDown');
    await page.waitForURL(new RegExp(`page=${index}`));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="viewer-page"] [data-page-canvas] canvas').length > 0,
      null,
      { polling: 'raf' },
    );
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  results.after40Pages = {
    pagingMs: Date.now() - pagingStarted,
    jsHeapUsedMiB: Number((metrics.JSHeapUsedSize / 2 ** 20).toFixed(1)),
    jsHeapTotalMiB: Number((metrics.JSHeapTotalSize / 2 ** 20).toFixed(1)),
    canvasMegapixels: Number(((await pageCanvasPixels(page)) / 1e6).toFixed(1)),
    domNodes: metrics.Nodes,
  };
  await browser.close();
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

/** 2,000 annotations on the A1 plan, imported as XFDF by the member in one request. */
async function importAnnotations(version, member) {
  const pageSize = version.pages[0];
  const response = await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/plan-versions/${version.id}/import-xfdf/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${member}`, 'Content-Type': 'application/vnd.adobe.xfdf' },
    body: xfdf(ANNOTATIONS, Math.floor(pageSize.width_pt), Math.floor(pageSize.height_pt)),
  });
  if (response.status !== 201) throw new Error(`XFDF import: ${response.status} ${await response.text()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
