import { BlockList, isIP } from 'node:net'

/**
 * Which reverse proxies in front of the service are trusted to name the client: none; a number of
 * hops (1 = one proxy, whose address is the socket's); or the proxies' addresses and networks
 * (`10.0.0.5`, `10.1.0.0/16`, `::1`).
 */
export type TrustProxy = boolean | number | string[]

/** The trusted hops, ready to read a request's address with. */
export type ProxyTrust =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList }

/** An address as compared: IPv4 mapped into IPv6 (`::ffff:10.0.0.1`) read as IPv4. */
function normalizeAddress(address: string): string {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1]! : trimmed
}

/**
 * Reads the proxy setting (`CCHC_TRUST_PROXY`: `1` or a number of hops, or comma-separated addresses
 * and CIDR networks); throws on an entry that is neither.
 * @example createProxyTrust('10.0.0.5, 192.168.0.0/24') // { kind: 'addresses', … }
 */
export function createProxyTrust(setting: TrustProxy | string | undefined | null): ProxyTrust {
  if (setting === undefined || setting === null || setting === false || setting === '')
    return { kind: 'none' }
  if (setting === true) return { kind: 'hops', hops: 1 }
  if (typeof setting === 'number' || /^\d+$/.test(String(setting).trim())) {
    const hops = Number(setting)
    if (!Number.isSafeInteger(hops) || hops < 0 || hops > 20)
      throw new Error(`trust proxy: ${hops} hops`)
    return hops === 0 ? { kind: 'none' } : { kind: 'hops', hops }
  }
  const entries = Array.isArray(setting) ? setting : String(setting).split(',')
  const list = new BlockList()
  for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
    const [address, bits] = entry.split('/') as [string, string | undefined]
    const family = isIP(address)
    if (!family) throw new Error(`trust proxy: not an address: ${entry}`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return { kind: 'addresses', list }
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address)
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * The client's address: the socket's; behind trusted proxies, the X-Forwarded-For entry appended by
 * the outermost trusted proxy, read from the right (every entry to its left is the client's own
 * claim and may be forged). A malformed entry where an address must be falls back to the hop that
 * reported it.
 */
export function readForwardedAddress(
  trust: ProxyTrust,
  socketAddress: string,
  forwardedFor: string | undefined,
): string {
  const socket = normalizeAddress(socketAddress)
  if (trust.kind === 'none' || !forwardedFor) return socket
  const chain = [...forwardedFor.split(',').map(normalizeAddress), socket]
  let index: number
  if (trust.kind === 'hops') index = Math.max(0, chain.length - 1 - trust.hops)
  else {
    index = chain.length - 1
    while (index > 0 && isTrusted(trust.list, chain[index]!)) index--
  }
  // The first untrusted entry must be an address; else the trusted hop to its right is the client.
  while (index < chain.length - 1 && !isIP(chain[index]!)) index++
  return chain[index]!.slice(0, 64)
}

/** Whether the request's direct peer is a proxy trusted to say the original scheme (X-Forwarded-Proto). */
export function isTrustedPeer(trust: ProxyTrust, socketAddress: string): boolean {
  if (trust.kind === 'none') return false
  if (trust.kind === 'hops') return true
  return isTrusted(trust.list, normalizeAddress(socketAddress))
}
