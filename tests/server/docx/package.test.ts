import { describe, expect, it } from 'vitest'
import { AppError } from '../../../server/errors/index.ts'
import { openDocxPackage } from '../../../server/docx/package.ts'
import { readDocxBlocks } from '../../../server/docx/read.ts'
import { createZip, type ZipEntrySpec } from '../../helpers/zip.ts'

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'
const rels =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const open =
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
const close = '</w:body></w:document>'

function buildDocx(document: Buffer | string, extra: ZipEntrySpec[] = [], store = false) {
  return createZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', data: document, store },
    ...extra,
  ])
}

/** Runs a read and returns the refusal's code and how long it took. */
function refuse(bytes: Uint8Array): { code: string | null; ms: number } {
  const start = performance.now()
  try {
    readDocxBlocks(bytes)
    return { code: null, ms: performance.now() - start }
  } catch (error) {
    if (!(error instanceof AppError) || !error.isIn('document')) throw error
    return { code: error.code.slice('document/'.length), ms: performance.now() - start }
  }
}

/** A table of `rows` × `columns` empty cells, as WordprocessingML. */
function buildCells(rows: number, columns: number): string {
  const row = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(columns)}</w:tr>`
  return `${open}<w:tbl>${row.repeat(rows)}</w:tbl>${close}`
}

describe('openDocxPackage and readDocxBlocks refuse hostile files within the limits', () => {
  it('a zip bomb whose document part inflates past what it declares', () => {
    const lying = createZip([
      { name: '[Content_Types].xml', data: contentTypes },
      { name: '_rels/.rels', data: rels },
      { name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ])
    expect(refuse(lying)).toMatchObject({ code: 'unsafe' })
    expect(refuse(lying).ms).toBeLessThan(2_000)
  })

  it('a zip bomb that says honestly it inflates 250 times its size and more', () => {
    const honest = buildDocx(Buffer.alloc(40 * 1024 * 1024, 0x20))
    expect(refuse(honest)).toMatchObject({ code: 'unsafe' })
  })

  it('entity expansion: XML declaring a DTD is refused, never expanded', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>' +
      `${open}<w:p><w:r><w:t>&d;&d;&d;&d;</w:t></w:r></w:p>${close}`
    expect(refuse(buildDocx(laughs))).toMatchObject({ code: 'unsafe' })
    const inNumbering = buildDocx(`${open}${close}`, [
      { name: 'word/numbering.xml', data: '<!DOCTYPE x [<!ENTITY a "b">]><w:numbering/>' },
    ])
    expect(refuse(inNumbering)).toMatchObject({ code: 'unsafe' })
  })

  it('a million table cells: refused at the cell limit, in bounded time, stored or deflated', () => {
    const million = Buffer.from(buildCells(10_000, 100))
    const stored = refuse(buildDocx(million, [], true))
    expect(stored.code).toBe('too-complex')
    expect(stored.ms).toBeLessThan(10_000)
    // Deflated, the same part is refused before it is read: its compression ratio is a bomb's.
    expect(refuse(buildDocx(million)).code).toBe('unsafe')
  })

  it('a cell spanning a million grid columns', () => {
    const wide = `${open}<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>${close}`
    expect(refuse(buildDocx(wide)).code).toBe('too-complex')
  })

  it('tables nested deeper than the limit', () => {
    const deep = `${open}${'<w:tbl><w:tr><w:tc>'.repeat(40)}${'</w:tc></w:tr></w:tbl>'.repeat(40)}${close}`
    expect(refuse(buildDocx(deep)).code).toBe('too-complex')
  })

  it('legacy .doc, encrypted documents, entry names escaping the package, and files that are no package', () => {
    const ole = Buffer.alloc(2048)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    expect(refuse(new Uint8Array(ole)).code).toBe('legacy-doc')
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')])
    expect(refuse(new Uint8Array(encrypted)).code).toBe('encrypted')
    expect(refuse(buildDocx(`${open}${close}`, [{ name: '../evil.xml', data: '<x/>' }])).code).toBe(
      'unsafe',
    )
    expect(refuse(new TextEncoder().encode('STT\tNội dung')).code).toBe('not-supported')
    expect(refuse(buildDocx(`${open}${close}`).subarray(0, 60)).code).toBe('corrupt')
  })

  it('reads only the parts it needs: the main document named by the package relationships', () => {
    const moved = createZip([
      { name: '[Content_Types].xml', data: contentTypes },
      { name: '_rels/.rels', data: rels.replace('word/document.xml', 'word/main.xml') },
      { name: 'word/main.xml', data: `${open}<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>${close}` },
      // A bomb in a part the reader never opens costs nothing.
      { name: 'word/media/image1.png', data: Buffer.alloc(1024), declaredSize: 10 },
    ])
    expect(openDocxPackage(moved)).toMatchObject({ numbering: null, styles: null })
    expect(readDocxBlocks(moved)).toEqual([{ kind: 'paragraph', text: 'Kế hoạch' }])
  })
})
