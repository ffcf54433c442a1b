#!/usr/bin/env bash
# Debian packages the tests drive for real: Chromium (end-to-end), poppler and qpdf (PDF checks),
# LibreOffice (DOCX rendering; Calc opens the office's XLSX roll-up), PostgreSQL (server tests). No CJK system font on purpose: the PDF
# tests must prove that our embedded fonts work on their own.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing system packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
