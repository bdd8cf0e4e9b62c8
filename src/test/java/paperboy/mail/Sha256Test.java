package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The one form stored hashes are in (sessions, API tokens, emailed links): a change here would lock
 * out every session and void every link already handed out.
 */
class Sha256Test {
    @Test
    void isTheLowerCaseHexOfTheTextsUtf8Bytes() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("Lovelace – café")).isEqualTo("d3b012e53712a29396cf758449f55b7ac2318df364c058e94b97df935ad47636");
    }
}
