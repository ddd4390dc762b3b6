package vn.congvan.system.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Parameters whose type alone lets through values the database cannot take. A page number ({@code trang}) is kept
 * between the first page and {@link #LAST_PAGE}, so that no page offset overflows what a query can skip; a date is
 * an ISO date (as every date field and filter of the portal sends it) between the years 1 and 9999, so that no
 * query compares with a moment PostgreSQL cannot hold. A date outside is a type mismatch: 400 for a request
 * parameter, a field error in a form.
 */
@ControllerAdvice
class ParameterBindingAdvice {

    /** Far past the last page of any list at 100,000 dispatches, far below an overflowing offset. */
    static final int LAST_PAGE = 100_000;

    @InitBinder("trang")
    void pageNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                long page = Long.parseLong(text.strip());
                setValue((int) Math.min(Math.max(page, 1), LAST_PAGE));
            }
        });
    }

    @InitBinder
    void dates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (!StringUtils.hasText(text)) {
                    setValue(null);
                    return;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException ex) {
                    // only an IllegalArgumentException is turned into a type mismatch by the binder
                    throw new IllegalArgumentException(ex.getMessage(), ex);
                }
                if (date.getYear() < 1 || date.getYear() > 9999) {
                    throw new IllegalArgumentException("A date between the years 1 and 9999 is expected");
                }
                setValue(date);
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : ((LocalDate) getValue()).format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
        });
    }
}
