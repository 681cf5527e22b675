import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readShippedSettings } from '../../../server/province/catalog.ts'
import { readPlan, readProfile } from '../../../server/province/config.ts'
import { AppError } from '../../../server/errors/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'cchc-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeJson(name: string, data: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(data))
  return path
}

const item = { maxPoints: 1, method: 'self', rule: 'binary' }

describe('readProfile', () => {
  it('reads a profile without "provisional" as provisional', async () => {
    const path = writeJson('p.json', { name: 'Thử', year: 2026, items: { '1.1': item } })
    expect(await readProfile(path)).toMatchObject({ name: 'Thử', provisional: true })
  })

  it('names the item and field of an invalid profile, without schema jargon', async () => {
    const path = writeJson('bad.json', {
      name: 'Thử',
      year: 2026,
      items: { '1.4': { ...item, rule: 'tiers', tiers: [1, 0.5] } },
    })
    await expect(readProfile(path)).rejects.toThrow(
      new AppError(
        'config/invalid',
        `Thang điểm ${path} — Mục 1.4: “tiers” phải là danh sách [tỷ lệ, hệ số].`,
      ),
    )
    await expect(readProfile(path, 'en')).rejects.toThrow(/Item 1\.4: “tiers” must be a list/)
  })

  it('names every invalid field, one per line', async () => {
    const path = writeJson('two.json', {
      name: 'Thử',
      year: 'năm 2026',
      items: { '2.1': { ...item, method: 'khảo sát' } },
    })
    await expect(readProfile(path)).rejects.toThrow(
      new AppError(
        'config/invalid',
        `Thang điểm ${path} — “year” phải là năm (số nguyên).\n` +
          `Thang điểm ${path} — Mục 2.1: “method” phải là “self” hoặc “survey”.`,
      ),
    )
  })
})

describe('readPlan', () => {
  it('reads a columns block with header texts into field keys and headers', async () => {
    const path = writeJson('plan.json', {
      id: 'thu',
      name: 'Thử',
      province: 'Đắk Lắk',
      year: 2026,
      templateVersion: '1',
      title: ['KẾ HOẠCH'],
      columns: [
        'stt',
        'content',
        'lead',
        { field: 'deadline', header: 'Thời gian dự kiến hoàn thành' },
      ],
      rows: [],
    })
    expect(await readPlan(path)).toMatchObject({
      columns: ['stt', 'content', 'lead', 'deadline'],
      headers: { deadline: 'Thời gian dự kiến hoàn thành' },
    })
  })
})

describe('readProvinceSettings', () => {
  it('reads the shipped letter settings, and the service’s file replaces the fields it gives', async () => {
    const shipped = await readShippedSettings()
    expect(shipped).toMatchObject({
      province: 'Đắk Lắk',
      governingBody: 'UBND TỈNH ĐẮK LẮK',
      issuingBody: 'SỞ NỘI VỤ',
      documentNumber: '{số}/SNV-CCHC',
    })
    const override = writeJson('settings.json', {
      placeName: 'Buôn Ma Thuột',
      signer: { name: 'Trần Thị Bình' },
    })
    expect(await readShippedSettings(override)).toEqual({
      ...shipped,
      placeName: 'Buôn Ma Thuột',
      signer: { ...shipped.signer, name: 'Trần Thị Bình' },
    })
  })

  it('refuses a number pattern without the place for the number, naming the field', async () => {
    const bad = writeJson('bad-settings.json', { documentNumber: '12/SNV-CCHC' })
    await expect(readShippedSettings(bad)).rejects.toThrow(/documentNumber/)
    await expect(readShippedSettings(bad)).rejects.toBeInstanceOf(AppError)
  })
})
