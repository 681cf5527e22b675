import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RowDiff } from '../../../core/index.ts'
import { runCli } from '../../../server/cli/main.ts'
import { capture, output } from '../../helpers/output.ts'
import { buildChangedWorkbook, buildFilledWorkbook } from '../../helpers/service.ts'

describe('cchc diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-diff-'))
  afterEach(() => vi.restoreAllMocks())

  it('prints the changed task between two versions, in Vietnamese and as JSON', async () => {
    const a = join(dir, 'v1.xlsx')
    const b = join(dir, 'v2.xlsx')
    writeFileSync(a, await buildFilledWorkbook())
    const changed = await buildChangedWorkbook()
    writeFileSync(b, changed.bytes)
    try {
      capture()
      expect(await runCli(['diff', a, b, '--as-of', '2026-09-14'])).toBe(0)
      expect(output.out).toContain('Thay đổi: 1 nhiệm vụ sửa, 0 thêm, 0 bớt, 81 giữ nguyên.')
      expect(output.out).toContain('Tiến độ: “Chưa thực hiện” → “Đã hoàn thành”')
      capture()
      expect(await runCli(['diff', a, b, '--as-of', '2026-09-14', '--json'])).toBe(0)
      const diff = JSON.parse(output.out) as RowDiff
      expect(diff.changed).toHaveLength(1)
      expect(diff.changed[0]!.changes).toContainEqual({
        field: 'doneDate',
        before: '',
        after: '2026-09-10',
      })
      capture()
      expect(await runCli(['diff', a])).toBe(2)
      expect(output.err).toContain('cchc diff CŨ.xlsx MỚI.xlsx')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
