package dev.safeguard.program;

import java.time.LocalDate;

/**
 * A law-enforcement official's statement that notification would impede a criminal investigation or damage national
 * security (164.412): notifications are held until {@code until}. An oral statement holds at most 30 days from the
 * day it was made, unless a written statement follows.
 *
 * @param kind     {@code oral} or {@code written}
 * @param agency   the agency the official acts for
 * @param official the identity of the official (required for an oral statement)
 */
public record LawEnforcementDelay(String kind, LocalDate statedOn, LocalDate until, String agency, String official) {
}
