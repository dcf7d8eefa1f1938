"""Browser tests: wait for a JavaScript condition on a page that runs under the app's Content-Security-Policy.

Playwright's `page.wait_for_function` evaluates its string with `eval` inside the page, which the CSP (no
'unsafe-eval') forbids; `page.evaluate` goes through the DevTools protocol and is allowed, so poll with it."""

import time


def tunggu_js(page, ekspresi: str, timeout: float = 30000, jeda: float = 50) -> None:
    """Wait until the expression `ekspresi` is truthy in `page` (timeout and poll interval in ms)."""
    batas = time.monotonic() + timeout / 1000
    while True:
        if page.evaluate(ekspresi):
            return
        if time.monotonic() > batas:
            raise TimeoutError(f"Menunggu {timeout:.0f} ms tanpa hasil: {ekspresi}")
        page.wait_for_timeout(jeda)
