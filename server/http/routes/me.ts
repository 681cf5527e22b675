import { Hono } from 'hono'
import { z } from 'zod'
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../store/passwords.ts'
import { logSecurityEvent } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { reserveSlots, type Slot } from '../rate-limit.ts'
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
      // Guesses are counted per session before the hash is awaited (concurrent ones too), and each
      // wrong one also counts as a failed sign-in of the account; the account's own lock-out (which
      // anyone can cause) does not stop its owner's signed-in session.
      const slot: Slot = [limiters.loginPerDevice, `session:${c.get('session')?.hash ?? email}`]
      if (!reserveSlots([slot])) throw new AppError('auth/rate-limited')
      const user = store.findUserForLogin(email)
      let ok = false
      try {
        ok = user !== null && (await verifyPassword(parsed.data.current, user.passwordHash))
      } finally {
        slot[0].settle(slot[1], !ok)
      }
      if (!user || !ok) {
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
