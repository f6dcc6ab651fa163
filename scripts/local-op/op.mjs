// The local stand-in for HelseID and ID-porten: two OpenID Providers built
// with `oidc-provider` (certified for FAPI 2.0, PAR and DPoP), speaking the
// protocol the real providers speak — so moving to NHN's and Digdir's test
// environments is configuration (docs/operations.md).
//
//   helseid  — a HelseID look-alike: PAR required, PKCE S256, private_key_jwt
//              (ES256), DPoP-bound tokens with a DPoP nonce, and the claims
//              helseid://claims/hpr/hpr_number, …/identity/pid,
//              …/identity/security_level;
//   idporten — an ID-porten look-alike: PAR, PKCE, private_key_jwt, `pid`,
//              `acr` idporten-loa-substantial / idporten-loa-high.
//
// The test persons are listed in README.md. The client `frist-local` is
// registered with the public half of scripts/local-op/frist-local-client.jwk.json
// and any loopback redirect URI ending in /api/v1/oidc/<provider>/callback
// (RFC 8252's loopback rule: the tests run frist on free ports).
//
// For the tests only (this is a local stand-in, never a real provider):
// `POST /__test/next-token {"mode": …}` makes the provider spoil its next
// ID token in one way — wrong_signature, unknown_kid, rotated (signed with
// a new key it then publishes), wrong_iss, wrong_aud, expired, wrong_nonce —
// so every refusal of frist's can be tested end to end.
//
//   node scripts/local-op/op.mjs [--helseid-port 9701] [--idporten-port 9702]
// prints one line of JSON with both issuers when they listen.
import Provider from 'oidc-provider';
import * as jose from 'jose';
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const clientKey = JSON.parse(readFileSync(join(here, 'frist-local-client.jwk.json'), 'utf8'));
const { d: _private, ...clientPublic } = clientKey;

// The test persons (synthetic Tenor numbers; HPR numbers of no one).
export const PERSONS = {
  helseid: {
    'siri-sykehus': { name: 'Siri Sykehus', hpr: '9144889', pid: '02849040009', level: '4' },
    'hans-helseforetak': { name: 'Hans Helseforetak', hpr: null, pid: '11877840001', level: '4' },
    'lars-lavniva': { name: 'Lars Lavnivå', hpr: '9144897', pid: '23859240011', level: '3' },
    'ulla-ukjent': { name: 'Ulla Ukjent', hpr: '9144898', pid: '07916540072', level: '4' },
  },
  idporten: {
    '15838540063': { name: 'Kari Kommune', acr: 'idporten-loa-high' },
    '23859240011': { name: 'Arne Administrator', acr: 'idporten-loa-high' },
    '11877840001': { name: 'Hanne Saksbehandler', acr: 'idporten-loa-high' },
    '02849040009': { name: 'Sven Substansiell', acr: 'idporten-loa-substantial' },
    '07916540072': { name: 'Per Ukoblet', acr: 'idporten-loa-high' },
  },
};

function newSigningKey(kid) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'ES256', kid };
}

function loopbackCallback(kind, uri) {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
      && u.pathname === `/api/v1/oidc/${kind}/callback` && !u.search && !u.hash;
  } catch { return false; }
}

function loopbackLogin(uri) {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
      && u.pathname === '/logg-inn';
  } catch { return false; }
}

function claimsOf(kind, id) {
  const p = PERSONS[kind][id];
  if (kind === 'helseid') {
    return {
      sub: id,
      name: p.name,
      ...(p.hpr ? { 'helseid://claims/hpr/hpr_number': p.hpr } : {}),
      'helseid://claims/identity/pid': p.pid,
      'helseid://claims/identity/security_level': p.level,
    };
  }
  return { sub: `pairwise-${id}`, pid: id, name: p.name, acr: p.acr };
}

