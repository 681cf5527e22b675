// Writes tests/fixtures/xlsx/excel-shared-styles.xlsx: an agency's quarterly report laid out and styled the
// way Excel saves one. Excel writes one cell format (xf) per look and points every cell with that look at
// it, so thousands of cells share a handful of styles; it colours with theme colours and tints; it merges
// a unit's name down over its tasks. The theme part is Excel's own, copied from an Excel-saved workbook of
// ExcelJS's test suite (test-pr-728.xlsx). Run: node --import tsx scripts/build-excel-fixture.ts
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { writeZip } from '../server/xlsx/zip.ts'

const fixtures = join(import.meta.dirname, '..', 'tests', 'fixtures', 'xlsx')
const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

/** Style ids (cellXfs) as Excel numbers them: one per look, shared by every cell with that look. */
const s = {
  title: 1,
  subtitle: 2,
  header: 3,
  section: 4,
  stt: 5,
  text: 6,
  progress: 7,
  date: 8,
  sign: 9,
}

type Cell = string | number | { date: string } | { formula: string; value: string } | null

const columns = [
  'STT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Tình hình thực hiện',
  'Ngày hoàn thành',
  'Kết quả đạt được',
  'Tài liệu kiểm chứng',
  'Ghi chú',
]
const widths = [6.33, 46.11, 18.44, 18.44, 14.33, 16.11, 12.89, 16.11, 28.33, 12.11]

// Tasks: STT, content, lead, coop, deadline, progress, done date, achieved, evidence, note.
const tasks: Cell[][] = [
  ['I', 'CẢI CÁCH THỂ CHẾ'],
  [
    1,
    'Ban hành Kế hoạch cải cách hành chính năm 2026 của xã',
    'Phường Ea Kao',
    null,
    'Quý I/2026',
    'Đã hoàn thành',
    { date: '2026-01-20' },
    null,
    'Kế hoạch số 12/KH-UBND ngày 20/01/2026 của UBND xã',
    null,
  ],
  [
    2,
    'Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành',
    'Văn phòng HĐND và UBND xã',
    'Các cơ quan, đơn vị',
    'Quý II/2026',
    'Đã hoàn thành',
    { date: '2026-06-15' },
    null,
    null,
    null,
  ],
  [
    3,
    'Tự kiểm tra văn bản quy phạm pháp luật',
    null,
    null,
    'Quý III/2026',
    'Đang thực hiện',
    null,
    null,
    null,
    null,
  ],
  [
    4,
    'Cập nhật văn bản lên Cơ sở dữ liệu quốc gia về pháp luật',
    null,
    null,
    'Tháng 13/2026',
    'Đang thực hiện',
    null,
    null,
    null,
    null,
  ],
  [
    5,
    'Tổ chức 02 cuộc đối thoại với người dân',
    'Phường Ea Kao',
    'Ủy ban MTTQ xã',
    'Quý II/2026',
    'Đã hoàn thành',
    '31/02/2026',
    '2',
    'Thông báo số 5/TB-UBND ngày 20/6/2026 của UBND xã',
    null,
  ],
  ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
  [
    1,
    'Công khai 100% thủ tục hành chính tại Bộ phận Một cửa',
    'Phường Ea Kao',
    null,
    'Trong năm 2026',
    'Hoàn thành 120%',
    null,
    null,
    null,
    null,
  ],
  [
    2,
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    'Phường Ea Kao',
    null,
    'Quý III/2026',
    'Đã hoàn thành',
    { date: '2026-09-10' },
    null,
    null,
    null,
  ],
  [
    3,
    'Rà soát, đơn giản hóa thủ tục hành chính nội bộ',
    'Phường Ea Kao',
    null,
    'Quý II/2026',
    'Đã hoàn thành',
    { date: '2026-05-30' },
    null,
    null,
    null,
  ],
  [
    4,
    'Tiếp nhận hồ sơ trực tuyến toàn trình',
    'Phường Ea Kao',
    null,
    'Quý IV/2026',
    'Đã hoàn thành',
    { date: '2026-10-05' },
    null,
    'Báo cáo số 30/BC-UBND ngày 05/10/2026 của UBND xã',
    null,
  ],
  [
    5,
    'Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên',
    'Phường Ea Kao',
    null,
    'Trong năm 2026',
    'Đang thực hiện',
    null,
    '97%',
    null,
    { formula: 'IF(F16="Đã hoàn thành","x","")', value: '' },
  ],
  [
    6,
    'Khảo sát sự hài lòng của người dân',
    'Phường Ea Kao',
    null,
    'Quý II/2026',
    'Chưa thực hiện',
    null,
    null,
    null,
    null,
  ],
]

const strings: string[] = []
function share(text: string): number {
  const at = strings.indexOf(text)
  if (at >= 0) return at
  strings.push(text)
  return strings.length - 1
}

function letter(c: number): string {
  return String.fromCharCode(64 + c)
}

