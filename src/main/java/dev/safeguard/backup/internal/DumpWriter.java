package dev.safeguard.backup.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the logical dump of a database: tables and rows in a database-independent format, so a PostgreSQL backup
 * restores into SQLite and the other way round.
 *
 * <p>IMPORTANT: the format is read back by {@link DumpReader} from backups made years ago; never change it, add a new
 * version instead. Version 1, all integers big-endian:
 * <pre>
 *   dump   := "SGDUMP1\n" table* 'Z' totalRows:u64
 *   table  := 'T' name:utf columns:u16 (column:utf)* row* 'E' rows:u64
 *   row    := 'R' value{columns}
 *   value  := 0x00                      -- SQL NULL
 *           | 0x01 i64                  -- integer (also booleans as 0/1)
 *           | 0x02 f64                  -- floating point (IEEE 754 bits)
 *           | 0x03 length:u32 utf8      -- text
 *           | 0x04 length:u32 bytes     -- binary
 *           | 0x05 length:u32 utf8      -- exact decimal, as plain digits
 *   utf    := Java modified UTF-8 (DataOutput.writeUTF), names only
 * </pre>
 */
final class DumpWriter implements AutoCloseable {

    static final byte[] MAGIC = "SGDUMP1\n".getBytes(StandardCharsets.US_ASCII);
    static final int NULL = 0;
    static final int INTEGER = 1;
    static final int REAL = 2;
    static final int TEXT = 3;
    static final int BINARY = 4;
    static final int DECIMAL = 5;

    private final DataOutputStream out;
    private String table;
    private int columns;
    private long rows;
    private long total;

    DumpWriter(OutputStream stream) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.write(MAGIC);
    }

    void beginTable(String name, List<String> columnNames) throws IOException {
        if (table != null) {
            throw new IllegalStateException("Table " + table + " is not ended");
        }
        out.writeByte('T');
        out.writeUTF(name);
        out.writeShort(columnNames.size());
        for (String column : columnNames) {
            out.writeUTF(column);
        }
        table = name;
        columns = columnNames.size();
        rows = 0;
    }

    /** One row; {@code names} gives the column names for the message of an unsupported value. */
    void row(Object[] values, List<String> names) throws IOException {
        if (values.length != columns) {
            throw new IllegalStateException("Row of " + values.length + " values for " + columns + " columns");
        }
        out.writeByte('R');
        for (int i = 0; i < values.length; i++) {
            value(values[i], names.get(i));
        }
        rows++;
    }

    /** Ends the table; returns its row count. */
    long endTable() throws IOException {
        out.writeByte('E');
        out.writeLong(rows);
        total += rows;
        table = null;
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.writeByte('Z');
        out.writeLong(total);
        out.close();
    }

    private void value(Object v, String column) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.writeByte(INTEGER);
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            out.writeByte(INTEGER);
            out.writeLong(b ? 1 : 0);
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte(REAL);
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof String s) {
            bytes(TEXT, s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
            bytes(BINARY, b);
        } else if (v instanceof BigDecimal d) {
            bytes(DECIMAL, d.toPlainString().getBytes(StandardCharsets.US_ASCII));
        } else {
            throw new IllegalStateException("Column " + table + "." + column + " holds a " + v.getClass()
                    .getSimpleName() + ", which backups do not support (integers, reals, decimals, text, binary)");
        }
    }

    private void bytes(int tag, byte[] b) throws IOException {
        out.writeByte(tag);
        out.writeInt(b.length);
        out.write(b);
    }
}