function configure(kind, signingKey) {
  return {
    clients: [{
      client_id: 'frist-local',
      redirect_uris: [`http://127.0.0.1:8787/api/v1/oidc/${kind}/callback`],
      post_logout_redirect_uris: ['http://127.0.0.1:8787/logg-inn'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      id_token_signed_response_alg: 'ES256',
      dpop_bound_access_tokens: kind === 'helseid',
      jwks: { keys: [clientPublic] },
    }],
    jwks: { keys: [signingKey] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: kind === 'helseid' },
      dPoP: { enabled: true, ...(kind === 'helseid' ? { nonceSecret: randomBytes(32) } : {}) },
      rpInitiatedLogout: {
        enabled: true,
        // Signing out of the stand-in needs no confirmation click, and ends
        // the provider's own session too (`logout=yes`), not only frist's
        // part of it.
        logoutSource: async (ctx, form) => {
          const yes = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
          ctx.body = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Logger ut</title></head>`
            + `<body>${yes}<script>document.forms[0].submit()</script></body></html>`;
        },
      },
      claimsParameter: { enabled: false },
    },
    enabledJWA: {
      clientAuthSigningAlgValues: ['ES256'],
      idTokenSigningAlgValues: ['ES256'],
      dPoPSigningAlgValues: ['ES256'],
    },
    acrValues: kind === 'idporten' ? ['idporten-loa-substantial', 'idporten-loa-high'] : [],
    scopes: kind === 'helseid'
      ? ['openid', 'profile', 'helseid://scopes/identity/pid', 'helseid://scopes/identity/security_level', 'helseid://scopes/hpr/hpr_number']
      : ['openid', 'profile'],
    claims: kind === 'helseid'
      ? {
          openid: ['sub'],
          profile: ['name'],
          'helseid://scopes/identity/pid': ['helseid://claims/identity/pid'],
          'helseid://scopes/identity/security_level': ['helseid://claims/identity/security_level'],
          'helseid://scopes/hpr/hpr_number': ['helseid://claims/hpr/hpr_number'],
        }
      : { openid: ['sub', 'pid'], profile: ['name'] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => PERSONS[kind][id] && {
      accountId: id,
      claims: async () => claimsOf(kind, id),
    },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope ?? 'openid');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: {
      AuthorizationCode: 120, PushedAuthorizationRequest: 120, AccessToken: 300, IdToken: 300,
      Session: 900, Interaction: 900, Grant: 900,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil</title></head>`
        + `<body><main><h1>Feil hos innloggingstjenesten</h1><p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p></main></body></html>`;
    },
  };
}

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(kind, uid) {
  const title = kind === 'helseid' ? 'HelseID (lokal testutgave)' : 'ID-porten (lokal testutgave)';
  const rows = Object.entries(PERSONS[kind]).map(([id, p]) => {
    const detail = kind === 'helseid'
      ? `HPR ${p.hpr ?? '–'}, sikkerhetsnivå ${p.level}`
      : `${p.acr === 'idporten-loa-high' ? 'høyt' : 'betydelig'} sikkerhetsnivå`;
    return `<li><form method="post" action="/interaction/${uid}/login">`
      + `<input type="hidden" name="person" value="${escape(id)}">`
      + `<button type="submit">${escape(p.name)}</button> <span>(${escape(detail)})</span></form></li>`;
  }).join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title></head>`
    + `<body><main><h1>${title}</h1><p>Dette er en lokal erstatning for den ekte innloggingstjenesten. `
    + `Velg en testperson:</p><ul>${rows}</ul></main></body></html>`;
}

/// Spoils an ID token the way `mode` says.
async function spoil(kind, state, token) {
  const mode = state.next;
  state.next = null;
  const payload = jose.decodeJwt(token);
  const header = jose.decodeProtectedHeader(token);
  const now = Math.floor(Date.now() / 1000);
  const changes = {
    wrong_iss: { iss: 'http://127.0.0.1:1/not-the-issuer' },
    wrong_aud: { aud: 'someone-else' },
    expired: { iat: now - 3600, exp: now - 1800 },
    wrong_nonce: { nonce: 'not-the-nonce-frist-sent' },
  }[mode] ?? {};
  let key = state.signingKey;
  let kid = header.kid;
  if (mode === 'wrong_signature') key = newSigningKey(kid);
  if (mode === 'unknown_kid') { key = newSigningKey('never-published'); kid = key.kid; }
  if (mode === 'rotated') {
    key = newSigningKey(`rotated-${state.extraKeys.length + 1}`);
    kid = key.kid;
    const { d: _d, ...pub } = key;
    state.extraKeys.push(pub);
  }
  return new jose.SignJWT({ ...payload, ...changes })
    .setProtectedHeader({ alg: 'ES256', kid })
    .sign(await jose.importJWK(key, 'ES256'));
}

/// Lets `rewrite` change the JSON body oidc-provider is about to send.
function rewriteJson(res, rewrite) {
  const end = res.end.bind(res);
  res.end = (chunk, ...rest) => {
    if (!chunk || res.statusCode !== 200) return end(chunk, ...rest);
    Promise.resolve()
      .then(() => rewrite(JSON.parse(chunk.toString())))
      .then((body) => {
        const text = JSON.stringify(body);
        if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(text));
        end(text);
      })
      .catch(() => end(chunk, ...rest));
    return res;
  };
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

async function start(kind, port) {
  const state = { signingKey: newSigningKey(`${kind}-1`), extraKeys: [], next: null };
  const server = createServer();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configure(kind, state.signingKey));
  provider.Client.prototype.redirectUriAllowed = function allowed(uri) {
    return loopbackCallback(kind, uri);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function allowed(uri) {
    return loopbackLogin(uri);
  };
  const oidc = provider.callback();
  server.on('request', async (req, res) => {
    const url = new URL(req.url, issuer);
    if (req.method === 'POST' && url.pathname === '/__test/next-token') {
      state.next = JSON.parse((await readBody(req)) || '{}').mode ?? null;
      res.statusCode = 204;
      return res.end();
    }
    if (url.pathname === '/token' && state.next) {
      rewriteJson(res, async (body) => (body.id_token
        ? { ...body, id_token: await spoil(kind, state, body.id_token) }
        : body));
    }
    if (url.pathname === '/jwks' && state.extraKeys.length) {
      rewriteJson(res, (body) => ({ ...body, keys: [...body.keys, ...state.extraKeys] }));
    }
    const m = url.pathname.match(/^\/interaction\/([^/]+)(\/login)?$/);
    if (!m) return oidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(page(kind, details.uid));
      }
      const person = new URLSearchParams(await readBody(req)).get('person');
      if (!PERSONS[kind][person]) {
        res.statusCode = 400;
        return res.end('unknown person');
      }
      const acr = kind === 'idporten' ? PERSONS[kind][person].acr : undefined;
      await provider.interactionFinished(req, res, { login: { accountId: person, acr } },
        { mergeWithLastSubmission: false });
    } catch (e) {
      res.statusCode = 400;
      res.end(escape(e.message ?? e));
    }
  });
  return issuer;
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const helseid = await start('helseid', arg('--helseid-port', 9701));
const idporten = await start('idporten', arg('--idporten-port', 9702));
console.log(JSON.stringify({ helseid, idporten }));
