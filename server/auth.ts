import type { Context, MiddlewareHandler } from 'hono'
import type { Env, Services } from './context.ts'
import { ApiError } from './http-errors.ts'
import type { Principal } from './store.ts'
import { isSameSecret } from './store.ts'

/** Every /api route needs a bearer token: an agency's (its own data only) or an admin's. */
export function createAuthenticate(services: Services): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next()
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S{8,200})$/i.exec(header)
    if (!match) throw new ApiError('auth/missing')
    const token = match[1]!
    const principal: Principal | null =
      services.adminToken && isSameSecret(token, services.adminToken)
        ? { role: 'admin', tokenId: null }
        : services.store.findPrincipal(token)
    if (!principal) throw new ApiError('auth/invalid')
    c.set('principal', principal)
    await next()
  }
}

/** Guard: only an admin passes. */
export const requireAdmin: MiddlewareHandler<Env> = async (c, next) => {
  if (c.get('principal').role !== 'admin') throw new ApiError('auth/forbidden')
  await next()
}

/** Names who made a request, for the access and security logs (never a secret). */
export function describePrincipal(principal: Principal | undefined): string {
  if (!principal) return '-'
  if (principal.role === 'admin') return `admin:${principal.tokenId ?? 'env'}`
  return `agency:${principal.agencyId}:${principal.tokenId}`
}

/** The agency a request may act for: its own for an agency; any named, existing one for an admin. */
export function resolveAgency(
  c: Context<Env>,
  services: Services,
  requested: string | null | undefined,
): string | null {
  const p = c.get('principal')
  if (p.role === 'agency') {
    if (requested && requested !== p.agencyId) throw new ApiError('auth/forbidden')
    return p.agencyId
  }
  if (requested && !services.store.getAgency(requested))
    throw new ApiError('agency/unknown', requested.slice(0, 60))
  return requested ?? null
}

/** Guard for writes: the agency a submission is for; an admin must name one. */
export function requireAgency(
  c: Context<Env>,
  services: Services,
  requested: string | undefined,
): string {
  const agencyId = resolveAgency(c, services, requested)
  if (!agencyId) throw new ApiError('agency/required')
  return agencyId
}
