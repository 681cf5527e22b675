import { requireTool } from './tools.ts'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/** Converts files with headless LibreOffice (its profile kept in `dir`) into `outDir`. */
export function convertWithSoffice(paths: string[], filter: string, dir: string, outDir = dir) {
  requireTool('soffice')
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      ...paths,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  )
}

/** Converts every sheet to CSV with LibreOffice (Debian's libreoffice-calc), as a second independent reader. */
export function convertWithLibreOffice(path: string): Record<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-'))
  convertWithSoffice(
    [path],
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    dir,
  )
  const stem = basename(path, '.xlsx')
  const out: Record<string, string[][]> = {}
  for (const name of readdirSync(dir).filter(
    (n) => n.startsWith(`${stem}-`) && n.endsWith('.csv'),
  )) {
    out[name.slice(stem.length + 1, -4)] = parseCsv(readFileSync(join(dir, name), 'utf8'))
  }
  return out
}

/** Reads CSV as LibreOffice writes it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === '\n') {
      row.push(field)
      field = ''
      if (ch === '\n') {
        rows.push(row)
        row = []
      }
    } else if (ch !== '\r') field += ch
  }
  if (field || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
