import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { AppError } from '../errors/index.ts'

/** One entry of a zip's central directory. */
export type ZipEntry = {
  name: string
  method: number
  flags: number
  compressed: number
  size: number
  crc: number
  offset: number
}

/** Reads the central directory of a zip archive; throws `corrupt` when it is not one. */
export function readZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new AppError('workbook/corrupt', 'no zip directory')
  const count = view.getUint16(eocd + 10, true)
  let p = view.getUint32(eocd + 16, true)
  if (count > maxEntries) throw new AppError('workbook/unsafe', `${count} entries`)
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw new AppError('workbook/corrupt', 'bad zip directory')
    const nameLength = view.getUint16(p + 28, true)
    const extra = view.getUint16(p + 30, true)
    const comment = view.getUint16(p + 32, true)
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    })
    p += 46 + nameLength + extra + comment
  }
  return entries
}

/** One entry's bytes as stored in the archive (compressed or not). */
export function readStoredBody(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const local = entry.offset
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
    throw new AppError('workbook/corrupt', entry.name)
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
  const data = bytes.subarray(start, start + entry.compressed)
  if (data.length < entry.compressed)
    throw new AppError('workbook/corrupt', `truncated ${entry.name}`)
  return data
}

/** Inflates one entry, refusing to produce more than it declares or than `budget` (a lying zip bomb). */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Buffer {
  const data = readStoredBody(bytes, entry)
  if (entry.size > budget) throw new AppError('workbook/too-large', entry.name)
  if (entry.method === 0) return Buffer.from(data)
  if (entry.method !== 8) throw new AppError('workbook/corrupt', `compression ${entry.method}`)
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) })
  } catch (error) {
    if (
      error instanceof RangeError ||
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    ) {
      throw new AppError('workbook/unsafe', `${entry.name} is larger than it declares`)
    }
    throw new AppError('workbook/corrupt', entry.name)
  }
}

/** One entry as written: its name, its bytes as stored, and what its headers declare. */
export type ZipPart = {
  name: string
  body: Buffer
  method: 0 | 8
  crc: number
  /** The uncompressed size the headers declare. */
  size: number
}

/** Writes a zip archive's local headers, bodies, central directory and end record. */
export function writeZip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(part.method, 8)
    local.writeUInt32LE(part.crc, 14)
    local.writeUInt32LE(part.body.length, 18)
    local.writeUInt32LE(part.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    local.copy(central, 8, 6, 26)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    chunks.push(local, name, part.body)
    directory.push(central, name)
    offset += local.length + name.length + part.body.length
  }
  const central = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(central.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...chunks, central, end]))
}

/** Writes a zip archive of the given parts, deflated or (`store`) as they are. */
export function buildZip(parts: { name: string; data: Buffer }[], store = false): Uint8Array {
  return writeZip(
    parts.map((p) => ({
      name: p.name,
      body: store ? p.data : deflateRawSync(p.data),
      method: store ? 0 : 8,
      crc: crc32(p.data),
      size: p.data.length,
    })),
  )
}
