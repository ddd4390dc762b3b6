package vn.congvan.organization;

/** What kind of body a unit is. The tree's depth is free; the kind says what a unit is, not where it sits. */
public enum UnitKind {
    PARTY_COMMITTEE,
    PARTY_STANDING_OFFICE,
    PARTY_BOARD,
    GRASSROOTS_PARTY_COMMITTEE,
    FATHERLAND_FRONT,
    SOCIO_POLITICAL_ORGANISATION,
    STATE_AGENCY,
    REPORTER_TEAM,
    OTHER
}