function serial(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function writeCell(ref: string, value: Cell, style: number): string {
  if (value === null) return `<c r="${ref}" s="${style}"/>`
  if (typeof value === 'number') return `<c r="${ref}" s="${style}"><v>${value}</v></c>`
  if (typeof value === 'string')
    return `<c r="${ref}" s="${style}" t="s"><v>${share(value)}</v></c>`
  if ('date' in value) return `<c r="${ref}" s="${style}"><v>${serial(value.date)}</v></c>`
  return `<c r="${ref}" s="${style}" t="str"><f>${escape(value.formula)}</f><v>${escape(value.value)}</v></c>`
}

function buildSheet(): string {
  const rows: string[] = []
  const merges = ['A1:J1', 'A2:J2']
  const row = (r: number, cells: string, height?: number) =>
    rows.push(
      `<row r="${r}" spans="1:10"${height ? ` ht="${height}" customHeight="1"` : ''} x14ac:dyDescent="0.3">${cells}</row>`,
    )
  row(
    1,
    writeCell(
      'A1',
      'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2026',
      s.title,
    ),
    21,
  )
  row(
    2,
    writeCell(
      'A2',
      '(Kèm theo Báo cáo số      /BC-UBND ngày     /9/2026 của UBND phường Ea Kao)',
      s.subtitle,
    ),
  )
  row(4, columns.map((h, c) => writeCell(`${letter(c + 1)}4`, h, s.header)).join(''), 33)
  tasks.forEach((task, i) => {
    const r = 5 + i
    if (task.length === 2) {
      merges.push(`B${r}:J${r}`)
      const cells = [
        writeCell(`A${r}`, task[0]!, s.section),
        writeCell(`B${r}`, task[1]!, s.section),
      ]
      for (let c = 3; c <= 10; c++) cells.push(writeCell(`${letter(c)}${r}`, null, s.section))
      row(r, cells.join(''))
      return
    }
    const styles = [
      s.stt,
      s.text,
      s.text,
      s.text,
      s.text,
      s.progress,
      s.date,
      s.text,
      s.text,
      s.text,
    ]
    row(r, task.map((v, c) => writeCell(`${letter(c + 1)}${r}`, v, styles[c]!)).join(''))
  })
  // The same unit leads three tasks in a row: written once, merged down (C7:C9).
  merges.push('C7:C9')
  const sign = 5 + tasks.length + 2
  row(sign, writeCell(`H${sign}`, 'NGƯỜI LẬP BIỂU', s.sign))
  return (
    head +
    `<worksheet xmlns="${ns}" xmlns:r="${rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:J${sign}"/>` +
    '<sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="F8" sqref="F8"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultColWidth="9.109375" defaultRowHeight="15.6" x14ac:dyDescent="0.3"/>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` +
    '<pageMargins left="0.25" right="0.25" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" scale="72" fitToHeight="0" orientation="landscape"/></worksheet>'
  )
}

const font = (size: number, extra = '') =>
  `<font>${extra}<sz val="${size}"/><color theme="1"/><name val="Times New Roman"/><family val="1"/></font>`
const border =
  '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>'
const xf = (numFmt: number, fontId: number, fillId: number, borderId: number, align = '') =>
  `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1">${align}</xf>` : '/>'}`
const styles =
  head +
  `<styleSheet xmlns="${ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  `<fonts count="5" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>${font(14, '<b/>')}${font(12, '<i/>')}${font(12, '<b/>')}${font(12)}</fonts>` +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor theme="7" tint="0.59999389629810485"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  xf(0, 1, 0, 0, '<alignment horizontal="center" vertical="center" wrapText="1"/>') +
  xf(0, 2, 0, 0, '<alignment horizontal="center" vertical="center"/>') +
  xf(0, 3, 2, 1, '<alignment horizontal="center" vertical="center" wrapText="1"/>') +
  xf(0, 3, 0, 1, '<alignment vertical="center"/>') +
  xf(0, 4, 0, 1, '<alignment horizontal="center" vertical="top"/>') +
  xf(0, 4, 0, 1, '<alignment vertical="top" wrapText="1"/>') +
  xf(0, 4, 3, 1, '<alignment vertical="top" wrapText="1"/>') +
  xf(164, 4, 0, 1, '<alignment horizontal="center" vertical="top"/>') +
  xf(0, 3, 0, 0, '<alignment horizontal="center"/>') +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'

const sheet = buildSheet()
const sharedStrings =
  head +
  `<sst xmlns="${ns}" count="${(sheet.match(/t="s"/g) ?? []).length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${escape(t)}</t></si>`).join('')}</sst>`
const theme = execFileSync('unzip', [
  '-p',
  join(fixtures, 'test-pr-728.xlsx'),
  'xl/theme/theme1.xml',
])
const sheetName = 'Báo cáo quý III'

const entries: { name: string; data: string | Buffer }[] = [
  {
    name: '[Content_Types].xml',
    data:
      head +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    data:
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data:
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    data:
      head +
      `<workbook xmlns="${ns}" xmlns:r="${rel}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-108" yWindow="-108" windowWidth="23256" windowHeight="12456"/></bookViews><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${sheetName}'!$4:$4</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
  },
  { name: 'xl/worksheets/sheet1.xml', data: sheet },
  { name: 'xl/theme/theme1.xml', data: theme },
  { name: 'xl/styles.xml', data: styles },
  { name: 'xl/sharedStrings.xml', data: sharedStrings },
  {
    name: 'docProps/app.xml',
    data:
      head +
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${sheetName}</vt:lpstr></vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
  },
  {
    name: 'docProps/core.xml',
    data:
      head +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>UBND phường Ea Kao</dc:creator><cp:lastModifiedBy>UBND phường Ea Kao</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-09-10T02:11:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-09-14T08:40:00Z</dcterms:modified></cp:coreProperties>',
  },
]
const bytes = writeZip(
  entries.map((e) => {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data) : e.data
    return { name: e.name, body: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length }
  }),
)
writeFileSync(join(fixtures, 'excel-shared-styles.xlsx'), bytes)
process.stdout.write(`excel-shared-styles.xlsx: ${bytes.length} bytes, ${strings.length} strings\n`)
