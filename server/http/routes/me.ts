import { Hono } from 'hono'
import { z } from 'zod'
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../store/passwords.ts'
import { logSecurityEvent } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { AppError } from '../../errors/index.ts'

const passwordBody = z.object({
  current: z.string().min(1).max(500),
  password: z.string().min(1).max(500),
})

/** /api/me: who the credentials belong to, and a person changing their own password. */
export function createMeRoutes(services: Services) {
  const { store, limiters } = services
  return new Hono<Env>()
    .get('/', (c) => {
      const p = c.get('principal')
      return c.json(
        p.role === 'admin'
          ? { role: 'admin', email: p.email ?? null }
          : { role: 'agency', email: p.email ?? null, agency: store.getAgency(p.agencyId) },
      )
    })
    .post('/password', async (c) => {
      const email = c.get('principal').email
      if (!email) throw new AppError('user/no-account')
      const parsed = passwordBody.safeParse(await c.req.json().catch(() => null))
      if (!parsed.success) throw new AppError('request/invalid-body')
      // Wrong current passwords count as failed sign-ins: the same limit stops guessing here.
      if (limiters.loginPerAccount.isBlocked(email)) throw new AppError('auth/rate-limited')
      const user = store.findUserForLogin(email)
      if (!user || !(await verifyPassword(parsed.data.current, user.passwordHash))) {
        limiters.loginPerAccount.addFailure(email)
        logSecurityEvent(c, services, 'user.password-change-failed', email)
        throw new AppError('user/wrong-password')
      }
      const weak = checkPasswordStrength(parsed.data.password)
      if (weak) throw new AppError('user/weak-password', weak)
      // As a reset does: the new hash, and every session of the account ended (this one too).
      store.setUserPassword(email, await hashPassword(parsed.data.password))
      logSecurityEvent(c, services, 'user.password-changed', email)
      return c.body(null, 204)
    })
}
