package org.aula.certification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class StatusListBitsTest {

    @Test
    void encodesAtLeastSixteenKilobytesGzippedAsMultibaseBase64url() throws Exception {
        StatusListBits bits = new StatusListBits();
        bits.set(0);
        bits.set(9);
        bits.set(131_071);

        String encoded = bits.encoded();

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
        assertThat(raw).hasSize(16_384);
        // index 0 is the left-most bit of the first byte
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        assertThat(raw[1]).isEqualTo((byte) 0x40);
        assertThat(raw[16_383]).isEqualTo((byte) 0x01);
        assertThat(encoded.length()).as("an almost empty list compresses well").isLessThan(200);
    }

    @Test
    void readsBackWhatItWrote() {
        StatusListBits bits = new StatusListBits();
        bits.set(4711);

        StatusListBits decoded = StatusListBits.decode(bits.encoded());

        assertThat(decoded.isSet(4711)).isTrue();
        assertThat(decoded.isSet(4710)).isFalse();
        assertThat(decoded.size()).isEqualTo(131_072);
    }

    @Test
    void refusesWhatIsNotAnEncodedList() {
        assertThatIllegalArgumentException().isThrownBy(() -> StatusListBits.decode("zAAAA"));
        assertThatIllegalArgumentException().isThrownBy(() -> new StatusListBits().set(131_072));
    }
}
