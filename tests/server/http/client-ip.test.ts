import { describe, expect, it } from 'vitest'
import {
  createProxyTrust,
  isTrustedPeer,
  readForwardedAddress,
} from '../../../server/http/client-ip.ts'
import { bearer, createTestService } from '../../helpers/service.ts'

// Behind proxies the client's address is the X-Forwarded-For entry the outermost trusted proxy
// appended, read from the right: whatever a client writes to the left of it is its own claim.

describe('readForwardedAddress', () => {
  const forged = '6.6.6.6, 7.7.7.7, 203.0.113.9'

  it.each([
    ['no proxy trusted', null, '10.0.0.2', '10.0.0.2'],
    ['one hop (CCHC_TRUST_PROXY=1)', '1', '10.0.0.2', '203.0.113.9'],
    ['two hops', '2', '10.0.0.2', '7.7.7.7'],
    ['more hops than entries', '9', '10.0.0.2', '6.6.6.6'],
    ['the proxy by address', '10.0.0.2', '10.0.0.2', '203.0.113.9'],
    ['a network of proxies', '10.0.0.0/8, 203.0.113.0/24', '10.0.0.2', '7.7.7.7'],
    ['an IPv4-mapped socket address', '10.0.0.2', '::ffff:10.0.0.2', '203.0.113.9'],
    ['a peer that is not a trusted proxy', '10.0.0.2', '198.51.100.4', '198.51.100.4'],
  ])('%s', (_, setting, socket, expected) => {
    expect(readForwardedAddress(createProxyTrust(setting), socket, forged)).toBe(expected)
  })

  it('falls back to the hop that reported a malformed entry', () => {
    expect(readForwardedAddress(createProxyTrust('1'), '10.0.0.2', '1.1.1.1, xin-chao')).toBe(
      '10.0.0.2',
    )
  })

  it('trusts X-Forwarded-Proto only from a trusted peer, and refuses a setting it cannot read', () => {
    expect(isTrustedPeer(createProxyTrust('10.0.0.2'), '10.0.0.2')).toBe(true)
    expect(isTrustedPeer(createProxyTrust('10.0.0.2'), '10.0.0.3')).toBe(false)
    expect(isTrustedPeer(createProxyTrust(null), '10.0.0.2')).toBe(false)
    expect(() => createProxyTrust('proxy.local')).toThrow(/not an address/)
  })
})

describe('wrong tokens counted per client address', () => {
  it('blocks a client behind the proxy however it forges the left of X-Forwarded-For', async () => {
    const s = await createTestService({}, { trustProxy: 1 })
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) {
      const res = await s.app.request('/api/status', {
        headers: {
          ...bearer(`cchc_wrong-token-${i}`),
          'X-Forwarded-For': `10.9.${i}.1, 198.51.100.23`,
        },
      })
      statuses.push(res.status)
    }
    // The leftmost entry used to be trusted: each forged one was a fresh client, never blocked.
    expect(statuses.slice(19)).toEqual([401, 429, 429, 429, 429, 429])
    expect(s.store.listSecurityEvents(100)[0]).toMatchObject({
      event: 'token.rate-limited',
      ip: '198.51.100.23',
    })
  })

  it('keeps serving valid tokens from an office address blocked by 20 wrong ones', async () => {
    const s = await createTestService()
    for (let i = 0; i < 21; i++)
      await s.app.request('/api/status', { headers: bearer(`cchc_wrong-token-${i}`) })
    const wrong = await s.app.request('/api/status', { headers: bearer('cchc_wrong-token-x') })
    expect(wrong.status).toBe(429)
    const valid = await s.app.request('/api/me', { headers: bearer(s.agencyToken('so-noi-vu')) })
    expect(valid.status).toBe(200)
  })
})
