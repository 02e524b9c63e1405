/**
 * The remote cache client against a real `turborepo-remote-cache` server (ducktors), started here
 * twice on 127.0.0.1 over one local storage folder:
 *  - `tagged`: TURBO_REMOTE_CACHE_SIGNATURE_KEY set, so it stores and serves `x-artifact-tag`
 *    (the server never checks tags; the variable only switches tag storage on);
 *  - `plain`: the server's default, which keeps no tags at all.
 * A few hostile behaviours no honest server has (hanging, echoing the token) use tiny servers
 * written here.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteCache, type RemoteCacheOptions } from '../../src/io/remote-cache.js';
import { freePort, startCacheServer, type CacheServer } from '../helpers/remote-cache-server.js';

const TEAM = 'speccc-team';
const TOKEN = `tok-${randomBytes(12).toString('hex')}`;
const WRONG_TOKEN = `wrong-${randomBytes(12).toString('hex')}`;
const KEY = `key-${randomBytes(16).toString('hex')}`;
const OTHER_KEY = `other-${randomBytes(16).toString('hex')}`;
const SECRETS = [TOKEN, WRONG_TOKEN, KEY, OTHER_KEY];

/** A real `turbo` 2.11.11 upload (see the interop test): a 230-byte tar.zst and the tag turbo sent. */
const TURBO = {
  key: 'interop-key-interop-key-interop-key-0123',
  team: 'team_speccc',
  hash: '5cd9ecc51cd97b32',
  tag: 'lmi3ZwS+0WfkNhH/5WoMiAH8lFF0OFyQ7rWLlr5QFIQ=',
  body:
    'KLUv/QBY7QYA8kgeH2ClqgMAVdPWoux1/oAL6pBOZuQmLBmSsGZhKAgEdDKsGexNDUYMbg05+1dL+FLqglY940r2EGAAKAgMio4DC7MEsS3hW6jYCD6H' +
    'YJO0V1dMcJuk627kWk69HueDf1Xk/Ctjx8/XJj7qPXAqxYpKNFsttyTTOGdxUCUg0AIpmUDjAcJ1BdegUFANt8NFgXYxILZK8W5ATewRVH8XBhQB/gAp' +
    'OA+8Y8guXLhzMCGg0AgTPZk6gEacQAWMLBMC1TzBZdh3DQPUgh1jYw2N4DR8af1FFg/nULy0MAw=',
};

let storage: string;
let tagged: CacheServer;
let plain: CacheServer;
/** Every detail any client returned in this file: none may name a secret (checked last). */
const details: string[] = [];

const hash = () => randomBytes(32).toString('hex');
const artifact = (size = 64 * 1024) => new Uint8Array(randomBytes(size));

function client(server: Pick<CacheServer, 'url'>, extra: Partial<RemoteCacheOptions> = {}) {
  const cache = createRemoteCache({ url: server.url, team: TEAM, token: TOKEN, timeoutMs: 3_000, ...extra });
  const note = <T>(result: T): T => {
    const detail = (result as { detail?: unknown }).detail;
    if (typeof detail === 'string') details.push(detail);
    return result;
  };
  return {
    get: async (h: string, signal?: AbortSignal) => note(await cache.get(h, signal)),
    put: async (h: string, bytes: Uint8Array, signal?: AbortSignal) => note(await cache.put(h, bytes, signal)),
    status: async (signal?: AbortSignal) => note(await cache.status(signal)),
  };
}


/** A throwaway HTTP server for behaviours a real cache does not have. */
async function tinyServer(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  storage = mkdtempSync(path.join(os.tmpdir(), 'speccc-remote-cache-'));
  [tagged, plain] = await Promise.all([startCacheServer(TOKEN, { storage, storeTags: true }), startCacheServer(TOKEN, { storage, storeTags: false })]);
});

afterAll(async () => {
  await Promise.all([tagged?.stop(), plain?.stop()]);
  if (storage) rmSync(storage, { recursive: true, force: true });
});

