package io.partnerpulse.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.partnerpulse.shared.Exports;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes lists and reports as CSV (UTF-8 with a byte order mark, so that spreadsheets read it as
 * UTF-8) or as an XLSX workbook with one sheet per table, numbers as numbers and times as dates,
 * written with POI's streaming workbook so that a long list does not sit in memory as cells.
 */
class TabularMessageConverter extends AbstractHttpMessageConverter<Object> {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(Exports.XLSX);

    TabularMessageConverter() {
        super(CSV, XLSX);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Tables.supports(clazz);
    }

    /** Offered only when the request asks for a file, so that a plain request never gets a spreadsheet instead of JSON. */
    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return Exports.requested() && supports(clazz) ? getSupportedMediaTypes() : List.of();
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return (mediaType == null || !mediaType.isWildcardType()) && Exports.requested() && super.canWrite(clazz, mediaType);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV and XLSX are written, not read, here", input);
    }

    @Override
    protected void writeInternal(Object body, HttpOutputMessage output) throws IOException {
        String name = fileName();
        List<Tables.Table> tables = Tables.of(body, name);
        MediaType type = output.getHeaders().getContentType();
        boolean xlsx = type != null && type.isCompatibleWith(XLSX);
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"");
        if (xlsx) {
            writeXlsx(tables, output);
        } else {
            writeCsv(tables.isEmpty() ? new Tables.Table(name, List.of(), List.of()) : Tables.oneFile(tables), output);
        }
    }

    /** The file is named after the path: /api/v1/opportunities → opportunities, /api/v1/kpis/channels → kpis-channels. */
    private static String fileName() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            String path = servlet.getRequest().getRequestURI().replaceFirst("^.*/api/v1/", "");
            String name = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            return name.isEmpty() ? "export" : name;
        }
        return "export";
    }

    private static void writeCsv(Tables.Table table, HttpOutputMessage output) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(table.columns().stream().map(Tables.Column::name).toList());
        Object[] cells = new Object[table.columns().size()];
        for (Object row : table.rows()) {
            for (int c = 0; c < cells.length; c++) {
                cells[c] = Tables.text(table.columns().get(c).value().apply(row));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static void writeXlsx(List<Tables.Table> tables, HttpOutputMessage output) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            for (Tables.Table table : tables) {
                SXSSFSheet sheet = workbook.createSheet(safeSheetName(table.name()));
                sheet.trackAllColumnsForAutoSizing();
                Row head = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(table.columns().get(c).name());
                    cell.setCellStyle(header);
                }
                int r = 1;
                for (Object row : table.rows()) {
                    Row line = sheet.createRow(r++);
                    for (int c = 0; c < table.columns().size(); c++) {
                        write(line.createCell(c), table.columns().get(c).value().apply(row), date, dateTime);
                    }
                }
                sheet.createFreezePane(0, 1);
                if (!table.columns().isEmpty()) {
                    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.columns().size() - 1));
                    for (int c = 0; c < Math.min(table.columns().size(), 60); c++) {
                        sheet.autoSizeColumn(c);
                    }
                }
            }
            if (tables.isEmpty()) {
                workbook.createSheet("export");
            }
            workbook.write(output.getBody());
        }
    }

    private static void write(Cell cell, Object value, CellStyle date, CellStyle dateTime) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof Instant instant) {
            cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else {
            String text = String.valueOf(value);
            cell.setCellValue(text.length() > 32_767 ? text.substring(0, 32_767) : text);
        }
    }

    private static String safeSheetName(String name) {
        String safe = name.replaceAll("[\\\\/?*\\[\\]:]", "-");
        return safe.isEmpty() ? "export" : safe.length() > 31 ? safe.substring(0, 31) : safe;
    }
}
