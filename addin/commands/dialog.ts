/** The part of `Office.context.ui` the ribbon's message dialog uses (a fake in tests). */
export type DialogHost = {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: {
      status: Office.AsyncResultStatus | 'succeeded' | 'failed'
      value: Pick<Office.Dialog, 'addEventHandler' | 'close'>
    }) => void,
  ): void
}

/** The event types, as Office names them (`Office.EventType.DialogMessageReceived`, `…EventReceived`). */
export type DialogEvents = { message: Office.EventType; event: Office.EventType }

/**
 * Shows a message page in a dialog and resolves once it is closed. Its "Đóng" button sends
 * `messageParent('close')`; the page that opened the dialog must then call `dialog.close()` itself
 * (Microsoft's "Use the Office dialog API": "the host page handler for DialogMessageReceived calls
 * dialog.close"), or the button does nothing. The user's own X raises DialogEventReceived. The
 * ribbon command waits for either before it calls `event.completed()`, so its page lives as long
 * as the dialog. Where no dialog can open, the text goes to the console.
 */
export function showDialog(
  host: DialogHost,
  events: DialogEvents,
  url: string,
  text: string,
): Promise<void> {
  return new Promise((done) => {
    const fallback = () => {
      console.error('CCHC:', text)
      done()
    }
    try {
      host.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== 'succeeded') return fallback()
        const dialog = result.value
        dialog.addEventHandler(events.message, () => {
          dialog.close()
          done()
        })
        dialog.addEventHandler(events.event, () => done())
      })
    } catch {
      fallback()
    }
  })
}
