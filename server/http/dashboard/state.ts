import { signal } from '@preact/signals'
import { useEffect, useState } from 'preact/hooks'
import { parsePeriod, type Period } from '../../../core/index.ts'
import type { SessionUser } from './auth.ts'

// The page's shared state: who is signed in, the period asked for, the page shown, the last notice.
// Every view renders from these and from the data it loads for them (useResource), never from what
// an earlier view left in the page.

/** The pages the address can name. */
export type Route =
  | { page: 'overview' }
  | { page: 'agency'; id: string }
  | { page: 'codes' }
  | { page: 'accounts' }
  | { page: 'log' }
  | { page: 'plans' }
  | { page: 'sheets' }
  | { page: 'plan-draft'; id: string }

const routePaths: Record<Exclude<Route['page'], 'agency' | 'plan-draft'>, string> = {
  overview: '#/',
  codes: '#/ma-truy-cap',
  accounts: '#/tai-khoan',
  log: '#/nhat-ky',
  plans: '#/ke-hoach',
  sheets: '#/google-sheets',
}

/** Reads the page an address names (#/agency/so-noi-vu, #/ma-truy-cap, #/google-sheets …); the overview otherwise. */
export function parseRoute(hash: string): Route {
  const agency = /^#\/agency\/([^/?]+)$/.exec(hash)
  if (agency) return { page: 'agency', id: decodeURIComponent(agency[1]!) }
  const draft = /^#\/ke-hoach\/nhap\/(\d+)$/.exec(hash)
  if (draft) return { page: 'plan-draft', id: draft[1]! }
  const found = Object.entries(routePaths).find(([, path]) => path === hash)
  return { page: (found?.[0] ?? 'overview') as Exclude<Route['page'], 'agency' | 'plan-draft'> }
}

/** The address of a page. */
export function formatRoute(route: Route): string {
  if (route.page === 'agency') return `#/agency/${encodeURIComponent(route.id)}`
  if (route.page === 'plan-draft') return `#/ke-hoach/nhap/${encodeURIComponent(route.id)}`
  return routePaths[route.page]
}

export const user = signal<SessionUser | null>(null)
export const route = signal<Route>({ page: 'overview' })
export const period = signal<Period>(parsePeriod(document.body.dataset.period ?? '')!)
/** Bumped after a change (an upload, a decision, a code issued) so that views load their data again. */
export const revision = signal(0)

/** A notice at the top of the page; "warn" for what went through but needs attention. */
export type Notice = { text: string; kind: 'ok' | 'warn' | 'error' }
export const notice = signal<Notice | null>(null)

export function showNotice(text: string, kind: Notice['kind'] = 'ok'): void {
  notice.value = { text, kind }
}

/** The data a view loads for a key: loading, failed, or ready. */
export type Resource<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }

/**
 * Loads data for a key (a period, an agency, a version) and answers it only while that key is the
 * one asked for: a slower answer for an earlier key is dropped, and while the new key loads the view
 * gets "loading", never the previous key's data (so no old figures under a new heading).
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string; resource: Resource<T> } | null>(null)
  useEffect(() => {
    if (key === null) return undefined
    let current = true
    setState({ key, resource: { status: 'loading' } })
    load().then(
      (data) => current && setState({ key, resource: { status: 'ready', data } }),
      (e: Error) => current && setState({ key, resource: { status: 'error', message: e.message } }),
    )
    return () => {
      current = false
    }
  }, [key])
  return state && state.key === key ? state.resource : { status: 'loading' }
}
