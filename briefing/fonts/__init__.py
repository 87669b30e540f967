"""Fonts for the deck: finding a family, licence bits, subsetting and EOT wrapping (bytes in,
bytes out, no python-pptx)."""
