import { request, type ClientRequest, type IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
  listen,
} from '../../helpers/service.ts'

// Bodies cost nothing before credentials, a few KB on JSON routes, and at most the upload limit,
// counted as they stream; the bytes held for bodies are capped per client and in total.

type Flood = { status: number; sent: number }

/**
 * Sends a body that never ends (a 64 KB chunk every 20 ms) until the service answers, for at most
 * `maxMs`; the status (0 if none) and the bytes this client managed to send.
 */
function sendEndless(
  port: number,
  path: string,
  headers: Record<string, string>,
  maxMs = 5_000,
): Promise<Flood> {
  return new Promise((done) => {
    let sent = 0
    const chunk = Buffer.alloc(64 * 1024, 0x41)
    const req: ClientRequest = request({ host: '127.0.0.1', port, method: 'POST', path, headers })
    const timer = setInterval(() => {
      if (req.writableNeedDrain) return
      sent += chunk.length
      req.write(chunk)
    }, 20)
    const stop = (status: number) => {
      clearInterval(timer)
      clearTimeout(limit)
      req.destroy()
      done({ status, sent })
    }
    const limit = setTimeout(() => stop(0), maxMs)
    req.on('response', (res: IncomingMessage) => {
      res.resume()
      stop(res.statusCode ?? 0)
    })
    req.on('error', () => stop(0))
    req.flushHeaders()
  })
}

async function readStats(url: string, token: string) {
  const res = await fetch(`${url}/api/admin/stats`, { headers: bearer(token) })
  return (await res.json()) as { bodyBytesInFlight: number }
}

describe('request bodies on a real port', () => {
  it('answers 100 unauthenticated endless uploads with 401 at once, holding none of their bytes', async () => {
    const s = await createTestService()
    const server = await listen(s.app)
    try {
      const floods = Array.from({ length: 100 }, () =>
        sendEndless(server.port, '/api/submissions', {
          'content-type': 'multipart/form-data; boundary=x',
        }),
      )
      const during = await readStats(server.url, s.adminToken)
      const results = await Promise.all(floods)
      // Before credentials were checked first, the body limit read every chunked body whole: none
      // of these was answered until its body ended (never), and each could hold up to 20 MB.
      expect(results.map((r) => r.status)).toEqual(results.map(() => 401))
      expect(during.bodyBytesInFlight).toBe(0)
      expect((await readStats(server.url, s.adminToken)).bodyBytesInFlight).toBe(0)
    } finally {
      await server.close()
    }
  }, 20_000)

  it('refuses sign-ins past a few KB: declared (before reading) or streamed (after 4 KB)', async () => {
    const s = await createTestService()
    const server = await listen(s.app)
    try {
      const huge = await fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(19 * 1024 * 1024) }),
      })
      expect(huge.status).toBe(413)
      expect(await huge.json()).toMatchObject({ error: { code: 'request/too-large' } })
      const streamed = await Promise.all(
        Array.from({ length: 50 }, () =>
          sendEndless(server.port, '/api/login', { 'content-type': 'application/json' }),
        ),
      )
      expect(streamed.map((r) => r.status)).toEqual(streamed.map(() => 413))
      expect((await readStats(server.url, s.adminToken)).bodyBytesInFlight).toBe(0)
    } finally {
      await server.close()
    }
  }, 20_000)

  it('caps the bytes held for bodies per agency and in total: request/busy past either', async () => {
    const s = await createTestService(
      {},
      { bodyLimits: { inflightPerClient: 1024 * 1024, inflightTotal: 1536 * 1024 } },
    )
    const server = await listen(s.app)
    const stalled: ClientRequest[] = []
    try {
      const upload = (token: string, size: number) => {
        const req = request({
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/submissions',
          headers: {
            ...bearer(token),
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(size),
          },
        })
        req.on('error', () => {})
        const answer = new Promise<number>((done) =>
          req.on('response', (res) => {
            res.resume()
            done(res.statusCode ?? 0)
          }),
        )
        req.write(Buffer.alloc(1024))
        stalled.push(req)
        return answer
      }
      const a = s.agencyToken('so-noi-vu')
      void upload(a, 800 * 1024)
      await new Promise((resolve) => setTimeout(resolve, 200))
      // The same agency's second upload would hold 1.6 MB: past its share.
      expect(await upload(s.agencyToken('so-noi-vu'), 800 * 1024)).toBe(503)
      void upload(s.agencyToken('so-tu-phap'), 600 * 1024)
      await new Promise((resolve) => setTimeout(resolve, 200))
      // A third agency would bring the total past 1.5 MB.
      expect(await upload(s.agencyToken('so-tai-chinh'), 400 * 1024)).toBe(503)
      expect((await readStats(server.url, s.adminToken)).bodyBytesInFlight).toBe(1400 * 1024)
      for (const req of stalled.splice(0)) req.destroy()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect((await readStats(server.url, s.adminToken)).bodyBytesInFlight).toBe(0)
      const ok = await fetch(`${server.url}/api/submissions`, {
        method: 'POST',
        headers: bearer(s.agencyToken('so-tai-chinh')),
        body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
      })
      expect(ok.status).toBe(201)
    } finally {
      for (const req of stalled) req.destroy()
      await server.close()
    }
  }, 20_000)
})

/** A body of `chunks` pieces of 64 KB that counts how many were read. */
function createCountedBody(chunks: number) {
  const counted = { pulled: 0 }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counted.pulled >= chunks) return controller.close()
      counted.pulled++
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x41))
    },
  })
  return { body, counted }
}

describe('request bodies in the app', () => {
  it('reads no byte of a body before its credentials, and a few KB on JSON routes', async () => {
    const s = await createTestService()
    const anonymous = createCountedBody(100)
    const refused = await s.app.request('/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: anonymous.body,
      duplex: 'half',
    } as RequestInit)
    expect(refused.status).toBe(401)
    expect(anonymous.counted.pulled).toBeLessThanOrEqual(1)
    const json = createCountedBody(100)
    const big = await s.app.request('/api/tokens', {
      method: 'POST',
      headers: { ...bearer(s.adminToken), 'Content-Type': 'application/json' },
      body: json.body,
      duplex: 'half',
    } as RequestInit)
    expect(big.status).toBe(413)
    expect(json.counted.pulled).toBeLessThanOrEqual(2)
  })

  it('counts an upload as it streams and stops reading at the limit', async () => {
    const s = await createTestService({ bodyBytes: 1024 * 1024 })
    const upload = createCountedBody(80)
    const res = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: {
        ...bearer(s.agencyToken('so-noi-vu')),
        'Content-Type': 'multipart/form-data; boundary=x',
      },
      body: upload.body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { code: 'request/too-large' } })
    // 1 MB is 16 pieces of 64 KB: of the 5 MB sent, little more than the limit was read.
    expect(upload.counted.pulled).toBeLessThanOrEqual(20)
    expect(s.store.countSubmissions()).toBe(0)
  })
})
