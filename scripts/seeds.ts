import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CellValue, Grid } from '../core/index.ts'

/** The seed documents, copied into the repository (see tests/fixtures/README.md). */
export const seedDir = fileURLToPath(new URL('../tests/fixtures/seeds/', import.meta.url))

export function readSeed(name: string): string {
  return readFileSync(seedDir + name, 'utf8')
}

/**
 * The PAR/SIPAS appendix as a sheet: title lines, then tab-separated rows exactly as the seed has
 * them (repeated headers at page breaks, continuation rows, HTML remnants).
 */
export function readParSipasGrid(): Grid {
  const lines = readSeed('dak-lak-2026-phu-luc-par-sipas.txt').split('\n')
  const cells: CellValue[][] = []
  for (const line of lines) {
    if (!line.trim()) continue
    cells.push(line.split('\t').map((c) => (c.trim() === '' ? null : c.trim())))
  }
  return { sheet: 'Phụ lục', top: 1, left: 1, cells, merges: [] }
}

/** Rows of the plan's task appendix (seed 000) as the seed lays them out: each cell ends with " |". */
export function readPlanAppendixRows(): string[][] {
  const lines = readSeed('dak-lak-2026-ke-hoach-cchc.txt').split('\n')
  const start = lines.findIndex((l) => l.startsWith('KẾ HOẠCH CỤ THỂ'))
  const end = lines.findIndex((l, i) => i > start && l.startsWith('Đăng xuất'))
  const rows: string[][] = []
  let current: string[] | null = null
  for (const line of lines.slice(start, end)) {
    if (line === '|') {
      if (current) rows.push(current)
      current = []
      continue
    }
    if (!current) continue
    if (/^\|+$/.test(line)) current.push(...Array.from({ length: line.length }, () => ''))
    else current.push(line.replace(/\s*\|$/, '').trim())
  }
  if (current) rows.push(current)
  return rows.filter((r) => r.some((c) => c))
}

/** The title lines above the plan appendix's table. */
export const planAppendixTitle = [
  'KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026',
  '(Kèm theo Kế hoạch số /KH-UBND ngày /12/2025 của UBND tỉnh Đắk Lắk)',
]

/** The plan appendix as a sheet, with its rows as the seed has them (one deadline shifted left). */
export function readPlanAppendixGrid(): Grid {
  const rows = readPlanAppendixRows()
  const cells: CellValue[][] = planAppendixTitle.map((t) => [t])
  cells.push([])
  for (const r of rows) cells.push(r.map((c) => c || null))
  return { sheet: 'Phụ lục', top: 1, left: 1, cells, merges: [] }
}
