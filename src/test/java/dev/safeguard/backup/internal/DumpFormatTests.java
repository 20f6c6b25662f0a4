package dev.safeguard.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The logical dump format: every value type a database gives back survives the round trip exactly (seeded random
 * rows), and a damaged dump (wrong magic, a cut, a changed count or tag) is refused, never read as fewer rows.
 */
class DumpFormatTests {

    private static final List<String> COLUMNS = List.of("id", "n", "x", "t", "b", "d", "flag");

    @Test
    void everyValueTypeRoundTripsExactly() throws IOException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            rows.add(new Object[] {(long) i, random.nextBoolean() ? null : random.nextLong(), random.nextDouble(),
                    random.nextBoolean() ? "text é ✓ \u0000 " + random.nextInt() : "", bytes,
                    new BigDecimal(random.nextInt() + "." + random.nextInt(1000)), random.nextBoolean()});
        }
        byte[] dump = write(rows, rows.size());
        DumpReader reader = new DumpReader(new ByteArrayInputStream(dump));
        DumpReader.Table table = reader.nextTable();
        assertThat(table.name()).isEqualTo("t1");
        assertThat(table.columns()).isEqualTo(COLUMNS);
        Object[] values = new Object[COLUMNS.size()];
        for (Object[] expected : rows) {
            assertThat(reader.nextRow(values)).as("seed " + seed).isTrue();
            for (int c = 0; c < values.length; c++) {
                Object e = expected[c] instanceof Boolean flag ? (Long) (flag ? 1L : 0L) : expected[c];
                if (e instanceof byte[] b) {
                    assertThat((byte[]) values[c]).as("seed " + seed).isEqualTo(b);
                } else {
                    assertThat(values[c]).as("seed " + seed + " column " + COLUMNS.get(c)).isEqualTo(e);
                }
            }
        }
        assertThat(reader.nextRow(values)).isFalse();
        assertThat(reader.nextTable()).isNull();
        assertThat(reader.finished()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 40, 200})
    void aCutDumpIsRefused_fails(int cut) throws IOException {
        byte[] dump = write(List.<Object[]>of(new Object[] {1L, 2L, 3.0, "x", new byte[10], BigDecimal.ONE, true},
                new Object[] {2L, null, 0.5, "y", new byte[0], BigDecimal.TEN, false}), 2);
        byte[] cutDump = Arrays.copyOf(dump, dump.length - Math.min(cut, dump.length - 1));
        assertThatThrownBy(() -> readAll(cutDump)).isInstanceOf(IOException.class);
    }

    @Test
    void aWrongMagicAnUnknownTagOrAMismatchedCountIsRefused_fails() throws IOException {
        assertThatThrownBy(() -> readAll("NOTADUMP".getBytes())).hasMessageContaining("not a Safeguard dump");
        byte[] dump = write(List.<Object[]>of(new Object[] {1L, 2L, 3.0, "x", new byte[1], BigDecimal.ONE, true}), 1);
        byte[] badTag = dump.clone();
        int firstValue = indexOfRow(badTag) + 1;
        badTag[firstValue] = 9;
        assertThatThrownBy(() -> readAll(badTag)).hasMessageContaining("unknown value tag 9");
        byte[] badCount = dump.clone();
        badCount[badCount.length - 1] = 7;
        assertThatThrownBy(() -> readAll(badCount)).hasMessageContaining("declares 7 rows but holds 1");
    }

    @Test
    void anUnsupportedValueIsNamedWithItsColumn_fails() throws IOException {
        DumpWriter writer = new DumpWriter(new ByteArrayOutputStream());
        writer.beginTable("t1", List.of("when"));
        assertThatThrownBy(() -> writer.row(new Object[] {new java.util.Date()}, List.of("when")))
                .hasMessageContaining("t1.when holds a Date");
    }

    private static byte[] write(List<Object[]> rows, long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DumpWriter writer = new DumpWriter(out)) {
            writer.beginTable("t1", COLUMNS);
            for (Object[] row : rows) {
                writer.row(row, COLUMNS);
            }
            assertThat(writer.endTable()).isEqualTo(count);
        }
        return out.toByteArray();
    }

    private static long readAll(byte[] dump) throws IOException {
        DumpReader reader = new DumpReader(new ByteArrayInputStream(dump));
        long rows = 0;
        for (DumpReader.Table t = reader.nextTable(); t != null; t = reader.nextTable()) {
            Object[] values = new Object[t.columns().size()];
            while (reader.nextRow(values)) {
                rows++;
            }
        }
        return rows;
    }

    private static int indexOfRow(byte[] dump) {
        for (int i = DumpWriter.MAGIC.length; i < dump.length; i++) {
            if (dump[i] == 'R') {
                return i;
            }
        }
        throw new AssertionError("no row");
    }
}
