package dev.safeguard.program;

import dev.safeguard.audit.ClientAccess;
import dev.safeguard.program.vendors.AgreementStore;
import dev.safeguard.program.vendors.AgreementTerms;
import dev.safeguard.program.vendors.VendorClientStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The program's measures of business associate arrangements, read from the live records and the audit trail.
 *
 * <p><b>Executed BAA before production connectivity.</b> A vendor is <i>connected</i> when at least one service
 * client that belongs to it now has a successful FHIR interaction with a patient's data in the audit trail; its
 * connectivity time is the earliest such interaction of any of its clients (whenever it happened, before or after the
 * client was linked). The denominator is the connected vendors; the numerator is those of them for which, at their
 * connectivity time, an agreement had been signed ({@code executedAt <=} that time) and was in force (effective, not
 * expired, not terminated). Vendors that never touched ePHI are in neither.
 *
 * <p><b>Executed BAA coverage.</b> The denominator is the active vendors that handle ePHI; the
 * numerator is those of them with an agreement in force now.
 */
@Service
public class VendorMeasures {

    /**
     * A percentage's parts.
     *
     * @param lacking the ids of the vendors in the denominator but not the numerator
     */
    public record Tally(long part, long total, List<String> lacking) {
        public Tally {
            lacking = List.copyOf(lacking);
        }
    }

    private final Vendors vendors;
    private final AgreementStore agreements;
    private final VendorClientStore links;
    private final ClientAccess access;

    VendorMeasures(Vendors vendors, AgreementStore agreements, VendorClientStore links, ClientAccess access) {
        this.vendors = vendors;
        this.agreements = agreements;
        this.links = links;
        this.access = access;
    }

    /** Connected vendors, and those connected only after an agreement was executed and in force. */
    public Tally agreementBeforeConnectivity() {
        Map<String, String> vendorOfClient = links.all();
        Map<String, Instant> firsts = access.firstPatientDataAccess(vendorOfClient.keySet());
        Map<String, Instant> connected = new java.util.HashMap<>();
        firsts.forEach((client, first) -> connected.merge(vendorOfClient.get(client), first,
                (a, b) -> a.isBefore(b) ? a : b));
        Map<String, List<AgreementStore.Row>> byVendor = agreements.list().stream()
                .collect(Collectors.groupingBy(AgreementStore.Row::vendorId));
        List<String> late = connected.entrySet().stream().filter(e -> {
            long first = e.getValue().toEpochMilli();
            return byVendor.getOrDefault(e.getKey(), List.of()).stream().noneMatch(a -> a.executedAt() != null
                    && a.executedAt() <= first && AgreementTerms.inForce(a, first));
        }).map(Map.Entry::getKey).sorted().toList();
        return new Tally(connected.size() - late.size(), connected.size(), late);
    }

    /** Vendors that need an agreement, and those with one in force now. */
    public Tally coverage() {
        List<Vendor> required = vendors.all().stream().filter(Vendor::agreementRequired).toList();
        List<String> lacking = required.stream().filter(v -> !Vendor.IN_FORCE.equals(v.agreement()))
                .map(Vendor::id).toList();
        return new Tally(required.size() - lacking.size(), required.size(), lacking);
    }
}
