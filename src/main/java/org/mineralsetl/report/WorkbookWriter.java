package org.mineralsetl.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes indicators.xlsx: one sheet per {@link ReportSheet}, typed cells with the number format of their
 * {@link ColumnKind}, a bold frozen header row with an auto-filter, and column widths fitted to the content.
 */
class WorkbookWriter {

    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 66;

    void write(Path file, List<ReportSheet> sheets) throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            for (ReportSheet s : sheets) {
                writeSheet(wb.createSheet(s.name()), s.table(), styles);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeSheet(Sheet sheet, ResultTable table, Styles styles) {
        List<ResultTable.Column> columns = table.columns();
        int[] width = new int[columns.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).name());
            cell.setCellStyle(styles.header);
            width[c] = columns.get(c).name().length() + 3; // room for the filter button
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = table.rows().get(r);
            for (int c = 0; c < columns.size(); c++) {
                Object v = values.get(c);
                if (v != null) {
                    ColumnKind kind = columns.get(c).kind();
                    int shown = setValue(row.createCell(c), v, kind, styles);
                    width[c] = Math.max(width[c], shown);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, table.rows().size()), 0, columns.size() - 1));
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width[c] + 1)) * 256);
        }
    }

    /** Sets the cell and returns about how many characters it shows. */
    private static int setValue(Cell cell, Object v, ColumnKind kind, Styles styles) {
        if (v instanceof Boolean b) {
            cell.setCellValue(b);
            return 5;
        }
        if (v instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(styles.of(kind == ColumnKind.TEXT ? ColumnKind.TIMESTAMP : kind));
            return 16;
        }
        if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.of(ColumnKind.DATE));
            return 10;
        }
        if (v instanceof BigDecimal n && kind != ColumnKind.TEXT) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(styles.of(kind));
            String digits = n.setScale(0, java.math.RoundingMode.HALF_UP).abs().toPlainString();
            return digits.length() + (digits.length() - 1) / 3 + 4;
        }
        String text = CellText.neutralise(v.toString());
        cell.setCellValue(text);
        return text.length();
    }

    /** One cell style per column kind, created once per workbook (Excel caps the number of styles). */
    private static final class Styles {
        final CellStyle header;
        private final Map<ColumnKind, CellStyle> byKind = new EnumMap<>(ColumnKind.class);

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            for (ColumnKind k : ColumnKind.values()) {
                if (k.format != null) {
                    CellStyle s = wb.createCellStyle();
                    s.setDataFormat(wb.createDataFormat().getFormat(k.format));
                    byKind.put(k, s);
                }
            }
        }

        CellStyle of(ColumnKind kind) {
            return byKind.get(kind);
        }
    }
}
