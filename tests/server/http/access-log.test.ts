import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/http/app.ts'
import { bearer, createTestService } from '../../helpers/service.ts'

describe('access log', () => {
  it('writes one line per request with time, method, path, status, duration and who; never a secret', async () => {
    const { store, catalog, adminToken } = await createTestService()
    const lines: string[] = []
    const app = createApp({ store, catalog, log: (line) => lines.push(line) })
    await app.request('/api/status?period=2026-Q3&token=secret-in-query', {
      headers: bearer(adminToken),
    })
    await app.request('/api/status', { headers: bearer('cchc_wrong-token-123') })
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/api\/status 200 \d+ms admin:[0-9a-f]{16}$/,
    )
    expect(lines[1]).toMatch(/ GET \/api\/status 401 \d+ms -$/)
    expect(lines.join('\n')).not.toContain('secret-in-query')
    expect(lines.join('\n')).not.toContain(adminToken)
    expect(lines.join('\n')).not.toContain('cchc_wrong-token-123')
  })
})
