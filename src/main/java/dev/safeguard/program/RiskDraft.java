package dev.safeguard.program;

import java.util.List;

/**
 * A risk as a person records it; {@link RiskRegister} validates it. Likelihood and impact use the five-level scale
 * ({@code very-low} … {@code very-high}); a {@code null} status means {@code open}, a {@code null} treatment none.
 */
public record RiskDraft(String title, String threatId, String threat, String vulnerability, List<String> assetIds,
                        List<String> controls, String likelihood, String impact, TreatmentDraft treatment,
                        String status) {
}
