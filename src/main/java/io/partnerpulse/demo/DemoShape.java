package io.partnerpulse.demo;

/**
 * How much data to generate.
 *
 * @param stalledShare share of opportunities that stall and stay open instead of closing
 */
public record DemoShape(int businessUnits, int departments, int employees, int partners,
                        int paidChannels, int earnedChannels, int ownedChannels,
                        int accounts, int leads, int opportunities, int years, double stalledShare) {

    public DemoShape {
        if (businessUnits < 1 || departments < businessUnits || employees < departments || partners < 1
                || paidChannels < 1 || earnedChannels < 1 || ownedChannels < 1 || accounts < 1
                || opportunities < 1 || leads < opportunities || years < 1 || stalledShare < 0 || stalledShare >= 1) {
            throw new IllegalArgumentException("Inconsistent demo shape: " + this);
        }
    }

    /** The demo a new user sees: a mid-sized program over three years. */
    public static DemoShape demo() {
        return new DemoShape(3, 12, 60, 150, 4, 4, 4, 3_000, 30_000, 8_000, 3, 0.10);
    }

    /**
     * The benchmark's shape (10,000 partners, 2,000,000 leads, 1,000,000 opportunities over 5 years
     * at full size, about 30% won, 25% lost, the rest open), scaled to the number of opportunities.
     */
    public static DemoShape benchmark(int opportunities) {
        double scale = opportunities / 1_000_000.0;
        int partners = Math.max(20, (int) Math.round(10_000 * scale));
        int employees = Math.max(40, Math.min(200, (int) Math.round(200 * Math.sqrt(scale * 100) / 10)));
        return new DemoShape(5, 20, Math.max(employees, 20), partners, 12, 8, 10,
                Math.max(500, opportunities / 5), opportunities * 2, opportunities, 5, 0.42);
    }

    int channels() {
        return paidChannels + earnedChannels + ownedChannels;
    }
}
