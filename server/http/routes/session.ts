import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { verifyPassword } from '../../store/passwords.ts'
import {
  createUserPrincipal,
  endSession,
  logSecurityEvent,
  readClientIp,
  startSession,
} from '../auth.ts'
import type { Env, Services } from '../context.ts'
import type { Principal } from '../../store/index.ts'
import { AppError } from '../../errors/index.ts'

const loginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(500),
})

// Checked against when the email is unknown, so that a wrong email takes as long as a wrong password.
const dummyHash =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

function describeUser(services: Services, p: Principal) {
  return {
    email: p.email ?? null,
    role: p.role,
    agency: p.role === 'agency' ? services.store.getAgency(p.agencyId) : null,
  }
}

/** A sign-in form posted from another site is refused (the page itself sends JSON from its origin). */
function checkOrigin(c: Context<Env>) {
  const origin = c.req.header('origin')
  if (origin && origin !== new URL(c.req.url).origin) throw new AppError('auth/csrf')
}

/** /api/login, /api/logout, /api/session: people signing in with an account. */
export function createSessionRoutes(services: Services) {
  const { store, limiters } = services
  return new Hono<Env>()
    .post('/login', async (c) => {
      checkOrigin(c)
      const ip = readClientIp(c, services)
      const parsed = loginBody.safeParse(await c.req.json().catch(() => null))
      if (!parsed.success) throw new AppError('request/invalid-body')
      const { email, password } = parsed.data
      if (limiters.loginPerIp.isBlocked(ip) || limiters.loginPerAccount.isBlocked(email)) {
        logSecurityEvent(c, services, 'login.rate-limited', null, email)
        throw new AppError('auth/rate-limited')
      }
      const user = store.findUserForLogin(email)
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash)
      if (!user || !ok || user.disabledAt) {
        limiters.loginPerIp.addFailure(ip)
        limiters.loginPerAccount.addFailure(email)
        logSecurityEvent(c, services, 'login.failed', null, email)
        throw new AppError('auth/login-failed')
      }
      limiters.loginPerAccount.reset(email)
      const csrfToken = startSession(c, services, user)
      const principal = createUserPrincipal(user)
      c.set('principal', principal)
      logSecurityEvent(c, services, 'login.ok')
      return c.json({ user: describeUser(services, principal), csrfToken })
    })
    .post('/logout', (c) => {
      logSecurityEvent(c, services, 'logout')
      endSession(c, services)
      return c.body(null, 204)
    })
    .get('/session', (c) => {
      const session = c.get('session')
      return c.json({
        user: describeUser(services, c.get('principal')),
        csrfToken: session?.csrf ?? null,
      })
    })
}
