// The commission booking journey across three accounts: the applicant books a slot for the
// submitted demo dossier and moves it; the desk agent finds the dossier on that session's agenda;
// the occasional member (civil protection, required for PC) finds it in their review queue.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, launchBrowser, logIn, screenshot, withPage } from '../lib/browser.js';

const APPLICANT = 'applicant@demo.urbadesk.org';
const AGENT = 'agent@demo.urbadesk.org';
const MEMBER2 = 'member2@demo.urbadesk.org';
const DEMO_TITLE = "Immeuble R+3, boulevard d'Anfa (démonstration, déposé)";
/** Weeks the picker may look ahead for a free slot (8 are generated). */
const MAX_WEEKS = 9;
/**
 * The demo rules let a booking be moved until 48 h before its slot (and book until 24 h
 * before): the journey takes the first free slot far enough ahead to be moved afterwards.
 */
const MOVABLE_AFTER_MS = 72 * 3600_000;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/**
 * The first slot offered in the picker that starts at least MOVABLE_AFTER_MS from now, going
 * forward week by week; returns {slot, id, label}.
 */
async function firstFreeSlot(picker) {
  for (let week = 0; week < MAX_WEEKS; week += 1) {
    await picker.locator('.slot-week:not([aria-busy="true"])').waitFor();
    const free = picker.locator('[data-testid="slot"]:not([disabled])');
    const starts = await free.evaluateAll((nodes) => nodes.map((node) => node.dataset.startsAt));
    const index = starts.findIndex((start) => Date.parse(start) - Date.now() >= MOVABLE_AFTER_MS);
    if (index >= 0) {
      const slot = free.nth(index);
      return { slot, id: await slot.getAttribute('data-slot-id'), label: await slot.getAttribute('aria-label') };
    }
    const range = await picker.getByTestId('slot-picker-week').innerText();
    await picker.getByRole('button', { name: 'Semaine suivante' }).click();
    await picker.getByTestId('slot-picker-week').filter({ hasNotText: range }).waitFor();
  }
  assert.fail(`no free slot in the next ${MAX_WEEKS} weeks`);
}

describe('commission booking journey', { concurrency: false }, () => {
  test('applicant books and moves a slot; the agent and the member see the dossier', async (t) => {
    let reference;
    let sessionId;

    await withPage(browser, `${t.name} (applicant)`, async ({ page }) => {
      await logIn(page, APPLICANT);
      const row = page.getByTestId('dossier-row').filter({ hasText: DEMO_TITLE });
      await row.waitFor();
      const link = row.getByRole('link').first();
      reference = (await link.innerText()).trim();
      await link.click();
      await page.getByRole('heading', { level: 1, name: DEMO_TITLE }).waitFor();

      const booking = page.getByTestId('booking');
      const picker = booking.getByTestId('slot-picker');
      await picker.waitFor();
      const zone = await picker.getByTestId('slot-picker-zone').innerText().catch(() => '');
      const first = await firstFreeSlot(picker);
      assert.match(zone, /Casablanca \(Africa\/Casablanca\)/, `the zone is not named: "${zone}"`);
      t.diagnostic(`booking ${first.label}`);
      await screenshot(page, 'booking-slot-picker');
      await first.slot.click();

      const confirmation = booking.getByTestId('booking-confirmation');
      await confirmation.waitFor();
      assert.equal(await confirmation.getAttribute('data-slot-id'), first.id);
      const text = await confirmation.innerText();
      assert.match(text, /Votre rendez-vous est réservé\./);
      assert.match(text, /heure de Casablanca/);
      assert.match(text, /Modifiable ou annulable jusqu'au/);
      // The .ics comes through the API with the token, as a file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        confirmation.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.ics$/);
      const ics = await readFile(await download.path(), 'utf8');
      assert.match(ics, /BEGIN:VCALENDAR/);
      await screenshot(page, 'booking-confirmation');

      // Move: the current slot is shown but not offered; another one is chosen.
      await confirmation.getByRole('button', { name: 'Déplacer' }).click();
      await picker.waitFor();
      const requests = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') requests.push(new URL(request.url()).pathname);
      });
      const second = await firstFreeSlot(picker);
      assert.notEqual(second.id, first.id);
      await screenshot(page, 'booking-move-picker');
      await second.slot.click();
      await booking.getByText('Votre rendez-vous a été déplacé.').waitFor();
      assert.equal(await confirmation.getAttribute('data-slot-id'), second.id);
      assert.deepEqual(
        requests.filter((path) => path.startsWith('/api/v1/bookings/')).map((path) => path.replace(/[0-9a-f-]{36}/, '{id}')),
        ['/api/v1/bookings/{id}/reschedule/'],
        'a move is one reschedule, not cancel + book',
      );
      sessionId = await confirmation.getAttribute('data-session-id');
      assert.ok(sessionId, 'the booking names no session');
      t.diagnostic(`moved to ${second.label}; ${reference} on session ${sessionId}`);
    });

    await withPage(browser, `${t.name} (agent)`, async ({ page }) => {
      await logIn(page, AGENT);
      await page.getByRole('navigation').getByRole('link', { name: 'Planification' }).click();
      await page.waitForURL(/\/agenda$/);
      await page.getByTestId('planning-rules').waitFor();
      const row = page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /[1-9]\d* \/ \d+/, 'the session shows no booking');
      await screenshot(page, 'agenda-planning');
      await row.getByRole('link').click();
      await page.waitForURL(new RegExp(`/agenda/sessions/${sessionId}$`));
      const agenda = page.getByTestId('agenda-table');
      await agenda.waitFor();
      const line = agenda.getByTestId('agenda-row').filter({ hasText: reference });
      await line.waitFor();
      assert.match(await line.innerText(), /PC|Permis/);
      await screenshot(page, 'agenda-session');
    });

    await withPage(browser, `${t.name} (member2)`, async ({ page }) => {
      await logIn(page, MEMBER2);
      await page.getByRole('navigation').getByRole('link', { name: 'Mes dossiers à examiner' }).click();
      await page.waitForURL(/\/reviews$/);
      const task = page.getByTestId('review-task').filter({ hasText: reference });
      await task.waitFor();
      assert.match(await task.innerText(), /Commission d'urbanisme de Casablanca-Anfa/);
      const feed = page.getByLabel("Adresse de l'abonnement");
      assert.match(await feed.inputValue(), /^https?:\/\//);
      await screenshot(page, 'review-queue');
    });
  });
});
