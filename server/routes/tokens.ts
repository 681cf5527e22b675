import { Hono } from 'hono'
import { requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { ApiError } from '../http-errors.ts'

/** /api/tokens: revoking API tokens (admin only). */
export function createTokenRoutes(services: Services) {
  const { store, now } = services
  return new Hono<Env>().use(requireAdmin).delete('/:tokenId', (c) => {
    if (!store.revokeToken(c.req.param('tokenId'), now().toISOString()))
      throw new ApiError('token/unknown')
    return c.body(null, 204)
  })
}
