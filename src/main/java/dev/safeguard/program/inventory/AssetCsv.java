package dev.safeguard.program.inventory;

import dev.safeguard.program.Asset;
import dev.safeguard.program.AssetDraft;
import dev.safeguard.program.internal.CsvTable;
import java.util.List;
import java.util.Locale;

/**
 * The inventory's CSV layout: {@code id,name,kind,ephi,location,owner_id,encryption,central_logging,vendor,
 * description,status,managed_by_safeguard}, booleans as {@code yes}/{@code no}. Records marked
 * {@code managed_by_safeguard} are Safeguard's own parts: exported for the record, skipped on import (every
 * installation registers its own).
 */
public final class AssetCsv {

    public static final List<String> COLUMNS = List.of("id", "name", "kind", "ephi", "location", "owner_id",
            "encryption", "central_logging", "vendor", "description", "status", "managed_by_safeguard");
    static final List<String> REQUIRED = List.of("name", "kind", "location", "encryption");

    /** An imported record: its line, the id it names (or {@code null}) and the asset it describes. */
    public record Record(long line, String id, AssetDraft draft) {
    }

    private AssetCsv() {
    }

    public static String write(List<Asset> assets) {
        return CsvTable.write(COLUMNS, assets.stream().map(a -> List.of(a.id(), a.name(), a.kind(), yesNo(a.ephi()),
                a.location(), nullToEmpty(a.ownerId()), a.encryption(), yesNo(a.centralLogging()),
                nullToEmpty(a.vendor()), nullToEmpty(a.description()), a.status(), yesNo(a.systemManaged()))).toList());
    }

    /** The records to import (those of Safeguard's own parts left out), or a problem naming the first bad line. */
    public static List<Record> read(String csv) {
        return CsvTable.read(csv, COLUMNS, REQUIRED).stream()
                .filter(row -> !Boolean.TRUE.equals(bool(row, "managed_by_safeguard")))
                .map(row -> new Record(row.line(), row.get("id"), new AssetDraft(row.get("name"), row.get("kind"),
                        bool(row, "ephi"), row.get("location"), row.get("owner_id"), row.get("encryption"),
                        bool(row, "central_logging"), row.get("vendor"), row.get("description"), row.get("status"))))
                .toList();
    }

    /** A yes/no cell: yes, no, true, false, 1, 0 or empty ({@code null}). */
    public static Boolean bool(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y" -> true;
            case "no", "false", "0", "n" -> false;
            default -> throw CsvTable.invalid(row.line(), "the " + column + " must be yes or no");
        };
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
