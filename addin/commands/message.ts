/** The dialog the ribbon command opens to tell the user what happened (text from the `m` parameter). */
function renderMessage() {
  const text = new URLSearchParams(location.search).get('m') ?? ''
  const box = document.getElementById('text')
  if (box) box.textContent = text
  document.getElementById('close')?.addEventListener('click', () => {
    Office.context.ui.messageParent('close')
  })
}

Office.onReady(() => renderMessage())
