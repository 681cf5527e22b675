import { describe, expect, it } from 'vitest'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'

describe('the API across origins (the add-in task pane, scripts)', () => {
  it('answers a preflight, and every answer allows any origin and is never cached', async () => {
    const { app, agencyToken } = await createTestService()
    const preflight = await app.request('/api/submissions', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://excel.officeapps.live.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization')

    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(agencyToken('so-noi-vu')), Origin: 'https://example.gov.vn' },
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as { version: number; report: { tasks: unknown[] } }
    expect(body.version).toBe(1)
    expect(body.report.tasks.length).toBeGreaterThan(20)
  })
})
