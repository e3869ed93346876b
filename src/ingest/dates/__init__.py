"""Temporal expressions: what a date span means (resolve), which way its sentence looks (tense),
and the `dates` relation (mentions)."""
