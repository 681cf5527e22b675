import type { sheets_v4 } from '@googleapis/sheets'
import {
  checkSheetName,
  convertArgbToHex,
  convertWidthToPixels,
  sheetRoleKey,
  type MarkPlan,
  type SheetRole,
} from '../../core/index.ts'
import { createCell } from './cells.ts'
import { createColorStyle, type SpreadsheetRead } from './read.ts'

type Request = sheets_v4.Schema$Request
type CellData = sheets_v4.Schema$CellData

function allocateSheetId(taken: Set<number>): number {
  let id = 0
  while (id === 0 || taken.has(id)) id = 1 + Math.floor(Math.random() * 2_000_000_000)
  taken.add(id)
  return id
}

/** A title no other sheet uses: "Kiểm tra", else "Kiểm tra (CCHC)" (our old sheet is deleted first). */
function chooseTitle(read: SpreadsheetRead, title: string, role: SheetRole): string {
  return read.titles.has(title) && read.ownTitles[role] !== title ? `${title} (CCHC)` : title
}

export function addOwnSheet(
  read: SpreadsheetRead,
  role: SheetRole,
  title: string,
  rows: number,
  columns: number,
  extra: sheets_v4.Schema$SheetProperties,
): { sheetId: number; requests: Request[] } {
  const sheetId = allocateSheetId(read.sheetIds)
  return {
    sheetId,
    requests: [
      {
        addSheet: {
          properties: {
            sheetId,
            title: chooseTitle(read, title, role),
            gridProperties: { rowCount: Math.max(rows, 1), columnCount: columns },
            ...extra,
          },
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: sheetRoleKey,
            metadataValue: role,
            location: { sheetId },
            visibility: 'DOCUMENT',
          },
        },
      },
    ],
  }
}

export function computeCheckSheetRequests(read: SpreadsheetRead, plan: MarkPlan): Request[] {
  const { rows, links, fills, headerIndex, columns, emphasis } = plan.checkSheet
  const width = columns.length
  const { sheetId, requests } = addOwnSheet(read, 'check', checkSheetName, rows.length, width, {})
  requests[0]!.addSheet!.properties!.gridProperties!.frozenRowCount = headerIndex + 1
  const linkAt = new Map(links.map((l) => [l.index, l.address]))
  const fillAt = new Map(fills.map((f) => [f.index, f.fill]))
  const data = rows.map((row, index): sheets_v4.Schema$RowData => ({
    values: Array.from({ length: width }, (_, c): CellData => {
      const cell = createCell(row[c] ?? null)
      const link = c === 0 ? linkAt.get(index) : undefined
      if (link)
        cell.userEnteredValue = {
          formulaValue: `=HYPERLINK("#gid=${read.sheetId}&range=${link}","${link}")`,
        }
      const fill = c === 3 ? fillAt.get(index) : undefined
      const bold = emphasis.includes(index)
      if (fill || bold)
        cell.userEnteredFormat = {
          ...(fill ? { backgroundColorStyle: createColorStyle(convertArgbToHex(fill)) } : {}),
          ...(bold ? { textFormat: { bold: true } } : {}),
        }
      return cell
    }),
  }))
  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: data,
      fields: 'userEnteredValue,userEnteredFormat(backgroundColorStyle,textFormat.bold)',
    },
  })
  // Widths for reading whole labels; the issue codes' column hidden (kept for support).
  columns.forEach((column, c) =>
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 },
        properties: { pixelSize: convertWidthToPixels(column.width), hiddenByUser: column.hidden },
        fields: 'pixelSize,hiddenByUser',
      },
    }),
  )
  return requests
}
