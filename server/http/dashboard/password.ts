import { $, requestApi } from './dom.ts'

/**
 * "Đổi mật khẩu": a person changes their own password (POST /api/me/password). The change ends every
 * session of the account, this one too, so the page then goes to the sign-in page.
 */
export function setUpPasswordChange(onMessage: (text: string, kind: 'ok' | 'error') => void) {
  const section = $('password-section')
  $('change-password').addEventListener('click', () => {
    section.hidden = !section.hidden
    if (!section.hidden) $<HTMLInputElement>('password-current').focus()
  })
  $('password-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const current = $<HTMLInputElement>('password-current').value
    const password = $<HTMLInputElement>('password-new').value
    if (password !== $<HTMLInputElement>('password-repeat').value) {
      onMessage('Hai lần nhập mật khẩu mới không giống nhau.', 'error')
      return
    }
    requestApi('/api/me/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ current, password }),
    })
      .then(() => {
        onMessage(
          'Đã đổi mật khẩu. Mọi phiên đăng nhập đã kết thúc; hãy đăng nhập lại bằng mật khẩu mới.',
          'ok',
        )
        setTimeout(() => (location.href = '/login'), 2000)
      })
      .catch((e: Error) => onMessage(`Không đổi được mật khẩu: ${e.message}`, 'error'))
  })
}
