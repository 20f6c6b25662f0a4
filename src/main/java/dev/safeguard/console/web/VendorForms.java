package dev.safeguard.console.web;

import dev.safeguard.program.Vendor;
import dev.safeguard.program.VendorContact;
import dev.safeguard.program.VendorDraft;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vendor pages' forms as submitted, and the dates they carry. Dates are UTC days: an agreement is in force from
 * the start of its effective day to the end of its last day.
 */
final class VendorForms {

    /** Blank contact rows offered below the existing ones. */
    static final int BLANK_CONTACTS = 2;

    private VendorForms() {
    }

    /**
     * The vendor form; the contact fields repeat once per row (blank rows are ignored).
     *
     * @param services one per line
     */
    record VendorForm(String name, String parentId, String services, Boolean createsEphi, Boolean receivesEphi,
                      Boolean maintainsEphi, Boolean transmitsEphi, List<String> contactName, List<String> contactRole,
                      List<String> contactEmail, List<String> contactPhone, String status, String notes) {

        static VendorForm empty() {
            return new VendorForm("", "", "", false, false, false, false, List.of(), List.of(), List.of(), List.of(),
                    Vendor.ACTIVE, "");
        }

        static VendorForm of(Vendor v) {
            return new VendorForm(v.name(), v.parentId() == null ? "" : v.parentId(), String.join("\n", v.services()),
                    v.createsEphi(), v.receivesEphi(), v.maintainsEphi(), v.transmitsEphi(),
                    v.contacts().stream().map(VendorContact::name).toList(),
                    v.contacts().stream().map(c -> blank(c.role())).toList(),
                    v.contacts().stream().map(c -> blank(c.email())).toList(),
                    v.contacts().stream().map(c -> blank(c.phone())).toList(), v.status(),
                    v.notes() == null ? "" : v.notes());
        }

        VendorDraft draft() {
            Problems.limited(services == null ? "" : services, 7000, "services");
            Problems.limited(notes == null ? "" : notes, 8000, "notes");
            List<String> lines = services == null ? List.of() : Arrays.stream(services.split("\r?\n"))
                    .filter(s -> !s.isBlank()).toList();
            return new VendorDraft(name, parentId, lines, createsEphi, receivesEphi, maintainsEphi, transmitsEphi,
                    contacts(), status, notes);
        }

        /** The contact rows with anything in them. */
        List<VendorContact> contacts() {
            List<VendorContact> contacts = new ArrayList<>();
            int rows = Math.max(Math.max(size(contactName), size(contactRole)), Math.max(size(contactEmail),
                    size(contactPhone)));
            if (rows > 100) {
                throw new ProblemException(ProblemKind.VALIDATION, "Too many contact rows");
            }
            for (int i = 0; i < rows; i++) {
                VendorContact c = new VendorContact(at(contactName, i), at(contactRole, i), at(contactEmail, i),
                        at(contactPhone, i));
                if (!(c.name().isBlank() && c.role().isBlank() && c.email().isBlank() && c.phone().isBlank())) {
                    contacts.add(c);
                }
            }
            return contacts;
        }

        /** The rows the form shows: the contacts entered so far and {@link #BLANK_CONTACTS} empty ones. */
        public List<VendorContact> rows() {
            List<VendorContact> rows = new ArrayList<>();
            try {
                rows.addAll(contacts());
            } catch (ProblemException refused) {
                // The refusal is on the page already; offer empty rows rather than the oversized ones.
                rows.clear();
            }
            for (int i = 0; i < BLANK_CONTACTS; i++) {
                rows.add(new VendorContact("", "", "", ""));
            }
            return rows;
        }

        private static int size(List<String> values) {
            return values == null ? 0 : values.size();
        }

        private static String at(List<String> values, int i) {
            String value = values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
            return Problems.limited(value, 400, "contact field");
        }

        private static String blank(String value) {
            return value == null ? "" : value;
        }
    }

    /** The start (00:00 UTC) of a {@code date} input's day, or {@code null} when blank. */
    static Instant startOf(String value, String label) {
        LocalDate day = ProgramPages.date(value, label);
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of a "last day in force" input's day: the start of the next day (00:00 UTC), or {@code null}. */
    static Instant endOf(String value, String label) {
        LocalDate day = ProgramPages.date(value, label);
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A past day's start, or now when the day is today or blank: for an action that takes effect when recorded. */
    static Instant dayOrNow(String value, String label, Clock clock) {
        LocalDate day = ProgramPages.date(value, label);
        Instant now = clock.instant();
        return day == null || day.equals(LocalDate.ofInstant(now, ZoneOffset.UTC)) ? now
                : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The UTC day of an instant for a {@code date} input, or "" for none. */
    static String day(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
