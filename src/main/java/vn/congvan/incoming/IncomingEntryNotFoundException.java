package vn.congvan.incoming;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The entry does not exist or is in another unit's register: either way 404, never 403. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IncomingEntryNotFoundException extends RuntimeException {

    public IncomingEntryNotFoundException(Long id) {
        super("No incoming entry " + id + " in the clerk's register");
    }
}
