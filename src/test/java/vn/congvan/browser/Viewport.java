package vn.congvan.browser;

/** The two screens every browser test looks through: a common office laptop and a common phone. */
public enum Viewport {
    DESKTOP("desktop", 1366, 768, false),

    PHONE("phone", 375, 812, true);

    private final String label;

    private final int width;

    private final int height;

    private final boolean mobile;

    Viewport(String label, int width, int height, boolean mobile) {
        this.label = label;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean mobile() {
        return mobile;
    }

    @Override
    public String toString() {
        return label + " " + width + "×" + height;
    }
}
