import { render } from 'preact'
import { App } from './app.tsx'
import { startSession } from './auth.ts'
import { notice, parseRoute, route, user } from './state.ts'

// The dashboard's script: signs in through the session cookie, then renders the page from its state.
async function startDashboard(): Promise<void> {
  const signedIn = await startSession()
  if (!signedIn) return
  user.value = signedIn
  route.value = parseRoute(location.hash)
  window.addEventListener('hashchange', () => {
    route.value = parseRoute(location.hash)
    // A notice tells about the last action on the page it was taken on.
    notice.value = null
    window.scrollTo(0, 0)
  })
  const root = document.getElementById('app')!
  // The "opening…" line is the page's own markup, not Preact's: cleared before the first render.
  root.textContent = ''
  render(<App />, root)
}

void startDashboard()
