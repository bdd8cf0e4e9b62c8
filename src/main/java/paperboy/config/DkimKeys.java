package paperboy.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the DKIM private key: RSA in PKCS#8, as PEM ({@code -----BEGIN PRIVATE KEY-----}) or DER. */
final class DkimKeys {
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private DkimKeys() {
    }

    static PrivateKey read(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int begin = text.indexOf(PEM_BEGIN);
        if (begin >= 0) {
            int end = text.indexOf(PEM_END, begin);
            if (end < 0) {
                throw new GeneralSecurityException("PEM without its END line");
            }
            bytes = Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
        } else if (text.contains("-----BEGIN")) {
            throw new GeneralSecurityException("not an unencrypted PKCS#8 private key");
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
    }
}
