package dev.safeguard.records.internal;

import ca.uhn.fhir.context.FhirContext;
import dev.safeguard.audit.Alerts;
import dev.safeguard.crypto.RestoredKeys;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link ResourceVault} over a restored copy of the database and its key hierarchy, for restore drills: the
 * same reading and verification code the server runs, against the copy.
 */
@Component
public class RestoredVaults {

    private final FhirContext fhir;
    private final RestoredKeys keys;
    private final Alerts alerts;
    private final Clock clock;

    RestoredVaults(FhirContext fhir, RestoredKeys keys, Alerts alerts, Clock clock) {
        this.fhir = fhir;
        this.keys = keys;
        this.alerts = alerts;
        this.clock = clock;
    }

    public ResourceVault over(DataSource database) {
        RestoredKeys.Hierarchy hierarchy = keys.open(database);
        JdbcClient jdbc = JdbcClient.create(database);
        return new ResourceVault(fhir, new RecordStore(jdbc), hierarchy.compartments(), hierarchy.index(),
                hierarchy.mac(), alerts, clock, new SearchIndex(fhir, hierarchy.index(), jdbc,
                new JdbcTemplate(database)));
    }
}
