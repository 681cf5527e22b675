import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from '../errors/index.ts'
import type { Principal } from '../store/index.ts'

/**
 * What a request body may cost: sign-in and every JSON route a few KB, an upload (a workbook or the
 * add-ins' table) `uploadBytes`; the bytes the service holds for bodies still being read or worked
 * on, per client (an agency, an admin, a signing-in address) and in total.
 */
export type BodyLimits = {
  signInBytes: number
  jsonBytes: number
  uploadBytes: number
  inflightPerClient: number
  inflightTotal: number
}
export const defaultBodyLimits: BodyLimits = {
  signInBytes: 4 * 1024,
  jsonBytes: 16 * 1024,
  uploadBytes: 20 * 1024 * 1024,
  inflightPerClient: 48 * 1024 * 1024,
  inflightTotal: 192 * 1024 * 1024,
}

/** The bytes held for request bodies, per client and in total. */
export type Inflight = ReturnType<typeof createInflight>

/** Counts the bytes held for bodies; a reservation past a client's share or the total is refused. */
export function createInflight(limits: Pick<BodyLimits, 'inflightPerClient' | 'inflightTotal'>) {
  const held = new Map<string, number>()
  let total = 0
  return {
    /** Takes `bytes` more for `client`; false (nothing taken) when that would pass a limit. */
    reserve(client: string, bytes: number): boolean {
      const mine = held.get(client) ?? 0
      if (mine + bytes > limits.inflightPerClient || total + bytes > limits.inflightTotal)
        return false
      held.set(client, mine + bytes)
      total += bytes
      return true
    },
    release(client: string, bytes: number): void {
      const left = (held.get(client) ?? 0) - bytes
      if (left > 0) held.set(client, left)
      else held.delete(client)
      total -= bytes
    },
    /** Bytes held now, in total (for the admin's counts and the tests). */
    total: () => total,
  }
}

/** Who holds the bytes of a request: the agency (all its tokens and people), an admin, an address. */
function describeClient(principal: Principal | undefined, ip: string): string {
  if (!principal) return `ip:${ip}`
  if (principal.role === 'agency') return `agency:${principal.agencyId}`
  return `admin:${principal.email ?? principal.tokenId ?? 'env'}`
}

/**
 * The body limit, after authentication (only sign-in is read without credentials): a declared length
 * past the route's limit is refused before a byte is read; otherwise bytes are counted as they arrive
 * and refused past the limit, never buffered beyond it. Small bodies (sign-in, JSON routes) are read
 * here whole; an upload streams on to its route. Every byte is reserved against its client's share
 * and the total of bodies in flight (`request/busy` past either) until the request is answered.
 */
export function createBodyGate(
  limits: BodyLimits,
  inflight: Inflight,
  readIp: (c: Context) => string,
): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw
    if (!raw.body || c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const upload = c.req.method === 'POST' && c.req.path === '/api/submissions'
    const limit = upload
      ? limits.uploadBytes
      : c.req.path === '/api/login'
        ? limits.signInBytes
        : limits.jsonBytes
    const declared = Number(c.req.header('content-length') ?? Number.NaN)
    if (declared > limit) throw new AppError('request/too-large')
    const client = describeClient(c.get('principal') as Principal | undefined, readIp(c))
    let held = 0
    const hold = (bytes: number) => {
      if (bytes <= held) return
      if (!inflight.reserve(client, bytes - held)) throw new AppError('request/busy')
      held = bytes
    }
    try {
      if (Number.isSafeInteger(declared) && declared > 0) hold(declared)
      let read = 0
      const reader = raw.body.getReader()
      const count = (chunk: Uint8Array) => {
        read += chunk.byteLength
        if (read > limit) throw new AppError('request/too-large')
        hold(read)
      }
      if (!upload) {
        const chunks: Uint8Array[] = []
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          count(value)
          chunks.push(value)
        }
        c.req.raw = new Request(raw, { body: joinChunks(chunks, read) as BodyInit })
      } else {
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await reader.read()
            if (done) return controller.close()
            count(value)
            controller.enqueue(value)
          },
          cancel: (reason) => reader.cancel(reason),
        })
        c.req.raw = new Request(raw, { body, duplex: 'half' } as RequestInit)
      }
      await next()
    } finally {
      if (held > 0) inflight.release(client, held)
    }
  }
}

/** Chunks joined into one buffer of exactly their length. */
export function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}
