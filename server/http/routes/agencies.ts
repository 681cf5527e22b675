import { Hono } from 'hono'
import { z } from 'zod'
import { agencyKinds } from '../../../core/index.ts'
import { requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { issueToken } from './tokens.ts'
import { AppError } from '../../errors/index.ts'

const agencyBody = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(agencyKinds),
})

const tokenOptions = z.object({
  label: z.string().trim().max(100).nullable().optional(),
  expiresInDays: z.number().int().min(1).max(366).default(90),
})

/** /api/agencies: the registry and the issuing of agency tokens (admin only). */
export function createAgencyRoutes(services: Services) {
  const { store, now } = services
  return new Hono<Env>()
    .use(requireAdmin)
    .get('/', (c) => c.json(store.listAgencies()))
    .post('/', async (c) => {
      const parsed = agencyBody.safeParse(await c.req.json().catch(() => null))
      if (!parsed.success)
        throw new AppError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
      if (!store.addAgency(parsed.data, now().toISOString()))
        throw new AppError('agency/exists', parsed.data.id)
      return c.json(parsed.data, 201)
    })
    .post('/:id/tokens', async (c) => {
      const id = c.req.param('id')
      if (!store.getAgency(id)) throw new AppError('agency/unknown', id.slice(0, 60))
      const body = tokenOptions.safeParse(await c.req.json().catch(() => ({})))
      const { label, expiresInDays } = body.success ? body.data : { label: null, expiresInDays: 90 }
      return c.json(issueToken(c, services, id, label ?? null, expiresInDays), 201)
    })
}
