import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/http/app.ts'
import { addinFrameAncestors } from '../../../server/http/addin.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { createStore } from '../../../server/store/index.ts'

/** CSP host-source matching as browsers do it: scheme, then exact host or a `*.` suffix. */
function matchesSource(origin: string, source: string): boolean {
  if (source === "'self'") return false
  const url = new URL(origin)
  const [scheme, host] = source.split('://') as [string, string]
  if (`${scheme}:` !== url.protocol) return false
  return host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host
}

async function readFrameAncestors(): Promise<string[]> {
  const app = createApp({
    store: createStore(':memory:'),
    catalog: await readCatalog(),
    serveAddin: async () => new Response('<!doctype html><title>Bảng CCHC</title>'),
  })
  const res = await app.request('/addin/taskpane.html')
  expect(res.status).toBe(200)
  expect(res.headers.get('x-frame-options')).toBeNull()
  const csp = res.headers.get('content-security-policy') ?? ''
  const directive = csp.split(';').find((d) => d.trim().startsWith('frame-ancestors')) ?? ''
  return directive.trim().split(/\s+/).slice(1)
}

describe('the /addin/ pages may be framed by Excel on the web', () => {
  it('allows every origin Excel on the web runs the add-in under, personal OneDrive included', async () => {
    const sources = await readFrameAncestors()
    expect(sources).toEqual([...addinFrameAncestors])
    const hosts = [
      'https://excel.officeapps.live.com', // the Excel frame itself (personal and work accounts)
      'https://onedrive.live.com', // personal accounts open workbooks from OneDrive
      'https://contoso.sharepoint.com', // work files on SharePoint
      'https://contoso-my.sharepoint.com', // OneDrive for Business
      'https://www.office.com',
      'https://www.microsoft365.com',
      'https://excel.cloud.microsoft',
      'https://m365.cloud.microsoft',
    ]
    const allowed = hosts.filter((h) => sources.some((s) => matchesSource(h, s)))
    expect(allowed).toEqual(hosts)
  })

  it('allows no other site, and no plain http', async () => {
    const sources = await readFrameAncestors()
    for (const origin of [
      'https://evil.example',
      'http://onedrive.live.com',
      'https://onedrive.live.com.evil.example',
      'https://sharepoint.com.evil.example',
    ])
      expect({ origin, allowed: sources.some((s) => matchesSource(origin, s)) }).toEqual({
        origin,
        allowed: false,
      })
  })
})
