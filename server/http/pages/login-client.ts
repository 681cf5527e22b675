// The sign-in page's script (bundled by esbuild, served at /assets/login.js): posts the form as JSON.

function requireElement<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`Thiếu phần tử #${id}`)
  return element as T
}

async function signIn(event: Event): Promise<void> {
  event.preventDefault()
  const message = requireElement<HTMLParagraphElement>('message')
  message.textContent = ''
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: requireElement<HTMLInputElement>('email').value,
        password: requireElement<HTMLInputElement>('password').value,
      }),
    })
    if (response.ok) {
      location.href = '/'
      return
    }
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string }
    } | null
    message.textContent =
      body?.error?.message ??
      `Máy chủ chưa trả lời được (mã lỗi ${response.status}); hãy thử lại sau ít phút.`
  } catch {
    message.textContent =
      'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại; nếu vẫn lỗi, báo cho bộ phận CNTT.'
  }
}

requireElement<HTMLFormElement>('login-form').addEventListener('submit', (event) => {
  void signIn(event)
})
