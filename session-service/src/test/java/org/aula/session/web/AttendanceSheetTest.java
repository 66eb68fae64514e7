package org.aula.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.domain.attendance.SheetLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttendanceSheetTest {

    @Test
    void readsParticipantIdsAndHoursWithTheirLineNumbers() {
        List<SheetLine> lines = AttendanceSheet.parse("participantId,hours\np-1,4\n\np-2,2.5\n", 500);

        assertThat(lines).containsExactly(
                new SheetLine(2, new SheetLine.ById("p-1"), new BigDecimal("4")),
                new SheetLine(4, new SheetLine.ById("p-2"), new BigDecimal("2.5")));
    }

    @Test
    void readsASheetKeptByNameWithQuotesExtraColumnsAByteOrderMarkAndCrLf() {
        String sheet = "\uFEFFName,Institution,Hours Attended,Signature\r\n"
                + "\"Cal, Ana Lucía\",BZ-IMMIGRATION,3,yes\r\n"
                + "\"Constant \"\"Connie\"\" Pascascio\",BZ-POLICE,0,\r\n";

        assertThat(AttendanceSheet.parse(sheet, 500)).containsExactly(
                new SheetLine(2, new SheetLine.ByName("Cal, Ana Lucía"), new BigDecimal("3")),
                new SheetLine(3, new SheetLine.ByName("Constant \"Connie\" Pascascio"), BigDecimal.ZERO));
    }

    @Test
    void prefersParticipantIdOverSeatOverName() {
        assertThat(AttendanceSheet.parse("name,seat,hours\nAna,3,4", 500))
                .containsExactly(new SheetLine(2, new SheetLine.BySeat(3), new BigDecimal("4")));
        assertThat(AttendanceSheet.parse("name,seat,participant_id,hours\nAna,3,p-1,4", 500))
                .containsExactly(new SheetLine(2, new SheetLine.ById("p-1"), new BigDecimal("4")));
    }

    @Test
    void aSemicolonSheetMayUseDecimalCommas() {
        assertThat(AttendanceSheet.parse("seat;hours\n1;3,5\n2;4", 500)).containsExactly(
                new SheetLine(2, new SheetLine.BySeat(1), new BigDecimal("3.5")),
                new SheetLine(3, new SheetLine.BySeat(2), new BigDecimal("4")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            participantId,hours\\np-1,four        | line[2].hours
            participantId,hours\\np-1,           | line[2].hours
            participantId,hours\\np-1,-1         | line[2].hours
            participantId,hours\\np-1,1.255      | line[2].hours
            participantId,hours\\n,3             | line[2].participantId
            seat,hours\\nfirst,3                 | line[2].seat
            seat,hours\\n0,3                     | line[2].seat
            name,hours\\n"Ana,3                  | line[2].line
            participantId,hours\\np-1,3\\np-2,x  | line[3].hours
            participantId\\np-1                  | line[1].hours
            hours,remarks\\n3,late              | line[1].participantId
            email,hours\\nana@example.org,3      | line[1].participantId
            """)
    void aMalformedLineIsA400NamingTheLineAndField(String sheet, String field) {
        assertThatThrownBy(() -> AttendanceSheet.parse(sheet.replace("\\n", "\n"), 500))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).contains(field);
                    assertThat(problem.getMessage()).contains(field);
                });
    }

    @Test
    void everyFaultyLineIsReported() {
        assertThatThrownBy(() -> AttendanceSheet.parse("participantId,hours\np-1,x\np-2,3\n,y", 500))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.errors())
                        .extracting(ApiProblem.FieldError::field)
                        .containsExactly("line[2].hours", "line[4].participantId", "line[4].hours"));
    }

    @Test
    void anEmptySheetOrOneWithoutLinesIsRefused() {
        assertThatThrownBy(() -> AttendanceSheet.parse("  \n", 500)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> AttendanceSheet.parse("participantId,hours\n", 500)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aSheetLongerThanTheLimitIsRefused() {
        assertThatThrownBy(() -> AttendanceSheet.parse("seat,hours\n1,1\n2,1\n3,1", 2))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.errors())
                        .extracting(ApiProblem.FieldError::field).containsExactly("line[4].line"));
    }
}
