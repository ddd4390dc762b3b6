package vn.congvan.backup;

import java.util.List;

/** Files the snapshot names that could not be copied as recorded; the backup is not kept. */
class IncompleteBackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IncompleteBackupException(List<String> problems) {
        super("The backup is incomplete and was not kept; " + problems.size() + " file(s) could not be copied:\n  "
                + String.join("\n  ", problems));
    }
}
