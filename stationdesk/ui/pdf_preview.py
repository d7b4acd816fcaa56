"""Show a PDF inside the app (QtPdf) and print it page by page (QtPrintSupport).

Imported on first use only: QtPdf loads the PDFium engine, which the start-up of
the app does not need. The PDF comes as bytes (a generated report or an archived
one), never as a file, so what is shown and printed is exactly those bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRect,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QVBoxLayout, QWidget

POINTS_PER_INCH = 72.0
# Pages go to the printer as images, and Qt's print engine compresses every pixel:
# measured on 13 A4 pages, 34 s at 600 dpi, 9 s at 300 dpi (an A4 page at the
# 1200 dpi a QPrinter asks for would be a 560 MB image). 300 dpi prints 8-point
# text cleanly; printers with a higher resolution scale the image up.
MAX_PRINT_DPI = 300
# Pages are rendered in horizontal bands so that one page never needs one huge image.
BAND_PX = 1024


class PdfError(RuntimeError):
    """The bytes could not be opened as a PDF, or the printer could not be started."""


def open_pdf(pdf: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A loaded QPdfDocument over ``pdf``; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.setParent(parent)
    document.load(buffer)
    # A QBuffer is random-access, so PDFium reads it at once (no Loading state).
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        error = document.error()
        document.close()
        buffer.close()
        raise PdfError(f"cannot open the PDF: {error.name}")
    return document, buffer


class PdfPreview(QWidget):
    """All pages of one PDF in a scrolling view, zoomed to the width of the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #8a9199; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, pdf: bytes) -> int:
        """Show ``pdf`` (replacing what was shown); returns its page count."""
        document, buffer = open_pdf(pdf, self)
        old_document, old_buffer = self.document, self._buffer
        self.view.setDocument(document)
        self.document, self._buffer = document, buffer
        self.view.verticalScrollBar().setValue(0)
        if old_document is not None:
            old_document.close()
            old_document.deleteLater()
        if old_buffer is not None:
            old_buffer.close()
            old_buffer.deleteLater()
        return document.pageCount()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0


def match_printer_to(pdf: bytes, printer: QPrinter) -> None:
    """Set the printer's paper to the PDF's first page (A4 for a handover)."""
    document, buffer = open_pdf(pdf)
    try:
        size = document.pagePointSize(0)
    finally:
        document.close()
        buffer.close()
    page_size = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    orientation = (
        QPageLayout.Orientation.Landscape
        if size.width() > size.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)


def ask_printer(parent: QWidget, pdf: bytes, title: str) -> QPrinter | None:
    """The printer the officer picks in the print dialog (paper set to the PDF's), or None."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    match_printer_to(pdf, printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


Progress = Callable[[int, int], None]  # pages done, pages in all


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages printed.

    Each page is rendered at the printer's resolution (up to MAX_PRINT_DPI) and
    placed on the whole sheet at the PDF's own scale when the paper matches, else
    scaled down to fit, centred. Raises PdfError if the PDF or the printer fails.
    Takes seconds: the app calls it on a worker thread (Qt supports painting on a
    QPrinter outside the UI thread), so it touches no widget.
    """
    document, buffer = open_pdf(pdf)
    count = document.pageCount()
    try:
        printer.setFullPage(True)  # the PDF carries its own margins
        painter = QPainter()
        if not painter.begin(printer):
            raise PdfError("the printer could not be started")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for page in range(count):
                if progress is not None:
                    progress(page, count)
                if page and not printer.newPage():
                    raise PdfError(f"the printer refused page {page + 1}")
                _paint_page(document, page, painter, printer)
        finally:
            painter.end()
        if progress is not None:
            progress(count, count)
        return count
    finally:
        document.close()
        buffer.close()


def _paint_page(document: QPdfDocument, page: int, painter: QPainter, printer: QPrinter) -> None:
    size_pt: QSizeF = document.pagePointSize(page)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    # Device pixels per PDF point: 1:1 in physical size, unless the paper is smaller.
    physical = printer.resolution() / POINTS_PER_INCH
    scale = min(physical, paper.width() / size_pt.width(), paper.height() / size_pt.height())
    target = QRectF(0, 0, size_pt.width() * scale, size_pt.height() * scale)
    target.moveCenter(QRectF(0, 0, paper.width(), paper.height()).center())
    # The image: device pixels, or fewer above MAX_PRINT_DPI (then the painter scales).
    pixels = min(scale, MAX_PRINT_DPI / POINTS_PER_INCH)
    width = max(1, round(size_pt.width() * pixels))
    height = max(1, round(size_pt.height() * pixels))
    ratio = target.height() / height
    for top in range(0, height, BAND_PX):
        band = min(BAND_PX, height - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, top, width, band))
        image = document.render(page, QSize(width, band), options)
        painter.drawImage(
            QRectF(target.x(), target.y() + top * ratio, target.width(), band * ratio),
            _on_white(image),
        )


def _on_white(image: QImage) -> QImage:
    """PDFium leaves the paper transparent: print white paper, not an alpha mask."""
    if not image.hasAlphaChannel():
        return image
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(0xFFFFFFFF)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper
