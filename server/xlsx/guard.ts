import { inflateRawSync } from 'node:zlib'
import { WorkbookError } from './errors.ts'

/** Limits for a workbook package, checked before any XML is parsed. */
export const packageLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 5_000,
  maxUncompressed: 160 * 1024 * 1024,
  maxEntryUncompressed: 64 * 1024 * 1024,
  maxRatio: 250,
}

type ZipEntry = {
  name: string
  method: number
  flags: number
  compressed: number
  size: number
  offset: number
}

/** Reads the central directory of a zip archive; throws `corrupt` when it is not one. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new WorkbookError('corrupt', 'no zip directory')
  const count = view.getUint16(eocd + 10, true)
  let p = view.getUint32(eocd + 16, true)
  if (count > packageLimits.maxEntries) throw new WorkbookError('unsafe', `${count} entries`)
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw new WorkbookError('corrupt', 'bad zip directory')
    const nameLength = view.getUint16(p + 28, true)
    const extra = view.getUint16(p + 30, true)
    const comment = view.getUint16(p + 32, true)
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    })
    p += 46 + nameLength + extra + comment
  }
  return entries
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

/** Inflates one entry, refusing to produce more than its declared size (a lying zip bomb). */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const local = entry.offset
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
    throw new WorkbookError('corrupt', entry.name)
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
  const data = bytes.subarray(start, start + entry.compressed)
  if (data.length < entry.compressed) throw new WorkbookError('corrupt', `truncated ${entry.name}`)
  if (entry.method === 0) return Buffer.from(data)
  if (entry.method !== 8) throw new WorkbookError('corrupt', `compression ${entry.method}`)
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) })
  } catch (error) {
    if (
      error instanceof RangeError ||
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    ) {
      throw new WorkbookError('unsafe', `${entry.name} is larger than it declares`)
    }
    throw new WorkbookError('corrupt', entry.name)
  }
}

/**
 * Checks a workbook's bytes before parsing: what kind of file it is (xlsx, legacy xls, encrypted,
 * ods), that its zip is sound, bounded in size and ratio, with no entry escaping the package,
 * no nested archives, and no XML declaring a DTD (entities are never expanded).
 */
export function inspectPackage(bytes: Uint8Array): void {
  if (bytes.length > packageLimits.maxBytes) throw new WorkbookError('too-large')
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0
  ) {
    throw new WorkbookError(hasUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'legacy-xls')
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new WorkbookError('not-xlsx')
  const entries = readZipEntries(bytes)
  const names = new Set(entries.map((e) => e.name))
  if (names.has('mimetype') && !names.has('[Content_Types].xml')) throw new WorkbookError('ods')
  if (!names.has('[Content_Types].xml') || ![...names].some((n) => n.startsWith('xl/'))) {
    throw new WorkbookError('not-xlsx')
  }
  let total = 0
  for (const e of entries) {
    if (
      e.name.startsWith('/') ||
      e.name.includes('\\') ||
      e.name.split('/').includes('..') ||
      /^[a-z]:/i.test(e.name)
    ) {
      throw new WorkbookError('unsafe', `entry name ${e.name}`)
    }
    if (e.flags & 1) throw new WorkbookError('encrypted')
    total += e.size
    if (e.size > packageLimits.maxEntryUncompressed || total > packageLimits.maxUncompressed) {
      throw new WorkbookError('too-large', e.name)
    }
    if (e.size > 1_000_000 && e.size / Math.max(e.compressed, 1) > packageLimits.maxRatio) {
      throw new WorkbookError('unsafe', `${e.name} compression ratio`)
    }
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      const xml = inflateEntry(bytes, e)
      if (/\.(zip|xlsx)$/i.test(e.name))
        throw new WorkbookError('unsafe', `nested archive ${e.name}`)
      if (
        xml.subarray(0, 4096).toString('latin1').includes('<!DOCTYPE') ||
        xml.includes('<!ENTITY')
      ) {
        throw new WorkbookError('unsafe', `DTD in ${e.name}`)
      }
    } else if (/\.(zip|xlsx|xlsm|gz)$/i.test(e.name)) {
      throw new WorkbookError('unsafe', `nested archive ${e.name}`)
    }
  }
}
