package dev.safeguard.program;

/** A data flow as a person records it; {@link DataFlows} validates it. */
public record DataFlowDraft(String sourceAssetId, String targetAssetId, String data, String protocol,
                            Boolean encrypted, Boolean ephi) {
}
