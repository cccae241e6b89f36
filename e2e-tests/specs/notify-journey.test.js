// Keeping people and systems informed, against the running stack and its real worker (the
// embedded one, or the standalone dramatiq process on Redis): a third party's webhook receives a
// signed event; the desk gets it in the application and by e-mail (the file backend of run.sh).
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildingOutlinePdf } from '../fixtures/plans.js';
import { api, apiLogin, uploadVersion } from '../lib/api.js';

const MAIL_DIR = path.join(process.env.URBADESK_DATA_DIR ?? '', 'mail');

/** What a receiver does with `Urbadesk-Signature: t=…,v1=…` (the README's recipe). */
function verify(secret, header, body) {
  const parts = Object.fromEntries(header.split(',').map((item) => item.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${parts.t}.`).update(body).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}

async function eventually(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    assert.ok(Date.now() < deadline, `${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('notifications and webhooks', () => {
  const received = [];
  let receiver;
  let receiverUrl;

  before(async () => {
    receiver = createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(204).end();
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${receiver.address().port}/urbadesk`;
  });

  after(() => receiver?.close());

  test('a submission reaches the desk in the app, by e-mail, and its system by a signed webhook', async () => {
    const agent = await apiLogin('agent@demo.urbadesk.org');
    const webhook = await api(agent, 'POST', '/api/v1/webhooks/', {
      url: receiverUrl,
      events: ['dossier.submitted'],
      description: 'GIS of the commune',
    });
    const unreadBefore = (await api(agent, 'GET', '/api/v1/notifications/unread-count/')).unread;

    const applicant = await apiLogin('applicant2@demo.urbadesk.org');
    const title = `Notified ${Date.now()}`;
    const dossier = await api(applicant, 'POST', '/api/v1/dossiers/', {
      procedure_type: 'PC',
      title,
      address: '3 rue Ibn Batouta, Casablanca',
    });
    const plan = await api(applicant, 'POST', `/api/v1/dossiers/${dossier.id}/plans/`, {
      kind: 'site',
      title: 'Plan de masse',
    });
    await uploadVersion(applicant, plan.id, buildingOutlinePdf(), 'plan.pdf');
    await api(applicant, 'POST', `/api/v1/dossiers/${dossier.id}/submit/`, {});

    const hook = await eventually('the webhook', () =>
      received.find((r) => JSON.parse(r.body).dossier_id === dossier.id),
    );
    assert.ok(verify(webhook.secret, hook.headers['urbadesk-signature'], hook.body));
    const payload = JSON.parse(hook.body);
    assert.equal(payload.type, 'dossier.submitted');
    assert.equal(hook.headers['urbadesk-event'], 'dossier.submitted');
    assert.equal(payload.data.reference, dossier.reference);
    const log = await api(agent, 'GET', `/api/v1/webhooks/${webhook.id}/deliveries/`);
    const delivery = log.results.find((d) => d.id === hook.headers['urbadesk-delivery']);
    assert.equal(delivery.status, 'sent');
    assert.deepEqual(
      delivery.attempts.map((a) => a.status_code),
      [204],
    );

    const notes = await api(agent, 'GET', '/api/v1/notifications/?unread=true');
    assert.ok(notes.results.some((n) => n.dossier_id === dossier.id && n.event === 'dossier.submitted'));
    assert.ok((await api(agent, 'GET', '/api/v1/notifications/unread-count/')).unread > unreadBefore);

    // The e-mail left through the worker (the file backend writes one file per message).
    await eventually('the e-mail to the desk', () =>
      readdirSync(MAIL_DIR, { withFileTypes: true }).some(
        (entry) =>
          entry.isFile() &&
          readFileSync(path.join(MAIL_DIR, entry.name), 'utf8').includes(dossier.reference) &&
          readFileSync(path.join(MAIL_DIR, entry.name), 'utf8').includes('agent@demo.urbadesk.org'),
      ),
    );
    await api(agent, 'DELETE', `/api/v1/webhooks/${webhook.id}/`);
  });

  test('a webhook to a private address is refused with the reason', async () => {
    const agent = await apiLogin('agent@demo.urbadesk.org');
    await assert.rejects(
      api(agent, 'POST', '/api/v1/webhooks/', { url: 'http://10.0.0.8/hook', events: ['dossier.submitted'] }),
      /400 .*10\.0\.0\.8/,
    );
  });
});
