package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class StatusListTest {

    @Test
    void givesEveryIndexOfAListExactlyOnceBeforeOpeningTheNext() {
        BitSet used = new BitSet(StatusList.SIZE);
        for (long n = 0; n < StatusList.SIZE; n++) {
            StatusListEntry entry = StatusList.entryOf(n);
            assertThat(entry.listId()).isEqualTo(1);
            assertThat(used.get(entry.index())).as("index %d given twice", entry.index()).isFalse();
            used.set(entry.index());
        }

        assertThat(used.cardinality()).isEqualTo(StatusList.SIZE);
        assertThat(StatusList.entryOf(StatusList.SIZE)).isEqualTo(new StatusListEntry(2, 0));
    }

    @Test
    void spreadsConsecutiveCertificatesApart() {
        StatusListEntry first = StatusList.entryOf(1);
        StatusListEntry second = StatusList.entryOf(2);

        assertThat(Math.abs(second.index() - first.index())).isGreaterThan(1000);
    }

    /**
     * The V2 migration backfilled the certificates issued before it with its own copy of the rule.
     * It cannot change (released schemas ran it), so the rule must keep agreeing with it: the
     * formula is read from the migration itself and evaluated beside {@link StatusList#entryOf}.
     */
    @Test
    void agreesWithTheFormulaTheV2MigrationBackfilledOlderCertificatesWith() throws Exception {
        String migration;
        try (InputStream sql = StatusListTest.class.getResourceAsStream("/db/certification/V2__credentials_revocation_diplomas.sql")) {
            assertThat(sql).as("the V2 migration on the classpath").isNotNull();
            migration = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher list = Pattern.compile("status_list_id\\s*=\\s*\\(n\\.entry / (\\d+) \\+ 1\\)").matcher(migration);
        Matcher index = Pattern.compile("status_list_index\\s*=\\s*\\(\\(n\\.entry % (\\d+)\\) \\* (\\d+) % (\\d+)\\)").matcher(migration);
        assertThat(list.find()).as("the migration's list formula").isTrue();
        assertThat(index.find()).as("the migration's index formula").isTrue();
        long listSize = Long.parseLong(list.group(1));
        long modulus = Long.parseLong(index.group(1));
        long spread = Long.parseLong(index.group(2));
        long indexModulus = Long.parseLong(index.group(3));

        for (long n : new long[] {0, 1, 5, 4711, StatusList.SIZE - 1, StatusList.SIZE, 131_072L * 3 + 7, 10_000_000}) {
            StatusListEntry backfilled = new StatusListEntry((int) (n / listSize + 1), (int) ((n % modulus) * spread % indexModulus));
            assertThat(StatusList.entryOf(n)).as("entry %d", n).isEqualTo(backfilled);
        }
    }

    @Test
    void refusesEntriesOutsideAList() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StatusListEntry(1, StatusList.SIZE));
        assertThatIllegalArgumentException().isThrownBy(() -> new StatusListEntry(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> StatusList.entryOf(-1));
    }

    @Test
    void encodesAtLeastSixteenKilobytesGzippedAsMultibaseBase64url() throws Exception {
        StatusList list = new StatusList();
        list.revoke(0);
        list.revoke(9);
        list.revoke(131_071);

        String encoded = list.encoded();

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
        StatusList list = new StatusList();
        list.revoke(4711);

        StatusList decoded = StatusList.decode(list.encoded());

        assertThat(decoded.isRevoked(4711)).isTrue();
        assertThat(decoded.isRevoked(4710)).isFalse();
        assertThat(decoded.size()).isEqualTo(131_072);
    }

    @Test
    void refusesWhatIsNotAnEncodedList() {
        assertThatIllegalArgumentException().isThrownBy(() -> StatusList.decode("zAAAA"));
        assertThatIllegalArgumentException().isThrownBy(() -> new StatusList().revoke(131_072));
    }
}
