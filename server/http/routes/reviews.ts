import { Hono, type Context } from 'hono'
import { parseReturnReason, type ReviewDecision } from '../../../core/index.ts'
import { createPeopleNames } from '../../consolidation/people.ts'
import { describePrincipal, requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { AppError } from '../../errors/index.ts'
import { readId } from './params.ts'

/**
 * A report's life after it is sent: Sở Nội vụ accepts the latest version of an agency's report
 * (POST /api/submissions/:id/accept) or returns it for correction with a reason (…/return
 * `{ reason }`); the agency then sends a new version. Admin only; a session also sends its CSRF token.
 */
export function createReviewRoutes(services: Services) {
  const { store, now } = services

  function decide(c: Context<Env>, decision: ReviewDecision, reason: string | null) {
    const stored = store.addReview({
      submissionId: readId(c.req.param('id') ?? ''),
      decision,
      reason,
      actor: describePrincipal(c.get('principal')),
      at: now().toISOString(),
    })
    if (stored === null) throw new AppError('submission/unknown')
    if (stored === 'superseded') throw new AppError('review/superseded')
    return c.json({ state: decision, review: createPeopleNames(store).readReview(stored) }, 201)
  }

  // Guards per route: mounted beside the submission routes, a middleware would guard those too.
  return new Hono<Env>()
    .post('/:id/accept', requireAdmin, (c) => decide(c, 'accepted', null))
    .post('/:id/return', requireAdmin, async (c) => {
      const body = (await c.req.json().catch(() => null)) as { reason?: unknown } | null
      const reason = parseReturnReason(body?.reason)
      if (!reason) throw new AppError('review/reason-required')
      return decide(c, 'returned', reason)
    })
}
