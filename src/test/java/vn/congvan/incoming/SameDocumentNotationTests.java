package vn.congvan.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the register tells that a số, ký hiệu typed by a clerk is the one already in it. */
class SameDocumentNotationTests {

    @Test
    void spacesCaseALeadingSoAndLeadingZerosDoNotMakeAnotherDocument() {
        String registered = IncomingRegister.comparableNotation("05/QĐ-UBND");

        assertThat(IncomingRegister.comparableNotation("Số: 5/QĐ-UBND")).isEqualTo(registered);
        assertThat(IncomingRegister.comparableNotation("số 05 / qđ-ubnd")).isEqualTo(registered);
        assertThat(IncomingRegister.comparableNotation("SỐ 005/QĐ-UBND")).isEqualTo(registered);
        assertThat(IncomingRegister.comparableNotation("01-CV/BTGDVTU"))
                .isEqualTo(IncomingRegister.comparableNotation("1-CV/BTGDVTU"));
    }

    @Test
    void anotherNumberOrIssuerIsAnotherDocument() {
        assertThat(IncomingRegister.comparableNotation("50/QĐ-UBND"))
                .isNotEqualTo(IncomingRegister.comparableNotation("5/QĐ-UBND"));
        assertThat(IncomingRegister.comparableNotation("65-CV/BTGQU"))
                .isNotEqualTo(IncomingRegister.comparableNotation("65-CV/BTGTU"));
        assertThat(IncomingRegister.comparableNotation("  ")).isEmpty();
        assertThat(IncomingRegister.comparableNotation(null)).isEmpty();
    }
}
