package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.vendors.AgreementGate;
import dev.safeguard.program.vendors.AgreementStore;
import dev.safeguard.program.vendors.AgreementTerms;
import dev.safeguard.program.vendors.VendorClientStore;
import dev.safeguard.program.vendors.VendorStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Vendors and their service clients (164.308(b)(1), 164.314(a)): what each provides, whether it creates, receives,
 * maintains or transmits ePHI, its contacts, its subcontractors (the flow-down chain of 164.314(a)(2)(iii)), its
 * business associate agreement coverage, and which service clients belong to it. A client that belongs to a vendor
 * gets no ePHI unless the vendor has an agreement in force ({@link AgreementGate}).
 *
 * <p>Guarantees: security and compliance officers change vendors and links, auditors read, nobody else. Every change
 * commits with its audit event (ids only) or not at all, and takes effect on this node's FHIR path at the next
 * request. Names are unique without regard to case; a vendor never becomes its own ancestor; a client belongs to at
 * most one vendor; a vendor with service clients cannot be offboarded. Vendors are never deleted.
 */
@Service
public class Vendors {

    /** The audit event type of vendor changes and client links. */
    public static final String EVENT_TYPE = "program-vendor";
    static final int MAX_SERVICES = 30;
    static final int MAX_CONTACTS = 20;
    static final int MAX_NOTES = 4000;
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final Pattern PHONE = Pattern.compile("[0-9+() ./-]{3,32}( ?(ext\\.?|x) ?[0-9]{1,6})?");

    private final VendorStore vendors;
    private final AgreementStore agreements;
    private final VendorClientStore links;
    private final ServiceClients clients;
    private final TechnologyInventory inventory;
    private final AgreementGate gate;
    private final ProgramEvents events;
    private final Clock clock;

    Vendors(VendorStore vendors, AgreementStore agreements, VendorClientStore links, ServiceClients clients,
            TechnologyInventory inventory, AgreementGate gate, ProgramEvents events, Clock clock) {
        this.vendors = vendors;
        this.agreements = agreements;
        this.links = links;
        this.clients = clients;
        this.inventory = inventory;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    /** Every vendor, by name, with its agreement coverage now. */
    public List<Vendor> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return all();
    }

    /** Every vendor, for the program's checks and metrics. */
    public List<Vendor> all() {
        return views(vendors.list());
    }

