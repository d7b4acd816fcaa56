"""Probe process: the 50-page shift handover PDF, built once in a fresh process.

``pdf_probe.py PAGES OUT``: makes ``synthetic_handover_data(pages=PAGES)`` (not timed),
then times ``build_handover_pdf`` in Simplified Chinese -- the first report of the
process, so the CJK font is registered and subset on the way, as on the first print of
a shift. Reports seconds, the size, the page count and the embedded font names.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import datetime
from pathlib import Path

import common


def main() -> None:
    pages, out = int(sys.argv[1]), Path(sys.argv[2])
    start = time.perf_counter()
    from stationdesk.reports.handover import build_handover_pdf
    from stationdesk.reports.sample import synthetic_handover_data

    import_s = time.perf_counter() - start
    data = synthetic_handover_data(pages=pages)
    start, cpu_start = time.perf_counter(), time.process_time()
    pdf = build_handover_pdf(
        data,
        "zh_CN",
        outgoing="王帆",
        incoming="李静",
        generated_at=datetime(2025, 3, 14, 20, 5),
    )
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu_start
    out.write_bytes(pdf)
    try:
        from pypdf import PdfReader

        page_count: int | None = len(PdfReader(str(out)).pages)
    except ImportError:  # pypdf is a dev dependency; count page objects instead
        page_count = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    fonts = sorted({m.decode() for m in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", pdf)})
    common.emit_result(
        {
            "seconds": seconds,
            "cpu_s": cpu_s,
            "import_s": import_s,
            "bytes": len(pdf),
            "pages": page_count,
            "fonts": fonts,
        }
    )


if __name__ == "__main__":
    main()
