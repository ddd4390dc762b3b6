package vn.congvan.incoming;

import java.util.List;

/** The document about to be registered seems to be in the clerk's register already: the entries it matches. */
public class AlreadyRegisteredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<IncomingEntry> entries;

    AlreadyRegisteredException(List<IncomingEntry> entries) {
        super("Already in the incoming register as " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
        this.entries = List.copyOf(entries);
    }

    public List<IncomingEntry> entries() {
        return entries;
    }
}
