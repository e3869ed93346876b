"""`ingest review`: the static review site (site.py) over highlighted text (highlight.py)."""

from ingest.review.site import Site, build_site

__all__ = ["Site", "build_site"]
