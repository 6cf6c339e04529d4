package org.mineralsetl.spreadsheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Builds World Mining Data's by-country layout (table 6.6) from its by-mineral workbook (table 6.4): one sheet per
 * country (the rows "Russia, Asia" and "Russia, Europe" become two sheets, the Total rows a sheet "Total"), one row
 * per mineral in the by-mineral sheet order, the country's name in the header's first cell, units in brackets.
 * Header: {@code <country> | unit | 2011 ... 2015 | Sources of data}. Every cell is copied as it is (a number stays
 * a number, a text a text); nothing is added but the title row and the brackets of the units.
 */
public final class WorldMiningDataByCountryWorkbook {

    public static final String FILE_NAME = "6.6.Production_of_Mineral_Raw_Materials_of_individual_Countries_by_Countries.xlsx";
    static final String TITLE = "6.6. Production of Mineral Raw Materials of individual Countries, by Countries;"
            + " column A mineral, column B physical unit, column C to G years, column H Sources of Data";
    static final Map<String, String> UNITS = Map.of("metr. t", "(t)", "kg", "(kg)", "ct", "(ct)", "Mio m³", "(Mio m³)");

    /** One cell of the by-mineral workbook as read: a number, a text, or null (empty). */
    private record MineralRow(String mineral, String unit, List<Object> values) {
    }

    private WorldMiningDataByCountryWorkbook() {
    }

    /** Writes {@link #FILE_NAME} into {@code directory}; {@code edit} may change a country's rows before they are written. */
    public static Path pivot(Path byMineral, Path directory, UnaryOperator<Map<String, List<Object[]>>> edit) throws IOException {
        List<String> header;
        Map<String, List<Object[]>> byCountry = new TreeMap<>();
        try (InputStream in = Files.newInputStream(byMineral); Workbook source = new XSSFWorkbook(in)) {
            header = headerOf(source.getSheetAt(0));
            for (Sheet sheet : source) {
                if (!headerOf(sheet).equals(header)) {
                    throw new IllegalStateException("sheet '" + sheet.getSheetName() + "' has another header: " + headerOf(sheet));
                }
                for (Row row : sheet) {
                    if (row.getRowNum() < 2 || text(row.getCell(0)) == null) {
                        continue;
                    }
                    String country = text(row.getCell(0)).strip();
                    String unit = UNITS.get(text(row.getCell(1)));
                    if (unit == null) {
                        throw new IllegalStateException(sheet.getSheetName() + " row " + (row.getRowNum() + 1)
                                + ": unit '" + text(row.getCell(1)) + "' has no bracketed form");
                    }
                    Object[] out = new Object[header.size()];
                    out[0] = sheet.getSheetName();
                    out[1] = unit;
                    for (int c = 2; c < header.size(); c++) {
                        out[c] = value(row.getCell(c));
                    }
                    byCountry.computeIfAbsent(country, k -> new ArrayList<>()).add(out);
                }
            }
        }
        byCountry = edit.apply(byCountry);
        Path file = directory.resolve(FILE_NAME);
        try (SXSSFWorkbook target = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<Object[]>> country : byCountry.entrySet()) {
                Sheet sheet = target.createSheet(country.getKey());
                sheet.createRow(0).createCell(0).setCellValue(TITLE);
                Row head = sheet.createRow(1);
                head.createCell(0).setCellValue(country.getKey());
                for (int c = 1; c < header.size(); c++) {
                    head.createCell(c).setCellValue(header.get(c));
                }
                int r = 2;
                for (Object[] cells : country.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.length; c++) {
                        if (cells[c] instanceof Double d) {
                            row.createCell(c).setCellValue(d);
                        } else if (cells[c] instanceof String s) {
                            row.createCell(c).setCellValue(s);
                        }
                    }
                }
            }
            target.write(out);
            target.dispose();
        }
        return file;
    }

    /** Row 2 of a by-mineral sheet: Country | unit | 2011 ... 2015 | Sources of data. */
    private static List<String> headerOf(Sheet sheet) {
        List<String> header = new ArrayList<>();
        Row row = sheet.getRow(1);
        for (int c = 0; c < row.getLastCellNum(); c++) {
            header.add(text(row.getCell(c)));
        }
        return header;
    }

    private static String text(Cell cell) {
        Object v = value(cell);
        return v == null ? null : String.valueOf(v);
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
    }
}
