import { createAuthHeaders } from './auth.ts'

/** A typed element lookup that fails loudly when the markup is missing a part. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`Thiếu phần tử #${id} trong bảng điều khiển`)
  return el as T
}

/** Shows a message to the user (kind "ok" or "error"). */
export function showMessage(text: string, kind: 'ok' | 'error'): void {
  const m = $('message')
  m.textContent = text
  m.className = kind
}

/** Appends a cell whose text is always set as text. */
export function appendCell(
  tr: HTMLTableRowElement,
  text: string | number | null | undefined,
  className?: string,
): HTMLTableCellElement {
  const td = document.createElement('td')
  td.textContent = text === null || text === undefined ? '' : String(text)
  if (className) td.className = className
  tr.appendChild(td)
  return td
}

/** An instant as Vietnam shows it. */
export function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : ''
}

/** Calls the API; a refusal becomes an Error with the service's Vietnamese message. */
export async function requestApi(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET'
  const res = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: {
      ...(init.headers as Record<string, string> | undefined),
      ...createAuthHeaders(method),
    },
  })
  if (res.status === 401) {
    location.href = '/login'
    throw new Error('Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.')
  }
  if (!res.ok) {
    let message = String(res.status)
    try {
      message = ((await res.json()) as { error: { message: string } }).error.message
    } catch {
      // Not JSON: the status code says enough.
    }
    throw new Error(message)
  }
  return res
}

export async function readJson<T>(path: string): Promise<T> {
  return (await (await requestApi(path)).json()) as T
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

/** Copies a text box's text to the clipboard. */
export async function copyText(area: HTMLTextAreaElement | HTMLInputElement): Promise<void> {
  area.select()
  try {
    await navigator.clipboard.writeText(area.value)
  } catch {
    document.execCommand('copy')
  }
  showMessage('Đã sao chép nội dung.', 'ok')
}