describe('remote cache client against turborepo-remote-cache', () => {
  it('reports a reachable server with an accepted token as ok', async () => {
    const status = await client(tagged).status();
    expect(status.ok, status.detail).toBe(true);
    expect(status.detail).toContain('enabled');
  });

  it('round-trips bytes: put then get', async () => {
    const h = hash();
    const bytes = artifact();
    expect(await client(plain).put(h, bytes)).toEqual({ status: 'stored' });
    const got = await client(plain).get(h);
    expect(got.status).toBe('hit');
    expect(got.status === 'hit' && Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
    // stored where the server's local provider keeps it: <storage>/<team>/<hash>
    expect(readFileSync(path.join(storage, TEAM, h)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('round-trips a signed artifact', async () => {
    const h = hash();
    const bytes = artifact();
    const signed = client(tagged, { signingKey: KEY });
    expect(await signed.put(h, bytes)).toEqual({ status: 'stored' });
    const got = await signed.get(h);
    expect(got.status).toBe('hit');
    expect(got.status === 'hit' && Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('signs and verifies exactly as turbo does (an artifact uploaded by turbo 2.11.11)', async () => {
    // Captured from `turbo run build` (2.11.11, remoteCache.signature on) with TURBO_TEAMID=TURBO.team
    // and TURBO_REMOTE_CACHE_SIGNATURE_KEY=TURBO.key: the body it PUT and its x-artifact-tag.
    const team = TURBO.team;
    const body = Buffer.from(TURBO.body, 'base64');
    const upload = await fetch(`${tagged.url}/v8/artifacts/${TURBO.hash}?teamId=${team}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/octet-stream',
        'x-artifact-duration': '160',
        'x-artifact-tag': TURBO.tag,
      },
      body,
    });
    expect(upload.status).toBe(200);

    const speccc = client(tagged, { team, signingKey: TURBO.key });
    const got = await speccc.get(TURBO.hash);
    expect(got.status).toBe('hit');
    expect(got.status === 'hit' && Buffer.from(got.bytes).equals(body)).toBe(true);

    // speccc's own upload of the same artifact carries turbo's tag, byte for byte.
    writeFileSync(path.join(storage, team, `${TURBO.hash}.tag`), 'overwritten');
    expect(await speccc.put(TURBO.hash, body)).toEqual({ status: 'stored' });
    expect(readFileSync(path.join(storage, team, `${TURBO.hash}.tag`), 'utf8')).toBe(TURBO.tag);

    // turbo <= 2.9.17 tagged HMAC(key, hash || team || body), unframed: refused, as turbo now refuses it.
    const legacy = createHmac('sha256', TURBO.key).update(TURBO.hash).update(team).update(body).digest('base64');
    writeFileSync(path.join(storage, team, `${TURBO.hash}.tag`), legacy);
    expect(await speccc.get(TURBO.hash)).toMatchObject({ status: 'refused', reason: 'bad-signature' });
  });

  it('calls an unknown hash a miss', async () => {
    expect(await client(plain).get(hash())).toEqual({ status: 'miss' });
    expect(await client(tagged, { signingKey: KEY }).get(hash())).toEqual({ status: 'miss' });
  });

  it('refuses an artifact signed with another key: bad-signature', async () => {
    const h = hash();
    expect(await client(tagged, { signingKey: KEY }).put(h, artifact())).toEqual({ status: 'stored' });
    const got = await client(tagged, { signingKey: OTHER_KEY }).get(h);
    expect(got).toMatchObject({ status: 'refused', reason: 'bad-signature' });
  });

  it('refuses an artifact signed for another team: bad-signature', async () => {
    // Same key, same storage folder, but the tag was made for team "speccc-team": moving the files
    // under another team must not make them trusted there.
    const h = hash();
    const bytes = artifact(1024);
    expect(await client(tagged, { signingKey: KEY }).put(h, bytes)).toEqual({ status: 'stored' });
    const other = 'other-team';
    expect(await client(tagged, { signingKey: KEY, team: other }).put(h, artifact(16))).toEqual({ status: 'stored' });
    writeFileSync(path.join(storage, other, h), bytes);
    writeFileSync(path.join(storage, other, `${h}.tag`), readFileSync(path.join(storage, TEAM, `${h}.tag`)));
    const got = await client(tagged, { signingKey: KEY, team: other }).get(h);
    expect(got).toMatchObject({ status: 'refused', reason: 'bad-signature' });
  });

  it('refuses an artifact stored without a tag when signing is on: unsigned', async () => {
    const h = hash();
    expect(await client(plain).put(h, artifact())).toEqual({ status: 'stored' });
    const got = await client(plain, { signingKey: KEY }).get(h);
    expect(got).toMatchObject({ status: 'refused', reason: 'unsigned' });
    // The tag-keeping server hides an untagged artifact instead (404): a miss, never a hit.
    expect(await client(tagged, { signingKey: KEY }).get(h)).toEqual({ status: 'miss' });
  });

  it('refuses a tampered artifact (stored file overwritten) and a tampered tag', async () => {
    const h = hash();
    const bytes = artifact();
    const signed = client(tagged, { signingKey: KEY });
    expect(await signed.put(h, bytes)).toEqual({ status: 'stored' });
    expect((await signed.get(h)).status).toBe('hit');

    const file = path.join(storage, TEAM, h);
    const evil = Buffer.from(bytes);
    evil[evil.length - 1] = (evil[evil.length - 1]! ^ 0xff) & 0xff;
    writeFileSync(file, evil);
    expect(await signed.get(h)).toMatchObject({ status: 'refused', reason: 'bad-signature' });

    writeFileSync(file, bytes);
    writeFileSync(`${file}.tag`, createHmac('sha256', 'guess').update(h).update(TEAM).update(bytes).digest('base64'));
    expect(await signed.get(h)).toMatchObject({ status: 'refused', reason: 'bad-signature' });
    writeFileSync(`${file}.tag`, 'not base64 at all!');
    expect(await signed.get(h)).toMatchObject({ status: 'refused', reason: 'bad-signature' });
  });

  it('turns a wrong token into error results, not throws', async () => {
    const wrong = client(tagged, { token: WRONG_TOKEN, signingKey: KEY });
    const got = await wrong.get(hash());
    expect(got.status).toBe('error');
    expect(got.status === 'error' && got.detail).toMatch(/401/);
    const put = await wrong.put(hash(), artifact(16));
    expect(put.status).toBe('error');
    const status = await wrong.status();
    expect(status.ok).toBe(false);
    expect(status.detail).toMatch(/token is not accepted/);
  });

  it('turns a server that is down into an error within the timeout', async () => {
    const port = await freePort(); // nothing listens there any more
    const got = await client({ url: `http://127.0.0.1:${port}` }, { timeoutMs: 2_000 }).get(hash());
    expect(got.status).toBe('error');
    expect(got.status === 'error' && got.detail).toMatch(/ECONNREFUSED/);
    expect((await client({ url: `http://127.0.0.1:${port}` }).status()).ok).toBe(false);
  });

  it('turns a server that accepts but never answers into a timeout error', async () => {
    const sockets: net.Socket[] = [];
    const blackhole = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(blackhole.address() as net.AddressInfo).port}`;
    try {
      const [got, put, status] = await Promise.all([
        client({ url }, { timeoutMs: 300 }).get(hash()),
        client({ url }, { timeoutMs: 300 }).put(hash(), artifact(16)),
        client({ url }, { timeoutMs: 300 }).status(),
      ]);
      expect(got).toMatchObject({ status: 'error', detail: expect.stringMatching(/timed out after 300 ms/) });
      expect(put).toMatchObject({ status: 'error', detail: expect.stringMatching(/timed out/) });
      expect(status.ok).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => blackhole.close(() => resolve()));
    }
  });

  it('turns a caller abort into an error result', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await client(tagged).get(hash(), controller.signal)).toMatchObject({ status: 'error', detail: expect.stringMatching(/aborted/) });
  });

  it('turns 5xx and malformed answers into errors, and scrubs echoed secrets', async () => {
    const echo = await tinyServer((req, res) => {
      if (req.url?.startsWith('/v8/artifacts/status')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
        return;
      }
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `boom; you sent ${req.headers.authorization}\nsecond line` }));
    });
    try {
      const got = await client(echo, { signingKey: KEY }).get(hash());
      expect(got.status).toBe('error');
      const detail = got.status === 'error' ? got.detail : '';
      expect(detail).toMatch(/HTTP 500/);
      expect(detail).toContain('[redacted]');
      expect(detail).not.toContain('\n');
      expect((await client(echo).put(hash(), artifact(16))).status).toBe('error');
      expect(await client(echo).status()).toMatchObject({ ok: false, detail: expect.stringMatching(/not JSON/) });
    } finally {
      await echo.close();
    }
  });

  it('scrubs secrets from fetch errors too', async () => {
    const leaky: typeof fetch = async (_input, init) => {
      const auth = new Headers(init?.headers).get('authorization');
      throw new TypeError(`Headers.append: "${auth}" is an invalid header value; key ${KEY}`);
    };
    const got = await client(tagged, { fetch: leaky, signingKey: KEY }).get(hash());
    expect(got.status).toBe('error');
    expect(got.status === 'error' && got.detail).toContain('[redacted]');
  });

  it('validates the hash before it goes into a URL, without a request', async () => {
    let calls = 0;
    const counting: typeof fetch = async (...args) => {
      calls += 1;
      return fetch(...args);
    };
    const cache = client(tagged, { fetch: counting });
    for (const bad of ['../../etc/passwd', 'abc', 'g'.repeat(64), 'a'.repeat(129), `${'a'.repeat(63)}/`, `${'a'.repeat(64)}?x=1`]) {
      expect(await cache.get(bad), bad).toMatchObject({ status: 'error', detail: expect.stringMatching(/invalid hash/) });
      expect(await cache.put(bad, artifact(16)), bad).toMatchObject({ status: 'error' });
    }
    expect(calls).toBe(0);
    expect((await cache.get('0123456789abcdef')).status).toBe('miss'); // 16 hex: Turborepo's own length
    expect(calls).toBe(1);
  });

  it('reports bad options as error results', async () => {
    expect((await client({ url: 'not a url' }).get(hash())).status).toBe('error');
    expect((await client({ url: 'ftp://127.0.0.1' }).put(hash(), artifact(16))).status).toBe('error');
    expect((await client({ url: `http://user:${TOKEN}@127.0.0.1:1` }).status()).ok).toBe(false);
    expect((await client(tagged, { token: `${TOKEN}\r\nX-Evil: 1` }).get(hash())).status).toBe('error');
  });

  it('never names the token or a key in any detail', () => {
    expect(details.length).toBeGreaterThan(10);
    for (const detail of details) {
      expect(detail).not.toMatch(/[\r\n]/);
      for (const secret of SECRETS) expect(detail).not.toContain(secret);
    }
    expect(tagged.stderr()).not.toContain(TOKEN);
  });
});
