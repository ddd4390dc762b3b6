package vn.congvan.dispatch;

import java.util.List;

/** Which rulebook a document follows: it decides the header, the number's form and the numbering series. */
public enum DispatchFamily {
    /** Party committees and their boards: HD 36-HD/VPTW; numbered per type within a Party-committee term. */
    PARTY,
    /** State bodies: NĐ 30/2020/NĐ-CP; numbered per calendar year. */
    STATE,
    /** Fatherland Front and mass organisations: mostly the state forms. */
    MASS_ORG;

    /** Non-breaking spaces where a draft leaves the number and the date blank. */
    static final String BLANK = "\u00a0".repeat(5);

    private static final List<String> PARTY_COMPETENCES = List.of("T/M", "K/T", "T/L", "T/U", "Q.");

    private static final List<String> STATE_COMPETENCES = List.of("TM.", "KT.", "TL.", "TUQ.", "Q.");

    /**
     * Thẩm quyền ký: the marks a signer's competence may take in this family, in the rulebook's order (HD 36:
     * T/M, K/T, T/L, T/U, Q.; NĐ 30: TM., KT., TL., TUQ., Q.). No mark at all is a signature in one's own name.
     */
    public List<String> competences() {
        return this == PARTY ? PARTY_COMPETENCES : STATE_COMPETENCES;
    }

    /** Whether a signer may carry that competence mark in this family (none is always allowed). */
    public boolean allowsCompetence(String competence) {
        return competence == null || competence.isBlank() || competences().contains(competence.strip());
    }

    /**
     * How the number and symbol are printed: "Số 65-CV/BTGQU" for the Party, "Số: 05/QĐ-UBND" otherwise. Both
     * rulebooks number from 01, so a number under 10 takes a leading zero ("05-CT/TW", "05/QĐ-UBND").
     */
    String notation(int number, String symbol) {
        return String.format(this == PARTY ? "%02d-%s" : "%02d/%s", number, symbol);
    }

    String numberLine(String notation) {
        return this == PARTY ? "Số " + notation : "Số: " + notation;
    }

    /**
     * The number line of a draft, blank where the number will go, as a draft on paper leaves it: "Số     -CV/BTGQU",
     * "Số:     /QĐ-UBND". The blank is non-breaking spaces, so that a browser keeps its width.
     */
    String blankNumberLine(String typeCode, String symbolCode) {
        String symbol = symbol(typeCode, symbolCode == null || symbolCode.isBlank() ? "..." : symbolCode);
        return this == PARTY ? "Số" + BLANK + "-" + symbol : "Số:" + BLANK + "/" + symbol;
    }

    /**
     * Ký hiệu: "CV/BTGQU" in the Party (HD 36: type, slash, issuer); "QĐ-UBND" in the state family, where a công văn
     * carries no type at all, only the issuer ("Số: 73/UBND-TH", NĐ 30/2020 Phụ lục III).
     */
    String symbol(String typeCode, String issuerSymbol) {
        if (this == PARTY) {
            return typeCode + "/" + issuerSymbol;
        }
        return "CV".equals(typeCode) ? issuerSymbol : typeCode + "-" + issuerSymbol;
    }
}
