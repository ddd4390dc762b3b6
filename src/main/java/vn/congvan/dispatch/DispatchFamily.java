package vn.congvan.dispatch;

/** Which rulebook a document follows: it decides the header, the number's form and the numbering series. */
public enum DispatchFamily {
    /** Party committees and their boards: HD 36-HD/VPTW; numbered per type within a Party-committee term. */
    PARTY,
    /** State bodies: NĐ 30/2020/NĐ-CP; numbered per calendar year. */
    STATE,
    /** Fatherland Front and mass organisations: mostly the state forms. */
    MASS_ORG;

    /** How the number and symbol are printed: "Số 65-CV/BTGQU" for the Party, "Số: 05/QĐ-UBND" otherwise. */
    String notation(int number, String symbol) {
        return this == PARTY ? number + "-" + symbol : String.format("%02d/%s", number, symbol);
    }

    String numberLine(String notation) {
        return this == PARTY ? "Số " + notation : "Số: " + notation;
    }
}
