import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { AgencyRegistry } from '../../core/index.ts'
import { templatesDir } from '../paths.ts'

// What the `cchc plan` commands share: their help text and the registry they read.

export const planHelp = `cchc plan — kế hoạch CCHC từ phụ lục Word/Excel đến biểu mẫu của từng đơn vị

  cchc plan import TỆP.docx|.xlsx|.html [-o KẾ_HOẠCH.json] [--year Y] [--id MÃ] [--name "Tên"]
                   [--agencies A.json] [--table N] [--sheet S] [--document 0156/KH-UBND]
                   [--issued YYYY-MM-DD] [--source "Nguồn"] [--profile P.json]
                   [--progress progress,doneDate,achieved,evidence] [--json] [--lang en]
      Đọc bảng phụ lục bằng cùng cách đọc của cchc validate, ghi định nghĩa kế hoạch (JSON) và liệt kê
      những điểm cần xem lại. Mã thoát: 0 không lỗi, 1 có điểm lỗi cần sửa, 2 không đọc được tệp.
  cchc plan template KẾ_HOẠCH.json|MÃ (--agency MÃ_ĐƠN_VỊ -o RA.xlsx | --all -o RA.zip)
                   [--agencies A.json] [--period 2026-Q3] [--data data]
      Biểu mẫu của từng đơn vị: nhiệm vụ chủ trì, rồi nhiệm vụ phối hợp; --all: một tệp .zip cho mọi đơn vị.
  cchc plan publish KẾ_HOẠCH.json [--from YYYY-MM-DD] [--data data]
      Ban hành kế hoạch (phiên bản mới nếu đã có): sửa đổi, bổ sung có hiệu lực từ --from.
  cchc plan list [--data data]
      Các kế hoạch đã ban hành, phiên bản và ngày hiệu lực.
`

/** The province's registry: the one named, else the shipped one when present. */
export async function readRegistryOption(path: string | undefined): Promise<AgencyRegistry | null> {
  const { readRegistry } = await import('../province/config.ts')
  if (path) return readRegistry(path)
  const shipped = join(templatesDir, 'agencies', 'dak-lak-2026.json')
  return existsSync(shipped) ? readRegistry(shipped) : null
}
