"""Names, addresses and texts in any script come out in the PDFs we draw: a Unicode font is
embedded, Arabic is shaped and laid out right to left, and a long right-to-left paragraph keeps
its lines in reading order."""

import io
import unicodedata

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from config import pdf_text

NAME = "أحمد بناني"
# A paragraph long enough to wrap over several lines of an A4 page.
STORY = (
    "قدم السيد أحمد بناني طلبا لبناء منزل من طابقين في حي المعاريف بالدار البيضاء "
    "مع مرآب تحت الأرض وحديقة صغيرة أمام المنزل وسطح مفتوح يطل على الشارع الرئيسي للحي "
    "ويشمل المشروع كذلك محلا تجاريا في الطابق الأرضي مع واجهة زجاجية ومدخل مستقل"
)


def _drawn(*flowables) -> tuple[str, PdfReader]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(list(flowables))
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Arabic is drawn in its contextual forms (presentation forms); NFKC reads them as letters.
    return unicodedata.normalize("NFKC", text), reader


def _fonts(reader: PdfReader) -> set[str]:
    return {str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}


def test_latin_text_is_left_as_it_is():
    assert (
        pdf_text.visual("Dossier PC-2026-000001, 12 rue des Orangers") == "Dossier PC-2026-000001, 12 rue des Orangers"
    )
    assert not pdf_text.is_rtl("Łukasz Żółć — ⵜⴰⵎⴰⵣⵉⵖⵜ")


def test_arabic_is_shaped_and_put_in_drawing_order():
    drawn = pdf_text.visual(NAME)
    assert drawn != NAME and all("\ufe70" <= c <= "\ufeff" or c == " " for c in drawn)  # joined forms
    assert unicodedata.normalize("NFKC", drawn) == NAME[::-1]  # drawn from the left: last letter first


def test_names_in_arabic_tifinagh_and_polish_come_out_in_the_embedded_font():
    styles = pdf_text.stylesheet()
    text, reader = _drawn(
        pdf_text.paragraph(f"Demandeur : {NAME}", styles["BodyText"]),
        pdf_text.paragraph("Architecte : Łukasz Żółć", styles["Heading2"]),
        pdf_text.paragraph("Quartier : ⵜⴰⵎⴰⵣⵉⵖⵜ", styles["Italic"]),
    )
    assert NAME in text and "Łukasz Żółć" in text and "ⵜⴰⵎⴰⵣⵉⵖⵜ" in text
    # Embedded as subsets of DejaVu Sans (the canvas's initial Helvetica carries no text).
    assert {font.split("+")[-1] for font in _fonts(reader) if "+" in font} == {"DejaVuSans", "DejaVuSans-Bold"}


def test_a_long_right_to_left_paragraph_keeps_its_lines_in_reading_order():
    text, _reader = _drawn(pdf_text.paragraph(STORY, pdf_text.stylesheet()["BodyText"]))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) >= 2
    # Reordering the whole paragraph at once would put its end on the first line.
    assert lines[0].startswith("قدم السيد أحمد بناني") and lines[-1].endswith("ومدخل مستقل")
    assert " ".join(lines).split() == STORY.split()


def test_markup_in_user_text_is_printed_not_read():
    styles = pdf_text.stylesheet()
    text, _reader = _drawn(
        pdf_text.paragraph('<img src="/etc/passwd"/> <b>x</b>', styles["BodyText"]),
        pdf_text.paragraph(f'{NAME} <img src="/etc/passwd"/>', styles["BodyText"]),
    )
    assert '<img src="/etc/passwd"/> <b>x</b>' in text and text.count("/etc/passwd") == 2


@pytest.fixture
def without_the_font(settings, tmp_path):
    settings.URBADESK = {**settings.URBADESK, "PDF_FONT_DIR": str(tmp_path)}
    pdf_text._embedded.cache_clear()
    yield
    pdf_text._embedded.cache_clear()


def test_without_the_font_documents_still_come_out_and_the_start_up_check_says_why(without_the_font):
    assert pdf_text.missing_font_files() == [
        "DejaVuSans.ttf",
        *(f"DejaVuSans-{f}.ttf" for f in ("Bold", "Oblique", "BoldOblique")),
    ]
    assert pdf_text.font(bold=True) == "Helvetica-Bold"
    text, _reader = _drawn(pdf_text.paragraph("Dossier PC-2026-000001", pdf_text.stylesheet()["Title"]))
    assert "PC-2026-000001" in text
    [warning] = pdf_text.pdf_font_present(None)
    assert warning.id == "urbadesk.W001" and "fonts-dejavu-core" in warning.hint
    call_command("check")  # a warning, not an error: the server starts
