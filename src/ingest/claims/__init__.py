"""Stage 4: read claims out of an annotated Doc."""
