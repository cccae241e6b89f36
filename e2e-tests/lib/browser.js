// Debian's Chromium driven by playwright-core (no browser download), one fresh context per test.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
/** The demo accounts' password (seed_demo). */
export const PASSWORD = 'urbadesk-demo';
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

function slug(text) {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80);
}

/** Save a full-page screenshot under e2e-tests/artifacts/; returns its path (or null). */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${slug(name)}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch (error) {
    console.error(`screenshot ${file} failed: ${error.message}`);
    return null;
  }
}

/**
 * Run `fn({ context, page, log })` in a fresh browser context (French, like a first visit).
 * On failure: a screenshot, the page's console errors and failed requests go to artifacts/
 * and stderr, then the error is rethrown.
 */
export async function withPage(browser, testName, fn) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Africa/Casablanca',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const log = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) =>
    log.push(`requestfailed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) {
      log.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  try {
    await fn({ context, page, log });
    // The server's Content Security Policy must allow everything the SPA does (pdf.js, the map,
    // uploads to the object store): a blocked load is a bug even when the journey got through.
    const blocked = log.filter((line) => line.includes('Content Security Policy'));
    if (blocked.length) throw new Error(`blocked by the Content Security Policy:\n  ${blocked.join('\n  ')}`);
  } catch (error) {
    const file = await screenshot(page, `FAILED-${testName}`);
    console.error(`\n[${testName}] failed at ${page.url()}${file ? `; screenshot: ${file}` : ''}`);
    if (log.length) console.error(`[${testName}] browser log:\n  ${log.join('\n  ')}`);
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Log in through the login form; resolves once the header shows the account (its role, links). */
export async function logIn(page, email, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/dossiers\/?(\?.*)?$/);
  await page.getByTestId('current-user').waitFor();
}
