package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

class StatusListEntryTest {

    @Test
    void givesEveryIndexOfAListExactlyOnceBeforeOpeningTheNext() {
        BitSet used = new BitSet(StatusListEntry.LIST_SIZE);
        for (long n = 0; n < StatusListEntry.LIST_SIZE; n++) {
            StatusListEntry entry = StatusListEntry.forSequence(n);
            assertThat(entry.listId()).isEqualTo(1);
            assertThat(used.get(entry.index())).as("index %d given twice", entry.index()).isFalse();
            used.set(entry.index());
        }

        assertThat(used.cardinality()).isEqualTo(StatusListEntry.LIST_SIZE);
        assertThat(StatusListEntry.forSequence(StatusListEntry.LIST_SIZE)).isEqualTo(new StatusListEntry(2, 0));
    }

    @Test
    void spreadsConsecutiveCertificatesApart() {
        StatusListEntry first = StatusListEntry.forSequence(1);
        StatusListEntry second = StatusListEntry.forSequence(2);

        assertThat(Math.abs(second.index() - first.index())).isGreaterThan(1000);
    }

    @Test
    void matchesTheFormulaTheMigrationUsedForOlderCertificates() {
        // V2__credentials_revocation_diplomas.sql: (n % 131072) * 92821 % 131072, list n / 131072 + 1
        assertThat(StatusListEntry.forSequence(5)).isEqualTo(new StatusListEntry(1, (int) (5L * 92821 % 131072)));
        assertThat(StatusListEntry.forSequence(131_072L * 3 + 7)).isEqualTo(new StatusListEntry(4, (int) (7L * 92821 % 131072)));
    }

    @Test
    void refusesEntriesOutsideAList() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StatusListEntry(1, StatusListEntry.LIST_SIZE));
        assertThatIllegalArgumentException().isThrownBy(() -> new StatusListEntry(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> StatusListEntry.forSequence(-1));
    }
}
