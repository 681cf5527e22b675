import { runRibbonCheck } from './ribbon.ts'

/** Opens the add-in's message page in a small dialog; falls back to the console if dialogs are unavailable. */
function notify(text: string): Promise<void> {
  const url = new URL('message.html', location.href)
  url.searchParams.set('m', text)
  return new Promise((done) => {
    try {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { height: 30, width: 35, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) console.error('CCHC:', text)
          done()
        },
      )
    } catch {
      console.error('CCHC:', text)
      done()
    }
  })
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
