import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { generatePassword, hashPassword } from '../../store/passwords.ts'
import { logSecurityEvent, requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { AppError } from '../../errors/index.ts'

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const userBody = z.object({
  email: z.string().max(200),
  role: z.string().max(20),
  agency: z.string().max(60).nullable().optional(),
})

/** The email a request names, as accounts are kept: trimmed, lower case, plausible. */
function readEmail(raw: string): string {
  const email = raw.trim().toLowerCase()
  if (!emailPattern.test(email) || email.length > 200) throw new AppError('user/invalid-email')
  return email
}

/** The account a path names (`:email`), or a 404. */
function readTarget(c: Context<Env>, services: Services) {
  const user = services.store.findUser(readEmail(c.req.param('email') ?? ''))
  if (!user) throw new AppError('user/unknown')
  return user
}

/**
 * /api/admin/users: people's accounts managed by Sở Nội vụ from the dashboard (admin only). A new or
 * reset password is generated, answered once and stored only as its scrypt hash; every change is logged.
 */
export function createUserRoutes(services: Services) {
  const { store, now } = services
  return new Hono<Env>()
    .use(requireAdmin)
    .get('/', (c) => c.json({ users: store.listUsers() }))
    .post('/', async (c) => {
      const parsed = userBody.safeParse(await c.req.json().catch(() => null))
      if (!parsed.success)
        throw new AppError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
      const email = readEmail(parsed.data.email)
      const role = parsed.data.role
      if (role !== 'admin' && role !== 'agency') throw new AppError('user/invalid-role')
      const agencyId = role === 'agency' ? (parsed.data.agency ?? '') : null
      if (agencyId !== null && !store.getAgency(agencyId))
        throw new AppError('user/unknown-agency', agencyId.slice(0, 60))
      if (store.findUser(email)) throw new AppError('user/exists', email)
      const password = generatePassword()
      const passwordHash = await hashPassword(password)
      if (!store.addUser({ email, role, agencyId, passwordHash }, now().toISOString()))
        throw new AppError('user/exists', email)
      logSecurityEvent(
        c,
        services,
        'user.created',
        `${email} ${role}${agencyId ? ` ${agencyId}` : ''}`,
      )
      return c.json({ user: store.findUser(email), password }, 201)
    })
    .post('/:email/password', async (c) => {
      const user = readTarget(c, services)
      const password = generatePassword()
      // The CLI's `user password` does the same: the hash replaced, the account's sessions ended.
      store.setUserPassword(user.email, await hashPassword(password))
      logSecurityEvent(c, services, 'user.password-reset', user.email)
      return c.json({ password })
    })
    .post('/:email/disable', (c) => {
      const user = readTarget(c, services)
      const self = c.get('principal').email
      if (self && self.toLowerCase() === user.email.toLowerCase())
        throw new AppError('user/self-disable')
      // The dashboard must keep someone who can administer it.
      const admins = store.listUsers().filter((u) => u.role === 'admin' && !u.disabledAt)
      if (user.role === 'admin' && !user.disabledAt && admins.length <= 1)
        throw new AppError('user/last-admin')
      const updated = store.setUserDisabled(user.email, now().toISOString())
      logSecurityEvent(c, services, 'user.disabled', user.email)
      return c.json({ user: updated })
    })
    .post('/:email/enable', (c) => {
      const user = readTarget(c, services)
      const updated = store.setUserDisabled(user.email, null)
      logSecurityEvent(c, services, 'user.enabled', user.email)
      return c.json({ user: updated })
    })
}
