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

/** Issues a labelled, expiring token and logs it. */
export function issueToken(
  c: Context<Env>,
  services: Services,
  agencyId: string | null,
  label: string | null,
  expiresInDays: number,
) {
  const now = services.now()
  const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000).toISOString()
  const issued = services.store.addToken(agencyId, now.toISOString(), { label, expiresAt })
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
