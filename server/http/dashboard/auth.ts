/**
 * How the dashboard proves who it is: the httpOnly session cookie set by signing in at /login, and the
 * X-CSRF-Token header on requests that change something. No secret is ever kept in the browser's
 * storage; without a session the page goes to /login.
 */
export type SessionUser = {
  email?: string
  role: string
  agency?: { id: string; name: string } | string | null
}

let csrfToken: string | null = null
let user: SessionUser | null = null

/** Reads the session once at start; without one (or after expiry) the browser goes to the sign-in page. */
export async function startSession(): Promise<SessionUser | null> {
  const res = await fetch('/api/session', { credentials: 'same-origin' }).catch(() => null)
  if (!res || !res.ok) {
    location.href = '/login'
    return null
  }
  const body = (await res.json()) as { user: SessionUser; csrfToken: string }
  user = body.user
  csrfToken = body.csrfToken
  return user
}

/** Who is signed in, as the header shows it. */
export function describeUser(): string {
  if (!user) return ''
  const agency = typeof user.agency === 'string' ? user.agency : user.agency?.name
  return `${user.email ?? user.role}${agency ? ` — ${agency}` : ''}`
}

/** The headers a request needs, by method: the one place that knows how the page authenticates. */
export function createAuthHeaders(method = 'GET'): Record<string, string> {
  return method === 'GET' || method === 'HEAD' || !csrfToken ? {} : { 'X-CSRF-Token': csrfToken }
}

/** Ends the session on the server, then shows the sign-in page. */
export async function signOut(): Promise<void> {
  await fetch('/api/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: createAuthHeaders('POST'),
  }).catch(() => null)
  location.href = '/login'
}
