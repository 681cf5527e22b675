import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { validateTable } from '../../core/index.ts'
import { createGrid } from '../helpers/grid.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The pane's mapping view, bundled on its own, with a hook that records the user's choices.
const entry = `
import { renderMapping } from './addin/taskpane/mapping.ts'
window.chosen = []
window.show = (report) => renderMapping(document.getElementById('mapping'), report,
  (column, field, current) => window.chosen.push([column, field, current]))
`

describe('the task pane’s column mapping in headless Chromium', () => {
  it('shows how every column was read and reports the meaning the user chooses', async () => {
    const bundle = await build({
      stdin: { contents: entry, resolveDir: new URL('../../', import.meta.url).pathname },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'silent',
    })
    const report = validateTable(
      createGrid([
        ['KẾ HOẠCH NĂM 2026'],
        ['STT', 'Tên nhiệm vụ', 'ĐV chủ trì', 'Thời gian dự kiến hoàn thành', 'Nguồn kinh phí'],
        [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'Quý IV/2026', 'Ngân sách tỉnh'],
      ]),
      { asOf: '2026-09-14' },
    )
    const browser = await chromium.launch({ executablePath: chromiumPath })
    try {
      const page = await browser.newPage()
      await page.setContent('<section id="mapping" hidden></section>')
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
      await page.evaluate(
        (r) => (window as unknown as { show: (r: unknown) => void }).show(r),
        report,
      )
      const lines = await page.$$eval('#mapping-list li', (items) =>
        items.map((li) => {
          const select = li.querySelector('select')!
          return `${li.querySelector('label')!.firstChild!.textContent}${select.selectedOptions[0]!.text}`
        }),
      )
      expect(lines).toEqual([
        'Cột A “STT” → Số thứ tự',
        'Cột B “Tên nhiệm vụ” → Nội dung nhiệm vụ',
        'Cột C “ĐV chủ trì” → Cơ quan chủ trì',
        'Cột D “Thời gian dự kiến hoàn thành” → Thời hạn',
        'Cột E “Nguồn kinh phí” → không dùng',
      ])
      expect(await page.isVisible('#mapping')).toBe(true)
      await page.selectOption('li[data-column="E"] select', 'note')
      await page.selectOption('li[data-column="D"] select', '')
      expect(
        await page.evaluate(() => (window as unknown as { chosen: unknown[] }).chosen),
      ).toEqual([
        ['E', 'note', null],
        ['D', null, 'deadline'],
      ])
      // A required column without enough evidence is shown as guessed, with why.
      const guessed = validateTable(
        createGrid([
          ['KẾ HOẠCH NĂM 2026'],
          ['STT', 'Nội dung', 'Chủ trì', 'Thời điểm ghi nhận'],
          [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'abc'],
        ]),
        { asOf: '2026-09-14' },
      )
      await page.evaluate(
        (r) => (window as unknown as { show: (r: unknown) => void }).show(r),
        guessed,
      )
      const line = await page.$eval('li.guessed', (li) => {
        const label = li.querySelector('label')!
        return [
          label.firstChild!.textContent,
          li.querySelector('select')!.selectedOptions[0]!.text,
          label.lastChild!.textContent,
          li.querySelector('.reason')!.textContent,
        ]
      })
      expect(line).toEqual(['Cột D “Thời điểm ghi nhận” → ', 'Thời hạn', ' (đoán)', 'theo tiêu đề'])
    } finally {
      await browser.close()
    }
  }, 60_000)
})
