package vn.congvan.extraction;

/** Which rulebook a document follows, read from its header. */
public enum Family {
    PARTY,
    STATE,
    MASS_ORG
}
