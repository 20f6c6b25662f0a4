package dev.safeguard.program.internal;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV (Apache Commons CSV) for the register's and inventory's imports and exports: a header line, then one
 * record per row; fields with commas, quotes or line breaks are quoted. Reading is strict: unknown or missing
 * columns, a wrong number of fields or a broken quote are refused with the line they are on, before anything is
 * imported.
 *
 * <p>Cells that a spreadsheet would run as a formula ({@code = + @}, tab, carriage return first) are written with a
 * leading apostrophe and read back without it, so an export opened in a spreadsheet runs nothing and still
 * round-trips.
 */
public final class CsvTable {

    /** At most this many records per import. */
    public static final int MAX_ROWS = 5_000;

    /** One record: the line it starts on (the header is line 1) and its cells by column name. */
    public record Row(long line, Map<String, String> cells) {
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private CsvTable() {
    }

    public static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvTable::defused).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads every record, or refuses the whole text naming the first bad line.
     *
     * @param columns the columns the header must hold (in any order; nothing else)
     * @param required the columns that must be present in the header
     */
    public static List<Row> read(String text, List<String> columns, List<String> required) {
        if (text == null || text.isBlank()) {
            throw invalid(1, "the file is empty; the first line must name the columns " + String.join(",", columns));
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            for (String name : header) {
                if (!columns.contains(name)) {
                    throw invalid(1, "unknown column '" + shortened(name) + "'; the columns are "
                            + String.join(",", columns));
                }
            }
            for (String name : required) {
                if (!header.contains(name)) {
                    throw invalid(1, "the column '" + name + "' is missing");
                }
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw invalid(line, "the record is not valid CSV (RFC 4180): check its quotes");
                }
                if (record.size() != header.size()) {
                    throw invalid(line, "expected " + header.size() + " fields but found " + record.size());
                }
                if (rows.size() == MAX_ROWS) {
                    throw invalid(line, "an import holds at most " + MAX_ROWS + " records");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), restored(record.get(i).strip()));
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(1, "the header line is not valid CSV (RFC 4180) or names a column twice");
        }
        return rows;
    }

    /** A validation problem that names the line, for the caller to fix and import again. */
    public static ProblemException invalid(long line, String message) {
        return new ProblemException(ProblemKind.VALIDATION, "Line " + line + ": " + message + ". Nothing was imported",
                null, Map.of("line", line));
    }

    private static String defused(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String restored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
