package paperboy.config;

import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * DKIM signing of outgoing mail ({@code PAPERBOY_DKIM_KEY}, {@code PAPERBOY_DKIM_SELECTOR},
 * {@code PAPERBOY_DKIM_DOMAIN}: all three or none).
 *
 * @param keyFile  the PKCS#8 private key file (PEM or DER) it was read from
 * @param key      the RSA private key read from it. A secret: it never shows in {@link #toString()}
 * @param selector the selector: the public key is published at {@code SELECTOR._domainkey.DOMAIN}
 * @param domain   the signing domain ({@code d=}), normally the domain of {@code PAPERBOY_MAIL_FROM}
 */
public record DkimSettings(Path keyFile, PrivateKey key, String selector, String domain) {

    /** Where the public key must be published in DNS, as a TXT record. */
    public String dnsName() {
        return selector + "._domainkey." + domain;
    }

    @Override
    public String toString() {
        return "DkimSettings[keyFile=" + keyFile + ", selector=" + selector + ", domain=" + domain + "]";
    }
}
