package org.aula.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.console.services.EnrollmentApi.Official;
import org.junit.jupiter.api.Test;

class NominationCsvTest {

    @Test
    void readsOfficialsInOrderWhateverTheColumnOrderCaseAndQuoting() {
        NominationCsv.Reading reading = NominationCsv.read("\uFEFFE-mail,Name,Position,Remarks\r\n"
                + "ana.cal@example.org,\"Cal, Ana Lucía\",Officer,x\r\n\r\nelvis.coc@example.org,Elvis Coc,,\r\n");

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.officials()).containsExactly(new Official("Cal, Ana Lucía", "ana.cal@example.org", "Officer"),
                new Official("Elvis Coc", "elvis.coc@example.org", null));
    }

    @Test
    void semicolonsAreADelimiterWhenTheHeaderHasNoComma() {
        assertThat(NominationCsv.read("name;email\nElvis Coc;elvis.coc@example.org\n").officials())
                .containsExactly(new Official("Elvis Coc", "elvis.coc@example.org", null));
    }

    @Test
    void everyFaultyLineIsNamedByItsNumberWithTheHeaderAsLineOne() {
        NominationCsv.Reading reading = NominationCsv.read("name,email\nElvis Coc,elvis@example.org\n,a@example.org\n"
                + "Rosita Sho,rosita\nCarmen Bol,ELVIS@example.org\n");

        assertThat(reading.errors()).containsExactly(
                new NominationCsv.LineError(3, "name", "the name is missing"),
                new NominationCsv.LineError(4, "email", "\"rosita\" is not an e-mail address"),
                new NominationCsv.LineError(5, "email", "the same e-mail address is on an earlier line"));
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsOrAnEmptyFileIsRefusedAtLineOne() {
        assertThat(NominationCsv.read("fullname,mail\nx,y\n").errors()).extracting(NominationCsv.LineError::line).containsOnly(1);
        assertThat(NominationCsv.read("").errors()).extracting(NominationCsv.LineError::line).containsExactly(1);
        assertThat(NominationCsv.read("name,email\n\n").errors()).extracting(NominationCsv.LineError::problem)
                .containsExactly("the file lists no officials");
    }

    @Test
    void aLineWhoseQuoteIsNeverClosedIsNamedByItsNumber() {
        NominationCsv.Reading reading = NominationCsv.read(
                "name,email\nElvis Coc,elvis@example.org\n\"Rosita Sho,rosita@example.org\nAna Coc,ana@example.org\n");

        assertThat(reading.errors()).extracting(NominationCsv.LineError::line).containsExactly(3);
        assertThat(reading.errors()).extracting(NominationCsv.LineError::problem)
                .containsExactly("a quote is opened and never closed");
        assertThat(reading.officials()).extracting(Official::name).containsExactly("Elvis Coc", "Ana Coc");
    }

    @Test
    void theLineOfAnOfficialSkipsBlankLines() {
        assertThat(NominationCsv.lineOf("name,email\n\na,a@x.org\nb,b@x.org\n", 1)).isEqualTo(4);
    }
}
