package vn.congvan.organization;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class UnitGroupNotFoundException extends RuntimeException {

    public UnitGroupNotFoundException(Long id) {
        super("No unit group " + id);
    }
}
