"""Stage 3: the project's spaCy pipeline and the components it adds to the statistical model."""
