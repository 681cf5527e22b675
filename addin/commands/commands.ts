import { showDialog } from './dialog.ts'
import { runRibbonCheck } from './ribbon.ts'

/** Opens the add-in's message page in a small dialog and waits until the user closes it. */
function notify(text: string): Promise<void> {
  const url = new URL('message.html', location.href)
  url.searchParams.set('m', text)
  return showDialog(
    Office.context.ui as unknown as Parameters<typeof showDialog>[0],
    {
      message: Office.EventType.DialogMessageReceived,
      event: Office.EventType.DialogEventReceived,
    },
    url.toString(),
    text,
  )
}

/** The ribbon's "Kiểm tra" button. Ribbon commands always call `event.completed()`. */
async function checkFromRibbon(event: Office.AddinCommands.Event) {
  try {
    await runRibbonCheck({
      run: (callback) => Excel.run(callback),
      notify,
      storage: localStorage,
      origin: location.origin,
      now: Date.now(),
    })
  } finally {
    event.completed()
  }
}

Office.onReady(() => {
  Office.actions.associate('checkFromRibbon', checkFromRibbon)
})