    public Vendor get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return view(row(id).id());
    }

    public Vendor create(Actor actor, VendorDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String id = UUID.randomUUID().toString();
        return changed(() -> {
            VendorStore.Row row = validated(id, draft, null, actor.id());
            vendors.insert(row);
            events.record(EVENT_TYPE, "create", Action.C, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "Vendor", id, null, null);
            return id;
        });
    }

    /** Replaces a vendor's fields; offboarding is setting the status to {@code offboarded}. */
    public Vendor update(Actor actor, String id, VendorDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        return changed(() -> {
            VendorStore.Row existing = row(id);
            VendorStore.Row row = validated(existing.id(), draft, existing, actor.id());
            if (Vendor.OFFBOARDED.equals(row.status()) && !Vendor.OFFBOARDED.equals(existing.status())
                    && !links.clientsOf(id).isEmpty()) {
                throw new ProblemException(ProblemKind.CONFLICT, "Vendor " + id + " still has service clients; "
                        + "unlink them (and revoke their API keys) before offboarding it");
            }
            vendors.update(row);
            events.record(EVENT_TYPE, "update", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "Vendor", id, null, null);
            return existing.id();
        });
    }

    /** The service clients that belong to the vendor. */
    public List<ServiceClientView> clients(Actor actor, String vendorId) {
        ProgramRoles.requireReader(actor);
        List<String> ids = links.clientsOf(row(vendorId).id());
        return clients.registered().stream().filter(c -> ids.contains(c.id())).toList();
    }

    /** Service clients that belong to no vendor and are not revoked: the ones an officer may link. */
    public List<ServiceClientView> unlinkedClients(Actor actor) {
        ProgramRoles.requireReader(actor);
        Map<String, String> linked = links.all();
        return clients.registered().stream().filter(c -> !linked.containsKey(c.id()) && c.revokedAt() == null)
                .toList();
    }

    /** The inventory's assets whose vendor field names this vendor (compared without case). */
    public List<Asset> assets(Actor actor, String vendorId) {
        ProgramRoles.requireReader(actor);
        String name = row(vendorId).name();
        return inventory.list(actor).stream().filter(a -> a.vendor() != null && a.vendor().equalsIgnoreCase(name))
                .toList();
    }

    /**
     * Makes a service client belong to the vendor, so that it gets ePHI only while the vendor has an agreement in
     * force. Linking a client to its own vendor again changes nothing.
     */
    public Vendor link(Actor actor, String vendorId, String clientId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String client = clientId == null ? "" : clientId.strip();
        if (client.isEmpty() || clients.registered().stream().noneMatch(c -> c.id().equals(client))) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "No service client " + Fields.abbreviated(client));
        }
        return changed(() -> {
            VendorStore.Row vendor = row(vendorId);
            Optional<String> current = links.vendorOf(client);
            if (current.isPresent() && current.get().equals(vendor.id())) {
                return vendor.id();
            }
            if (current.isPresent()) {
                throw new ProblemException(ProblemKind.CONFLICT, "Service client " + client + " belongs to vendor "
                        + current.get() + "; unlink it there first (a client belongs to one vendor)");
            }
            if (Vendor.OFFBOARDED.equals(vendor.status())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Vendor " + vendor.id() + " is offboarded; "
                        + "service clients cannot be linked to it");
            }
            links.link(client, vendor.id(), clock.millis(), actor.id());
            events.record(EVENT_TYPE, "link-client", Action.C, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "VendorClient", vendor.id() + "/" + client, null, null);
            return vendor.id();
        });
    }

    /** Ends a client's belonging to the vendor; from then on the vendor's agreements no longer apply to it. */
    public Vendor unlink(Actor actor, String vendorId, String clientId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        return changed(() -> {
            VendorStore.Row vendor = row(vendorId);
            String client = clientId == null ? "" : clientId.strip();
            if (!links.unlink(client, vendor.id())) {
                throw new ProblemException(ProblemKind.NOT_FOUND, "Service client " + Fields.abbreviated(client)
                        + " does not belong to vendor " + vendor.id());
            }
            events.record(EVENT_TYPE, "unlink-client", Action.D, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "VendorClient", vendor.id() + "/" + client, null, null);
            return vendor.id();
        });
    }

    /** Runs a change and its audit event atomically, then lets the FHIR path see it; answers the vendor's view. */
    private Vendor changed(Supplier<String> change) {
        String id = events.atomically(change);
        gate.invalidate();
        return view(id);
    }

    private Vendor view(String id) {
        return all().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    VendorStore.Row row(String id) {
        return vendors.find(id == null ? "" : id.strip()).orElseThrow(() -> new ProblemException(
                ProblemKind.NOT_FOUND, "No vendor " + Fields.abbreviated(String.valueOf(id))));
    }

    private VendorStore.Row validated(String id, VendorDraft d, VendorStore.Row existing, String actorId) {
        if (d == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the vendor");
        }
        String name = Fields.required(d.name(), "name", 200);
        vendors.idByName(name).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw new ProblemException(ProblemKind.CONFLICT, "A vendor named '" + Fields.abbreviated(name)
                    + "' exists already (" + other + ")");
        });
        String parent = parent(id, Fields.optional(d.parentId(), "parentId", 64));
        List<String> services = services(d.services());
        List<VendorContact> contacts = contacts(d.contacts());
        long now = clock.millis();
        return new VendorStore.Row(id, name, parent, services, Boolean.TRUE.equals(d.createsEphi()),
                Boolean.TRUE.equals(d.receivesEphi()), Boolean.TRUE.equals(d.maintainsEphi()),
                Boolean.TRUE.equals(d.transmitsEphi()), contacts,
                Fields.oneOf(d.status(), "status", Vendor.STATUSES, Vendor.ACTIVE),
                Fields.optional(d.notes() == null ? null : d.notes().replace("\r\n", "\n"), "notes", MAX_NOTES),
                existing == null ? now : existing.createdAt(), existing == null ? actorId : existing.createdBy(), now,
                actorId);
    }

    /** The business associate above a subcontractor: an existing vendor that is not the vendor or below it. */
    private String parent(String id, String parentId) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(id)) {
            throw new ProblemException(ProblemKind.VALIDATION, "A vendor cannot be its own business associate");
        }
        List<VendorStore.Row> all = vendors.list();
        Map<String, String> parents = new java.util.HashMap<>();
        all.forEach(v -> parents.put(v.id(), v.parentId()));
        if (!parents.containsKey(parentId)) {
            throw new ProblemException(ProblemKind.VALIDATION, "No vendor " + Fields.abbreviated(parentId)
                    + " to be the business associate of this subcontractor");
        }
        int above = 1;
        for (String p = parents.get(parentId); p != null && above <= AgreementGate.MAX_CHAIN; p = parents.get(p)) {
            if (p.equals(id)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Vendor " + parentId + " is a subcontractor of "
                        + "this vendor; a vendor cannot work for its own subcontractor");
            }
            above++;
        }
        if (above + height(id, all) > AgreementGate.MAX_CHAIN) {
            throw new ProblemException(ProblemKind.VALIDATION, "A chain of business associate and subcontractors "
                    + "can be at most " + AgreementGate.MAX_CHAIN + " vendors deep");
        }
        return parentId;
    }

    /** How many levels of subcontractors hang below a vendor, itself included. */
    private static int height(String id, List<VendorStore.Row> all) {
        int height = 1;
        for (VendorStore.Row child : all) {
            if (id.equals(child.parentId())) {
                height = Math.max(height, 1 + height(child.id(), all));
            }
        }
        return height;
    }

    private static List<String> services(List<String> services) {
        if (services == null || services.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Name at least one service the vendor provides");
        }
        if (services.size() > MAX_SERVICES) {
            throw new ProblemException(ProblemKind.VALIDATION, "A vendor lists at most " + MAX_SERVICES + " services; "
                    + "got " + services.size());
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String service : services) {
            String s = Fields.optional(service, "service", 200);
            if (s != null) {
                if (s.contains("\n")) {
                    throw new ProblemException(ProblemKind.VALIDATION, "A service is one line");
                }
                clean.add(s);
            }
        }
        return List.copyOf(clean);
    }

    private static List<VendorContact> contacts(List<VendorContact> contacts) {
        if (contacts == null) {
            return List.of();
        }
        if (contacts.size() > MAX_CONTACTS) {
            throw new ProblemException(ProblemKind.VALIDATION, "A vendor has at most " + MAX_CONTACTS + " contacts; "
                    + "got " + contacts.size());
        }
        List<VendorContact> clean = new ArrayList<>();
        for (VendorContact c : contacts) {
            if (c == null) {
                throw new ProblemException(ProblemKind.VALIDATION, "A contact cannot be null");
            }
            String email = Fields.optional(c.email(), "contact's e-mail", 254);
            if (email != null && !EMAIL.matcher(email).matches()) {
                throw new ProblemException(ProblemKind.VALIDATION, "The contact's e-mail '" + Fields.abbreviated(email)
                        + "' is not an e-mail address");
            }
            String phone = Fields.optional(c.phone(), "contact's phone", 40);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw new ProblemException(ProblemKind.VALIDATION, "The contact's phone '" + Fields.abbreviated(phone)
                        + "' is not a telephone number (digits, spaces, + ( ) . / - and an optional extension)");
            }
            clean.add(new VendorContact(oneLine(Fields.required(c.name(), "contact's name", 200), "contact's name"),
                    oneLine(Fields.optional(c.role(), "contact's role", 100), "contact's role"), email, phone));
        }
        return List.copyOf(clean);
    }

    private static String oneLine(String value, String field) {
        if (value != null && (value.contains("\n") || value.contains("\t"))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + field + " is one line");
        }
        return value;
    }

    private List<Vendor> views(List<VendorStore.Row> rows) {
        long now = clock.millis();
        Map<String, List<AgreementStore.Row>> byVendor = agreements.list().stream()
                .collect(Collectors.groupingBy(AgreementStore.Row::vendorId));
        Map<String, List<String>> clientsByVendor = links.all().entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        Map<String, List<String>> children = rows.stream().filter(r -> r.parentId() != null).collect(
                Collectors.groupingBy(VendorStore.Row::parentId, Collectors.mapping(VendorStore.Row::id,
                        Collectors.toList())));
        return rows.stream().map(r -> {
            List<AgreementStore.Row> own = byVendor.getOrDefault(r.id(), List.of());
            Optional<AgreementStore.Row> principal = AgreementTerms.principal(own, now);
            String coverage = AgreementTerms.coverage(own, now);
            AgreementStore.Row inForce = Vendor.IN_FORCE.equals(coverage) ? principal.orElse(null) : null;
            return new Vendor(r.id(), r.name(), r.parentId(), r.services(), r.createsEphi(), r.receivesEphi(),
                    r.maintainsEphi(), r.transmitsEphi(), r.contacts(), r.status(), r.notes(),
                    Instant.ofEpochMilli(r.createdAt()), r.createdBy(), Instant.ofEpochMilli(r.updatedAt()),
                    r.updatedBy(), r.handlesEphi(), coverage, principal.map(AgreementStore.Row::id).orElse(null),
                    inForce == null || inForce.expiresAt() == null ? null : Instant.ofEpochMilli(inForce.expiresAt()),
                    inForce == null ? null : AgreementTerms.daysToExpiry(inForce, now),
                    children.getOrDefault(r.id(), List.of()),
                    clientsByVendor.getOrDefault(r.id(), List.of()).stream().sorted().toList());
        }).sorted(Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT))).toList();
    }
}
