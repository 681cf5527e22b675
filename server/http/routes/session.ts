import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { verifyPassword } from '../../store/passwords.ts'
import {
  createUserPrincipal,
  endSession,
  logSecurityEvent,
  pruneSessions,
  readClientIp,
  startSession,
} from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { readKnownDevice, rememberDevice } from '../devices.ts'
import { reserveSlots, type Slot } from '../rate-limit.ts'
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
      const user = store.findUserForLogin(email)
      // A browser that signed in to this account before is counted on its own: guesses made by
      // someone else (from anywhere, or from the same office address) do not lock its owner out.
      const device = readKnownDevice(c, services, user?.id ?? null)
      const slots: Slot[] = device
        ? [[limiters.loginPerDevice, device]]
        : [
            [limiters.loginPerIp, ip],
            [limiters.loginPerAccount, email],
          ]
      // Each attempt takes its slots before the hash is awaited: concurrent guesses are counted too.
      if (!reserveSlots(slots)) {
        logSecurityEvent(c, services, 'login.rate-limited', null, email)
        throw new AppError('auth/rate-limited')
      }
      let ok = false
      try {
        ok = (await verifyPassword(password, user?.passwordHash ?? dummyHash)) && !user?.disabledAt
      } finally {
        for (const [limiter, key] of slots) limiter.settle(key, !ok)
      }
      if (!user || !ok) {
        logSecurityEvent(c, services, 'login.failed', null, email)
        throw new AppError('auth/login-failed')
      }
      pruneSessions(services, true)
      rememberDevice(c, services, user.id, device)
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
