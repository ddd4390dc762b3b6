package vn.congvan.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Số and ký hiệu: 65 and "CV/BTGQU" in "65-CV/BTGQU". */
@Embeddable
public record DocumentNumber(
        @Column(name = "number") Integer number,
        @Column(name = "symbol") String symbol) {

    public DocumentNumber {
        if (number == null || number < 1) {
            throw new IllegalArgumentException("A document number starts at 1");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("A document number needs a symbol");
        }
    }
}
