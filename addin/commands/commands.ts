import { addinRegistry, findAddinProfile } from '../catalog.ts'
import { hasNotesApi, runCheck } from '../excel/check.ts'
import { computeDefaults, readSettings } from '../settings.ts'

/** The ribbon's "Kiểm tra" button: checks and marks the active sheet without opening the pane. */
async function checkFromRibbon(event: Office.AddinCommands.Event) {
  try {
    const saved = readSettings(localStorage, location.origin)
    const asOf = saved.asOf ?? computeDefaults(Date.now()).asOf
    await Excel.run((context) =>
      runCheck(context, {
        asOf,
        registry: addinRegistry,
        profileFor: findAddinProfile,
        notes: hasNotesApi(),
      }),
    )
  } catch (error) {
    // The marks and the "Kiểm tra" sheet are the command's only output; a failure is logged for support.
    console.error('CCHC: kiểm tra không thành công', error)
  } finally {
    event.completed()
  }
}

Office.onReady(() => {
  Office.actions.associate('checkFromRibbon', checkFromRibbon)
})
