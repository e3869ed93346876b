"""The system's Chromium, driven by playwright, for the review site's browser checks
(tests/review/test_browser.py, bench/review.py --browser).

Debian's `chromium` package (.ci/run installs it); playwright's own browser download cannot
work here. As root Chromium starts only without its sandbox; the other flags keep it from
reaching out on its own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", *(["--no-sandbox"] if os.geteuid() == 0 else []),
]  # fmt: skip


def launch(playwright: Any) -> Any:
    """A headless Chromium browser from the system's executable."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def watched_page(browser: Any) -> Any:
    """A new page whose `problems` list collects console errors, page errors and the URL of any
    request that is not a local file (the site must fetch nothing)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("request", lambda r: r.url.startswith("file://") or page.problems.append(r.url))
    return page
