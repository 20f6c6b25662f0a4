package dev.safeguard.program.vendors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_vendor_clients} table: which vendor a service client belongs to (at most one). */
@Repository
public class VendorClientStore {

    private final JdbcClient jdbc;

    VendorClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void link(String clientId, String vendorId, long at, String by) {
        jdbc.sql("INSERT INTO program_vendor_clients (client_id, vendor_id, linked_at, linked_by) VALUES (?, ?, ?, ?)")
                .params(clientId, vendorId, at, by).update();
    }

    /** Removes the link; false when the client did not belong to that vendor. */
    public boolean unlink(String clientId, String vendorId) {
        return jdbc.sql("DELETE FROM program_vendor_clients WHERE client_id = ? AND vendor_id = ?")
                .params(clientId, vendorId).update() == 1;
    }

    public Optional<String> vendorOf(String clientId) {
        return jdbc.sql("SELECT vendor_id FROM program_vendor_clients WHERE client_id = ?").param(clientId)
                .query(String.class).optional();
    }

    public List<String> clientsOf(String vendorId) {
        return jdbc.sql("SELECT client_id FROM program_vendor_clients WHERE vendor_id = ? ORDER BY linked_at, "
                + "client_id").param(vendorId).query(String.class).list();
    }

    /** Every link: client id → vendor id. */
    public Map<String, String> all() {
        return jdbc.sql("SELECT client_id, vendor_id FROM program_vendor_clients")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
