#!/usr/bin/env bash
# Installs the system tools the tests use as independent readers and browsers, when they are missing:
#   python3-openpyxl  reads our .xlsx files back (an independent reader)
#   libreoffice-calc  converts our workbooks (second independent reader, PDF printing checks)
#   libreoffice-writer converts the Công văn (.docx) to PDF (layout checks)
#   chromium          headless browser for the dashboard and task pane tests
#   libxml2-utils     xmllint, validates the add-in manifests against Microsoft's XSDs offline
#   poppler-utils     reads and renders the PDFs LibreOffice prints (page count, text boxes, images)
# Needs root (apt-get) on Debian/Ubuntu; does nothing when everything is present.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
missing=()
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || missing+=(python3-openpyxl)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v soffice >/dev/null || missing+=(libreoffice-calc)
dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'liberation serif\|times new roman' || missing+=(fonts-liberation)
if [ ${#missing[@]} -eq 0 ]; then
  echo "test:setup: openpyxl, LibreOffice, Chromium, xmllint and poppler-utils are present."
  exit 0
fi
echo "test:setup: installing with apt-get: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "test:setup: done."
