/**
 * How the dashboard proves who it is. With a signed-in session (GET /api/session answers) requests
 * carry the cookie and, when they change something, the X-CSRF-Token header; otherwise the access
 * token typed into the page is sent as a bearer token. It is kept in memory only, never in storage.
 * Switching to sessions only is one change: delete the token branch here.
 */
export type Auth = {
  mode: 'session' | 'token'
  user: {
    email?: string
    role: string
    agency?: { id: string; name: string } | string | null
  } | null
}

let csrfToken: string | null = null
let typedToken = ''
export const auth: Auth = { mode: 'token', user: null }

/** Asks the service for a session once at start; without one the page uses a typed token. */
export async function startSession(): Promise<void> {
  try {
    const res = await fetch('/api/session', { credentials: 'same-origin' })
    if (!res.ok) return
    const body = (await res.json()) as { user: Auth['user']; csrfToken: string }
    auth.mode = 'session'
    auth.user = body.user
    csrfToken = body.csrfToken
  } catch {
    // No session service: the token form stays the way in.
  }
}

/** Sets the token typed into the page (token mode). */
export function setToken(token: string): void {
  typedToken = token.trim()
}

/** Whether requests can be authenticated now. */
export function isSignedIn(): boolean {
  return auth.mode === 'session' || typedToken.length > 0
}

/** The headers a request needs, by method: the one place that knows how the page authenticates. */
export function createAuthHeaders(method = 'GET'): Record<string, string> {
  if (auth.mode === 'session')
    return method === 'GET' || method === 'HEAD' || !csrfToken ? {} : { 'X-CSRF-Token': csrfToken }
  return { Authorization: `Bearer ${typedToken}` }
}
