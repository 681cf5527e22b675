import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import ExcelJS from 'exceljs'

// A small plan of a new year as Sở Nội vụ would write it in Word, and a unit filling its template:
// what the service tests take a plan through (import, correct, publish, amend, report).

export const planHeader = [
  'STT',
  'Nội dung, nhiệm vụ',
  'Sản phẩm',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
]

/** The 2027 plan's tasks: two doubts to correct (an impossible month, a task without its lead). */
export const plan2027Rows = [
  [
    '1',
    'Ban hành Kế hoạch CCHC năm 2027',
    'Kế hoạch',
    'Sở Nội vụ',
    'Các sở, ban, ngành',
    'Quý I/2027',
  ],
  ['2', 'Kiểm tra công tác CCHC', 'Kết luận kiểm tra', 'Sở Nội vụ', 'UBND cấp xã', 'Quý II/2027'],
  [
    '3',
    'Rà soát, đơn giản hóa TTHC',
    'Báo cáo',
    'Văn phòng UBND tỉnh',
    'Các sở, ban, ngành',
    'Tháng 13/2027',
  ],
  ['4', 'Tuyên truyền CCHC', 'Báo cáo', '', 'Các sở, ban, ngành', 'Trong năm 2027'],
]

/** The 2027 plan as a Word document: its title lines naming the issuing plan, then the table. */
export async function buildPlan2027Docx(rows = plan2027Rows): Promise<Uint8Array> {
  const row = (cells: string[], header = false) =>
    new TableRow({
      tableHeader: header,
      children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
    })
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH ĐẮK LẮK NĂM 2027'),
          new Paragraph('(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2027 của UBND tỉnh Đắk Lắk)'),
          new Table({ rows: [row(planHeader, true), ...rows.map((r) => row(r))] }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** Fills a template's progress column by task number ("2" → "Đang thực hiện"), as a unit would. */
export function fillProgress(
  template: Uint8Array,
  progress: Record<string, string>,
): Promise<Uint8Array> {
  return fillColumn(template, 'Tình hình thực hiện', progress)
}

/** Writes into the column under `header`, by task number (a unit editing even a locked plan cell). */
export async function fillColumn(
  template: Uint8Array,
  header: string,
  progress: Record<string, string>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template as unknown as ArrayBuffer)
  const ws = workbook.getWorksheet('Phụ lục')!
  let column = 0
  ws.eachRow((row) => {
    row.eachCell((cell, c) => {
      if (cell.value === header) column = c
    })
  })
  ws.eachRow((row) => {
    const stt = row.getCell(1).value
    if (typeof stt === 'string' && progress[stt]) row.getCell(column).value = progress[stt]
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
