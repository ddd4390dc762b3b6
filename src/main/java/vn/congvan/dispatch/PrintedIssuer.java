package vn.congvan.dispatch;

/** The issuer as a document prints it, taken from the unit tree when the document is drafted. */
record PrintedIssuer(String name, String header, String superiorHeader, String place) {}
