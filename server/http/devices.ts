import { randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { computeTokenHash } from '../store/index.ts'
import { isHttps } from './auth.ts'
import type { Env, Services } from './context.ts'

/**
 * The cookie of a browser that signed in to an account before (httpOnly, SameSite=Strict, sent to
 * the sign-in route only). A lock-out caused by someone else's guesses does not stop that browser:
 * its sign-ins are counted on their own (OWASP's "device cookies").
 */
export const deviceCookie = 'cchc_device'
const deviceDays = 180

/** The hash of the request's device cookie when it belongs to `userId`'s account, else null. */
export function readKnownDevice(
  c: Context<Env>,
  services: Services,
  userId: number | null,
): string | null {
  const secret = getCookie(c, deviceCookie)
  if (!secret || userId === null || secret.length > 100) return null
  const hash = computeTokenHash(secret)
  return services.store.findDevice(hash) === userId ? hash : null
}

/** Remembers this browser for the account it just signed in to (a new cookie unless it is known). */
export function rememberDevice(
  c: Context<Env>,
  services: Services,
  userId: number,
  known: string | null,
): void {
  const secret = known ? null : randomBytes(32).toString('base64url')
  const hash = known ?? computeTokenHash(secret!)
  services.store.addDevice(hash, userId, services.now().toISOString())
  if (secret)
    setCookie(c, deviceCookie, secret, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c, services),
      path: '/api/login',
      maxAge: deviceDays * 86_400,
    })
}
