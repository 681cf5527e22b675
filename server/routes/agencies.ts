import { Hono } from 'hono'
import { z } from 'zod'
import { agencyKinds } from '../../core/index.ts'
import { requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { ApiError } from '../http-errors.ts'

const agencyBody = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(agencyKinds),
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
        throw new ApiError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
      if (!store.addAgency(parsed.data, now().toISOString()))
        throw new ApiError('agency/exists', parsed.data.id)
      return c.json(parsed.data, 201)
    })
    .post('/:id/tokens', (c) => {
      const id = c.req.param('id')
      if (!store.getAgency(id)) throw new ApiError('agency/unknown', id.slice(0, 60))
      return c.json(store.addToken(id, now().toISOString()), 201)
    })
}
