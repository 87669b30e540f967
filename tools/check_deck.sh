#!/usr/bin/env bash
# Developer check (not part of the tests, which must not depend on ../shared): build the
# default deck and run the independent font checker and the OOXML schema validator on it.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
out=$(mktemp -d)
"$py" main.py build --out "$out/deck.pptx" "$@"
"$py" ../shared/tools/check_fonts.py "$out/deck.pptx" | tail -3
"$py" ../shared/tools/ooxml/validate_pptx.py "$out/deck.pptx"
