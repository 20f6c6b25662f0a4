package dev.safeguard.backup.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what {@link DumpWriter} wrote, refusing anything malformed (wrong magic, unknown tags, implausible lengths, a
 * table's or the dump's row count that does not match the rows read) with a {@link DumpFormatException}.
 */
final class DumpReader {

    /** Largest value accepted: a Binary resource (20 MiB) encrypted, with room to spare. */
    static final int MAX_VALUE = 256 * 1024 * 1024;

    /** A table's header. */
    record Table(String name, List<String> columns) {
    }

    static final class DumpFormatException extends IOException {
        DumpFormatException(String message) {
            super(message);
        }
    }

    private final DataInputStream in;
    private Table table;
    private long rows;
    private long total;
    private boolean finished;

    DumpReader(InputStream stream) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        byte[] magic = new byte[DumpWriter.MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, DumpWriter.MAGIC)) {
            throw new DumpFormatException("not a Safeguard dump (version 1)");
        }
    }

    /** The next table, or {@code null} after the last one (the dump's total row count is then checked). */
    Table nextTable() throws IOException {
        if (table != null) {
            throw new IllegalStateException("Read every row of " + table.name() + " first");
        }
        int tag = in.readUnsignedByte();
        if (tag == 'Z') {
            long declared = in.readLong();
            if (declared != total) {
                throw new DumpFormatException("the dump declares " + declared + " rows but holds " + total);
            }
            if (in.read() != -1) {
                throw new DumpFormatException("data after the end of the dump");
            }
            finished = true;
            return null;
        }
        if (tag != 'T') {
            throw new DumpFormatException("expected a table, found tag " + tag);
        }
        String name = in.readUTF();
        int count = in.readUnsignedShort();
        List<String> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(in.readUTF());
        }
        table = new Table(name, List.copyOf(columns));
        rows = 0;
        return table;
    }

    /**
     * Reads the next row of the current table into {@code values}; false at the table's end (its declared row count
     * is then checked).
     */
    boolean nextRow(Object[] values) throws IOException {
        int tag = in.readUnsignedByte();
        if (tag == 'E') {
            long declared = in.readLong();
            if (declared != rows) {
                throw new DumpFormatException("table " + table.name() + " declares " + declared + " rows but holds "
                        + rows);
            }
            total += rows;
            table = null;
            return false;
        }
        if (tag != 'R') {
            throw new DumpFormatException("expected a row of " + table.name() + ", found tag " + tag);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = value();
        }
        rows++;
        return true;
    }

    /** Rows of the table just ended. */
    long rowsOfLastTable() {
        return rows;
    }

    boolean finished() {
        return finished;
    }

    private Object value() throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case DumpWriter.NULL -> null;
            case DumpWriter.INTEGER -> in.readLong();
            case DumpWriter.REAL -> in.readDouble();
            case DumpWriter.TEXT -> new String(bytes(), StandardCharsets.UTF_8);
            case DumpWriter.BINARY -> bytes();
            case DumpWriter.DECIMAL -> new BigDecimal(new String(bytes(), StandardCharsets.US_ASCII));
            default -> throw new DumpFormatException("unknown value tag " + tag + " in table " + table.name());
        };
    }

    private byte[] bytes() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_VALUE) {
            throw new DumpFormatException("implausible value length " + length + " in table " + table.name());
        }
        byte[] b = new byte[length];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new DumpFormatException("the dump ends inside a value of table " + table.name());
        }
        return b;
    }
}
