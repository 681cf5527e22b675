import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { Busboy } from '@fastify/busboy'
import { AppError } from '../errors/index.ts'
import { joinChunks } from './body.ts'

/** An upload's form: its text fields and its one file (the `file` field). */
export type UploadForm = {
  fields: Map<string, string>
  file: { bytes: Uint8Array; name: string | null } | null
}

/**
 * Collects a stream's bytes into one buffer of their own (never a shared pool: it may be handed to a
 * worker thread): preallocated when the length is declared, else joined once at the end.
 */
function createCollector(declared: number, limit: number) {
  const target = Number.isSafeInteger(declared) && declared > 0 ? new Uint8Array(declared) : null
  const chunks: Uint8Array[] = []
  let size = 0
  return {
    add(chunk: Uint8Array) {
      if (size + chunk.byteLength > (target?.byteLength ?? limit))
        throw new AppError('request/too-large')
      if (target) target.set(chunk, size)
      else chunks.push(chunk)
      size += chunk.byteLength
    },
    finish: (): Uint8Array => (target ? target.subarray(0, size) : joinChunks(chunks, size)),
  }
}

/** A request's whole body (the add-ins' JSON table) as one buffer of its own, within `limit`. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const collector = createCollector(Number(request.headers.get('content-length')), limit)
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return collector.finish()
    collector.add(value)
  }
}

/**
 * Reads a multipart upload as it streams (Busboy): the text fields, and the one `file` straight into
 * a buffer of its own: the body is never held twice, nor parsed as a whole form first.
 */
export function readMultipartUpload(request: Request, limit: number): Promise<UploadForm> {
  const type = request.headers.get('content-type') ?? ''
  let parser: ReturnType<typeof Busboy>
  try {
    parser = Busboy({
      headers: { 'content-type': type },
      limits: { files: 1, fields: 8, parts: 10, fieldSize: 1024, fileSize: limit },
    })
  } catch {
    return Promise.reject(new AppError('request/invalid-body'))
  }
  const declared = Number(request.headers.get('content-length'))
  return new Promise<UploadForm>((resolve, reject) => {
    const fields = new Map<string, string>()
    let file: UploadForm['file'] = null
    let fileRead: Promise<void> = Promise.resolve()
    const fail = (error: unknown) =>
      reject(error instanceof AppError ? error : new AppError('request/invalid-body'))
    parser.on('field', (name, value) => fields.set(name, value))
    parser.on('file', (name, stream, fileName) => {
      if (name !== 'file' || file !== null) {
        stream.resume()
        return
      }
      const collector = createCollector(declared, limit)
      fileRead = new Promise<void>((done) => {
        stream.on('data', (chunk: Uint8Array) => {
          try {
            collector.add(chunk)
          } catch (error) {
            parser.destroy(error as Error)
          }
        })
        stream.on('limit', () => parser.destroy(new AppError('request/too-large')))
        stream.on('end', () => {
          file = { bytes: collector.finish(), name: fileName || null }
          done()
        })
      })
    })
    parser.on('finish', () => void fileRead.then(() => resolve({ fields, file })))
    parser.on('error', fail)
    if (!request.body) {
      parser.end()
      return
    }
    Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
      .on('error', (error) => parser.destroy(error))
      .pipe(parser)
  })
}
