package vn.congvan.dispatch;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The dispatch does not exist or is not for the asker's eyes: either way it answers 404, never 403. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DispatchNotFoundException extends RuntimeException {

    public DispatchNotFoundException(Long id) {
        super("No visible dispatch " + id);
    }
}
