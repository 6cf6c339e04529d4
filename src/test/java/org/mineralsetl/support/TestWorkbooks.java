package org.mineralsetl.support;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks the tests build (the user model is fine for writing a fixture; the readers never use it):
 * sheets in the World Mining Data layout, and the broken files a loader must refuse.
 */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** A sheet's rows; a cell is a String, a Number, or null (empty). */
    public record SheetSpec(String name, boolean hidden, Object[][] rows) {
        public static SheetSpec of(String name, Object[]... rows) {
            return new SheetSpec(name, false, rows);
        }

        public SheetSpec hide() {
            return new SheetSpec(name, true, rows);
        }
    }

    /** A WMD-like sheet: title row, header row, then Country, unit, 2011..2015 values, source. */
    public static SheetSpec wmdSheet(String name, Object[]... dataRows) {
        Object[][] rows = new Object[dataRows.length + 2][];
        rows[0] = new Object[] {"6.4. Production of Mineral Raw Materials of individual Countries, by Minerals"};
        rows[1] = new Object[] {"Country", "unit", "2011", "2012", "2013", "2014", "2015", "Sources of data"};
        System.arraycopy(dataRows, 0, rows, 2, dataRows.length);
        return new SheetSpec(name, false, rows);
    }

    public static Path xlsx(Path file, SheetSpec... sheets) throws IOException {
        return write(new XSSFWorkbook(), file, sheets);
    }

    public static Path xls(Path file, SheetSpec... sheets) throws IOException {
        return write(new HSSFWorkbook(), file, sheets);
    }

    private static Path write(Workbook wb, Path file, SheetSpec... sheets) throws IOException {
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat((short) 14);
            for (SheetSpec spec : sheets) {
                Sheet sheet = wb.createSheet(spec.name());
                for (int r = 0; r < spec.rows().length; r++) {
                    Object[] cells = spec.rows()[r];
                    if (cells == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < cells.length; c++) {
                        Object v = cells[c];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof java.time.LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v.toString().startsWith("=")) {
                            cell.setCellFormula(v.toString().substring(1));
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
                if (spec.hidden()) {
                    wb.setSheetHidden(wb.getSheetIndex(sheet), true);
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }

    /** The first half of a file's bytes, as a download cut short leaves it. */
    public static Path truncated(Path source, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return file;
    }

    /** A valid workbook whose first sheet part is padded with megabytes of spaces: it inflates far past POI's ratio guard. */
    public static Path zipBomb(Path valid, Path file) throws IOException {
        try (ZipFile zip = new ZipFile(valid.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] content = in.readAllBytes();
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                        int at = xml.indexOf("<sheetData");
                        xml = xml.substring(0, at) + " ".repeat(20_000_000) + xml.substring(at);
                        content = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    /** A workbook encrypted with a password (as Excel's "Encrypt with password" does). */
    public static Path encrypted(Path plain, Path file, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }
}
