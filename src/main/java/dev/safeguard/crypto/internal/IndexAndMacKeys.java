package dev.safeguard.crypto.internal;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import dev.safeguard.crypto.BlindIndex;
import dev.safeguard.crypto.RecordMac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The blind-index PRF and the record MAC, each a Tink keyset stored encrypted under the master key
 * ({@code blind-index}, {@code record-mac}), loaded once.
 */
@Component
class IndexAndMacKeys implements BlindIndex, RecordMac {

    static final String INDEX_KEYSET = "blind-index";
    static final String MAC_KEYSET = "record-mac";
    private static final int TOKEN_BYTES = 16;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final StoredKeysets keysets;
    private volatile Prf prf;
    private volatile com.google.crypto.tink.Mac mac;

    IndexAndMacKeys(StoredKeysets keysets) throws GeneralSecurityException {
        PrfConfig.register();
        MacConfig.register();
        this.keysets = keysets;
        // Created here, outside any caller's transaction, so a rollback can never undo a key already in use.
        prf();
        mac();
    }

    @Override
    public String token(String field, String value) {
        byte[] input = (field + "\u0000" + normalize(value)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(prf().compute(input, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index computation failed", e);
        }
    }

    @Override
    public String normalize(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** A keyed hash naming a compartment in the key tables, so patient ids are not stored there in clear. */
    String compartmentRef(String compartment) {
        return token("\u0000compartment", compartment);
    }

    @Override
    public byte[] mac(byte[] data) {
        try {
            return mac().computeMac(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC computation failed", e);
        }
    }

    @Override
    public boolean verify(byte[] tag, byte[] data) {
        try {
            mac().verifyMac(tag, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Prf prf() throws GeneralSecurityException {
        Prf p = prf;
        if (p == null) {
            PrfSet set = keysets.loadOrCreate(INDEX_KEYSET, PredefinedPrfParameters.HMAC_SHA256_PRF).handle()
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            p = set.getPrfs().get(set.getPrimaryId());
            prf = p;
        }
        return p;
    }

    private com.google.crypto.tink.Mac mac() throws GeneralSecurityException {
        com.google.crypto.tink.Mac m = mac;
        if (m == null) {
            m = keysets.loadOrCreate(MAC_KEYSET, PredefinedMacParameters.HMAC_SHA256_256BITTAG).handle()
                    .getPrimitive(RegistryConfiguration.get(), com.google.crypto.tink.Mac.class);
            mac = m;
        }
        return m;
    }
}
