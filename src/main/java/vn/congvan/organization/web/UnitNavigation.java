package vn.congvan.organization.web;

/**
 * What a form posted back without JavaScript asks its unit field to show: a branch opened ({@code mo} =
 * "field:unitId:offset", the unit empty for the roots) or a search ({@code tim} = field, the text in {@code q-field}).
 * The same encoding as the recipient pickers, so the tree's markup is shared. Anything malformed shows the usual tree.
 */
record UnitNavigation(String field, Long unitId, int offset, String query) {

    static final UnitNavigation NONE = new UnitNavigation(null, null, 0, null);

    static UnitNavigation open(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return NONE;
        }
        try {
            Long unit = parts[1].isEmpty() ? null : Long.valueOf(parts[1]);
            return new UnitNavigation(parts[0], unit, Math.max(0, Integer.parseInt(parts[2])), null);
        } catch (NumberFormatException ex) {
            return NONE;
        }
    }

    static UnitNavigation search(String field, String query) {
        return field != null && query != null && !query.isBlank()
                ? new UnitNavigation(field, null, 0, query.strip())
                : NONE;
    }

    boolean opens(String field) {
        return field.equals(this.field) && query == null;
    }

    boolean searches(String field) {
        return field.equals(this.field) && query != null;
    }
}
