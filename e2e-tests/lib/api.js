// Set-up through the public API, for journeys that start where another one ends (a dossier
// already submitted and booked, so the commission can review it). The browser steps of each
// journey still go through the SPA.
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD } from './browser.js';

export { PASSWORD };

const STALE_SOCKET = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/**
 * Node's fetch may reuse a pooled keep-alive socket that the server (gunicorn closes idle ones
 * after 2 s) has just closed, and fail before any byte of the request is read (undici issue
 * #3492, open). Such a request never reached the server: it is sent again, once.
 */
export async function fetchRetryingStaleSocket(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (!(error instanceof TypeError) || !STALE_SOCKET.has(error.cause?.code)) throw error;
    return fetch(url, init);
  }
}

export async function apiLogin(email, password = PASSWORD) {
  const response = await fetchRetryingStaleSocket(`${BASE_URL}/api/v1/auth/token/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(response.status, 200, `login of ${email}: ${response.status}`);
  const { access } = await response.json();
  return access;
}

/** `fetch` with the bearer token; JSON in and out unless `body` is FormData. */
export async function api(token, method, path, body) {
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
  };
  if (body && !(body instanceof FormData))
    headers['Content-Type'] = 'application/json';
  const response = await fetchRetryingStaleSocket(`${BASE_URL}${path}`, {
    method,
    headers,
    body:
      body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok)
    throw new Error(
      `${method} ${path}: ${response.status} ${text.slice(0, 300)}`,
    );
  return data;
}

/** Waits until the worker has analysed the version (ready) or refused it. */
export async function waitReady(token, versionId, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = await api(
      token,
      'GET',
      `/api/v1/plan-versions/${versionId}/`,
    );
    if (version.status !== 'processing') {
      assert.equal(version.status, 'ready', version.rejection_reason);
      return version;
    }
    assert.ok(Date.now() < deadline, `version ${versionId} still processing`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export async function uploadVersion(
  token,
  planId,
  bytes,
  filename,
  declaredScale = 100,
) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), filename);
  form.append('declared_scale', String(declaredScale));
  const version = await api(
    token,
    'POST',
    `/api/v1/plans/${planId}/versions/`,
    form,
  );
  return waitReady(token, version.id);
}

/**
 * As the applicant: a new building-permit dossier with one plan (its versions in order),
 * submitted and booked on the first bookable slot, so the commission's members get it for review.
 */
export async function bookedDossierWithPlan(applicantEmail, versionFiles, title) {
  const token = await apiLogin(applicantEmail);
  const dossier = await api(token, 'POST', '/api/v1/dossiers/', {
    procedure_type: 'PC',
    title,
    address: '12 rue des Orangers, Anfa, Casablanca',
  });
  const plan = await api(token, 'POST', `/api/v1/dossiers/${dossier.id}/plans/`, { kind: 'site', title: 'Plan de masse' });
  const versions = [];
  for (const [index, bytes] of versionFiles.entries()) {
    versions.push(await uploadVersion(token, plan.id, bytes, `plan-de-masse-v${index + 1}.pdf`));
  }
  await api(token, 'POST', `/api/v1/dossiers/${dossier.id}/submit/`, {});
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
  const slots = await api(token, 'GET', `/api/v1/dossiers/${dossier.id}/available-slots/?from=${from}&to=${to}`);
  assert.ok(slots.length > 0, 'no bookable slot in the next 60 days');
  await api(token, 'POST', '/api/v1/bookings/', { dossier: dossier.id, slot: slots[0].id });
  return { token, dossier, plan, versions };
}
