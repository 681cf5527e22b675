import { packageLimits } from '../xlsx/guard.ts'
import { XmlCursor } from '../xlsx/xml.ts'
import { inflateEntry, readZipEntries, type ZipEntry } from '../xlsx/zip.ts'
import { AppError } from '../errors/index.ts'

/** The parts of a Word package the appendix reader uses, inflated and checked. */
export type DocxPackage = { document: string; numbering: string | null; styles: string | null }

/** Whether the bytes are a zip package whose main part is a Word document (word/…). */
export function isDocxPackage(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false
  try {
    return readZipEntries(bytes, packageLimits.maxEntries).some((e) => e.name.startsWith('word/'))
  } catch {
    return false
  }
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

/** The zip reader's refusals in the words of a Word document. */
function translate(error: unknown): never {
  if (error instanceof AppError && error.isIn('workbook')) {
    const code = error.code.slice('workbook/'.length)
    throw new AppError(
      code === 'unsafe' || code === 'too-large' || code === 'encrypted'
        ? `document/${code}`
        : 'document/corrupt',
      error.detail,
    )
  }
  throw error
}

/**
 * Opens a Word package with the workbook guard's limits, before any XML is parsed: the file's size,
 * legacy .doc and encrypted files, the zip directory, entry names escaping the package, each part
 * read inflated against what it declares (a lying zip bomb) and against the total budget, compression
 * ratios over the limit, and XML declaring a DTD (entities are never expanded). Only the parts the
 * reader needs are inflated: the main document (found through the package relationships), its
 * numbering and styles.
 */
export function openDocxPackage(bytes: Uint8Array): DocxPackage {
  if (bytes.length > packageLimits.maxBytes) throw new AppError('document/too-large')
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11)
    throw new AppError(
      hasUtf16(bytes, 'EncryptedPackage') ? 'document/encrypted' : 'document/legacy-doc',
    )
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new AppError('document/not-supported')
  let entries: ZipEntry[]
  try {
    entries = readZipEntries(bytes, packageLimits.maxEntries)
  } catch (error) {
    translate(error)
  }
  const byName = new Map<string, ZipEntry>()
  for (const e of entries) {
    if (
      e.name.startsWith('/') ||
      e.name.includes('\\') ||
      e.name.split('/').includes('..') ||
      /^[a-z]:/i.test(e.name)
    )
      throw new AppError('document/unsafe', `entry name ${e.name}`)
    if (e.flags & 1) throw new AppError('document/encrypted')
    byName.set(e.name.toLowerCase(), e)
  }
  let total = 0
  const read = (name: string): string | null => {
    const entry = byName.get(name.toLowerCase())
    if (!entry) return null
    if (entry.size > packageLimits.maxEntryUncompressed)
      throw new AppError('document/too-large', entry.name)
    if (
      entry.size > 1_000_000 &&
      entry.size / Math.max(entry.compressed, 1) > packageLimits.maxRatio
    )
      throw new AppError('document/unsafe', `${entry.name} compression ratio`)
    let data: Buffer
    try {
      data = inflateEntry(bytes, entry, packageLimits.maxUncompressed - total)
    } catch (error) {
      translate(error)
    }
    total += data.length
    if (
      data.subarray(0, 4096).toString('latin1').includes('<!DOCTYPE') ||
      data.includes('<!ENTITY')
    )
      throw new AppError('document/unsafe', `DTD in ${entry.name}`)
    return data.toString('utf8')
  }
  const main = findMainPart(read('_rels/.rels'))
  const document = read(main)
  if (document === null)
    throw new AppError(byName.size ? 'document/not-supported' : 'document/corrupt')
  const folder = main.slice(0, main.lastIndexOf('/') + 1)
  return {
    document,
    numbering: read(`${folder}numbering.xml`),
    styles: read(`${folder}styles.xml`),
  }
}

/** The main document part named by the package relationships (word/document.xml by default). */
function findMainPart(rels: string | null): string {
  if (rels !== null) {
    const cursor = new XmlCursor(rels)
    while (cursor.next()) {
      if (cursor.name !== 'Relationship' || cursor.kind === 'close') continue
      if (!(cursor.attribute('Type') ?? '').endsWith('/officeDocument')) continue
      const target = (cursor.attribute('Target') ?? '').replace(/^\/+/, '')
      if (target && !target.split('/').includes('..')) return target
    }
  }
  return 'word/document.xml'
}
