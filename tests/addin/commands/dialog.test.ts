import { describe, expect, it, vi } from 'vitest'
import { showDialog, type DialogHost } from '../../../addin/commands/dialog.ts'

const events = {
  message: 'dialogMessageReceived' as unknown as Office.EventType,
  event: 'dialogEventReceived' as unknown as Office.EventType,
}

/** A dialog as Office hands it to the page that opened it: handlers by event, and close(). */
function createFakeDialogHost(status: 'succeeded' | 'failed' = 'succeeded') {
  const handlers = new Map<Office.EventType, (arg: unknown) => void>()
  const dialog = {
    closed: false,
    addEventHandler(type: Office.EventType, handler: (arg: unknown) => void) {
      handlers.set(type, handler)
    },
    close() {
      dialog.closed = true
    },
  }
  const host: DialogHost = {
    displayDialogAsync: (_url, _options, callback) =>
      setTimeout(() => callback({ status, value: dialog as never }), 0),
  }
  return { host, dialog, handlers }
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await new Promise((r) => setTimeout(r, 5))
  return done
}

describe('the ribbon’s message dialog closes when asked', () => {
  it('"Đóng" (messageParent) closes the dialog from the opening page, then the command completes', async () => {
    const { host, dialog, handlers } = createFakeDialogHost()
    const shown = showDialog(host, events, 'https://localhost/message.html', 'Đã kiểm tra')
    expect(await settled(shown)).toBe(false)
    handlers.get(events.message)!({ message: 'close' })
    await shown
    expect(dialog.closed).toBe(true)
  })

  it('the user’s X (DialogEventReceived) ends the wait too', async () => {
    const { host, dialog, handlers } = createFakeDialogHost()
    const shown = showDialog(host, events, 'https://localhost/message.html', 'Đã kiểm tra')
    expect(await settled(shown)).toBe(false)
    handlers.get(events.event)!({ error: 12006 })
    await shown
    expect(dialog.closed).toBe(false)
  })

  it('where no dialog opens, the text goes to the console and the command still completes', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { host } = createFakeDialogHost('failed')
    await showDialog(host, events, 'https://localhost/message.html', 'Không mở được')
    expect(error).toHaveBeenCalledWith('CCHC:', 'Không mở được')
    error.mockRestore()
  })
})
