// The OpenID Connect provider the backend's login tests run against (accounts/tests/test_oidc_provider.py):
// node-oidc-provider, configured like a national or regional eID: one static confidential client,
// PKCE required, and an assurance level (`acr`) set at login. Only the login page is ours, so that
// a fixed account's password is checked and its level recorded; everything else is the library's.
//
// Environment: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS (space-separated) and
// OIDC_ACCOUNTS (JSON: {login: {password, sub, email, email_verified, name, acr}}). It listens on a
// free port of 127.0.0.1 and prints one line, `{"issuer": "http://127.0.0.1:<port>"}`, once ready.
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const DEFAULT_ACCOUNTS = {
  citizen: {
    password: "citizen-password",
    sub: "citizen-0001",
    email: "citizen@example.org",
    email_verified: true,
    name: "Amina Citizen",
    acr: "urn:eidas:loa:substantial",
  },
};

const accounts = process.env.OIDC_ACCOUNTS ? JSON.parse(process.env.OIDC_ACCOUNTS) : DEFAULT_ACCOUNTS;
const bySub = new Map(Object.values(accounts).map((account) => [account.sub, account]));

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "test-signing-key", use: "sig", alg: "RS256" };
}

function configuration() {
  return {
    clients: [
      {
        client_id: process.env.OIDC_CLIENT_ID,
        client_secret: process.env.OIDC_CLIENT_SECRET,
        redirect_uris: process.env.OIDC_REDIRECT_URIS.split(" "),
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey()] },
    cookies: { keys: ["test-only-cookie-key"] },
    claims: { openid: ["sub", "acr"], email: ["email", "email_verified"], profile: ["name"] },
    acrValues: [...new Set(Object.values(accounts).map((account) => account.acr))],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(ctx, sub) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.email_verified, name: account.name };
        },
      };
    },
    // A first-party client, as a municipality's platform is for its eID: no consent page.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
  };
}

function loginPage(uid, message = "") {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign-in</title></head><body>
<h1>Sign-in</h1>${message ? `<p role="alert">${message}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<input name="login" required><input name="password" type="password" required>
<button type="submit">Sign-in</button></form>
<a href="/interaction/${uid}/abort">Cancel</a></body></html>`;
}

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function html(res, status, body) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

async function interaction(provider, req, res) {
  const [, , uid, action] = new URL(req.url, "http://x").pathname.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return html(res, 400, "unknown interaction");
  if (action === "abort") {
    const result = { error: "access_denied", error_description: "End-User aborted interaction" };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (action === "login" && req.method === "POST") {
    const form = await readForm(req);
    const account = accounts[form.get("login")];
    if (!account || account.password !== form.get("password")) {
      return html(res, 200, loginPage(uid, "Unknown login or wrong password."));
    }
    const login = { accountId: account.sub, acr: account.acr, amr: ["pwd"] };
    return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }
  return html(res, 200, loginPage(uid));
}

let provider;
let handle;
const server = http.createServer((req, res) => {
  if (req.url.startsWith("/interaction/")) {
    interaction(provider, req, res).catch((error) => html(res, 400, String(error.message)));
    return;
  }
  handle(req, res);
});

server.listen(0, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, configuration());
  handle = provider.callback();
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));
