package io.partnerpulse.web;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The typeface of the PDFs: DejaVu Sans (shipped in {@code fonts/}, its licence beside it), embedded
 * as a subset of the glyphs a document uses. PDF's own Helvetica writes only the Windows-1252
 * characters and silently drops the rest, so a partner named "Łódź Dağıtım" came out as "ód Daıtım"
 * and a rupee sign not at all; DejaVu has Latin, Greek, Cyrillic, Hebrew and Arabic letters. Text
 * goes through PDF tables with the bidirectional algorithm on, so that a name in a right-to-left
 * script stands in its order and Arabic letters join.
 */
final class PdfFonts {

    static final BaseFont REGULAR = load("fonts/DejaVuSans.ttf");
    static final BaseFont BOLD = load("fonts/DejaVuSans-Bold.ttf");

    private PdfFonts() {
    }

    static Font regular(float size, Color color) {
        return new Font(REGULAR, size, Font.NORMAL, color);
    }

    static Font bold(float size, Color color) {
        return new Font(BOLD, size, Font.NORMAL, color);
    }

    /** A table of the given relative column widths across the page, its cells laid out left to right with bidi on. */
    static PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        return table;
    }

    /** A paragraph as a line of the page: a borderless one-cell table, so that it goes through the same bidi layout. */
    static PdfPTable line(Element paragraph) {
        PdfPTable table = table(1f);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(2);
        cell.addElement(paragraph);
        table.addCell(cell);
        return table;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + resource + " is missing from the application");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
