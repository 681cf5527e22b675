import { createAuthHeaders } from './auth.ts'
import { describeHttpFailure, networkFailure } from './labels.ts'

/**
 * Calls the API from the page: the session cookie, and the CSRF header on changes. A refusal becomes
 * an Error with the service's Vietnamese message; a network failure or a bare status, a Vietnamese
 * sentence too (never "Failed to fetch" or "502").
 */
export async function requestApi(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET'
  let res: Response
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        ...createAuthHeaders(method),
      },
    })
  } catch {
    throw new Error(networkFailure)
  }
  if (res.status === 401) {
    location.href = '/login'
    throw new Error('Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.')
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(body?.error?.message ?? describeHttpFailure(res.status))
  }
  return res
}

/** Reads a JSON answer. */
export async function readJson<T>(path: string): Promise<T> {
  const res = await requestApi(path)
  try {
    return (await res.json()) as T
  } catch {
    throw new Error(networkFailure)
  }
}

/** Sends a change as JSON (POST by default) and reads the answer, if any. */
export async function sendJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  const res = await requestApi(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (res.status === 204 ? null : await res.json()) as T
}

/** Downloads an authenticated file under a name. */
export async function downloadFile(path: string, name: string): Promise<void> {
  const blob = await (await requestApi(path)).blob()
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}

/** Copies a text to the clipboard; falls back to selecting a field's text for Ctrl+C. */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement) {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    field?.select()
    document.execCommand('copy')
  }
}
