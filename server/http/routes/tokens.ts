import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { logSecurityEvent, resolveAgency } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { AppError } from '../../errors/index.ts'

const tokenBody = z.object({
  label: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).default(90),
  /** For an admin: the agency the token acts for; null (or absent) issues an admin token. */
  agency: z.string().max(60).nullable().optional(),
})

/** The longest a token minted by an agency (not by an admin) may live, whatever its parent's expiry. */
export const agencyTokenMaxDays = 90

/**
 * What an agency's own token is bound to: the token (or the person) that minted it, and an expiry
 * never beyond the minting token's; an admin's tokens are bound to nothing.
 */
function bindToMinter(c: Context<Env>, services: Services, expiresAt: string) {
  const p = c.get('principal')
  if (p.role === 'admin') return { expiresAt }
  const cap = new Date(services.now().getTime() + agencyTokenMaxDays * 86_400_000).toISOString()
  const parent = p.tokenId ? services.store.getToken(p.tokenId) : null
  const limits = [expiresAt, cap, parent?.expiresAt ?? cap].sort()
  const userId = p.email ? (services.store.findUser(p.email)?.id ?? null) : null
  return { expiresAt: limits[0]!, parentId: parent?.id ?? null, userId }
}

/**
 * Issues a labelled, expiring token and logs it. One an agency mints for itself expires no later
 * than the token it used (and within 90 days), and is revoked with that token or with the account
 * of the person who minted it.
 */
export function issueToken(
  c: Context<Env>,
  services: Services,
  agencyId: string | null,
  label: string | null,
  expiresInDays: number,
) {
  const now = services.now()
  const requested = new Date(now.getTime() + expiresInDays * 86_400_000).toISOString()
  const bound = bindToMinter(c, services, requested)
  const issued = services.store.addToken(agencyId, now.toISOString(), { label, ...bound })
  logSecurityEvent(
    c,
    services,
    'token.issued',
    `${issued.id} ${agencyId ?? 'admin'} ${label ?? ''}`,
  )
  return issued
}

/** /api/tokens: API tokens for the add-in, the CLI and scripts — listed, issued and revoked. */
export function createTokenRoutes(services: Services) {
  const { store, now } = services
  return new Hono<Env>()
    .get('/', (c) => {
      const p = c.get('principal')
      return c.json({ tokens: store.listTokens(p.role === 'agency' ? p.agencyId : null) })
    })
    .post('/', async (c) => {
      const parsed = tokenBody.safeParse(await c.req.json().catch(() => null))
      if (!parsed.success)
        throw new AppError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
      const agencyId = resolveAgency(c, services, parsed.data.agency)
      return c.json(
        issueToken(c, services, agencyId, parsed.data.label, parsed.data.expiresInDays),
        201,
      )
    })
    .delete('/:tokenId', (c) => {
      const id = c.req.param('tokenId')
      const token = store.getToken(id)
      const p = c.get('principal')
      // Another agency's token is answered like a missing one.
      if (!token || (p.role === 'agency' && token.agencyId !== p.agencyId))
        throw new AppError('token/unknown')
      if (!store.revokeToken(id, now().toISOString())) throw new AppError('token/unknown')
      logSecurityEvent(c, services, 'token.revoked', id)
      return c.body(null, 204)
    })
}
