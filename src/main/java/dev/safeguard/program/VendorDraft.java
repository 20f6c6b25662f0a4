package dev.safeguard.program;

import java.util.List;

/**
 * A vendor as an officer enters it, before validation.
 *
 * @param parentId      for a subcontractor, the business associate it works for (164.314(a)(2)(iii)); else
 *                      {@code null}
 * @param services      what the vendor provides, 1 to 30 entries
 * @param createsEphi   whether it creates ePHI on the organization's behalf (likewise receives, maintains,
 *                      transmits); {@code null} is no
 * @param contacts      at most 20
 * @param status        {@code prospective}, {@code active} (default) or {@code offboarded}
 */
public record VendorDraft(String name, String parentId, List<String> services, Boolean createsEphi,
                          Boolean receivesEphi, Boolean maintainsEphi, Boolean transmitsEphi,
                          List<VendorContact> contacts, String status, String notes) {
}
