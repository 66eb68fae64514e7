package org.aula.reliability.consumer;

/** Which form of the suite runs: {@code fast} in {@code ./mvnw verify}, {@code long} with {@code -Preliability}. */
enum Form {
    FAST, LONG;

    static Form current() {
        return "long".equalsIgnoreCase(System.getProperty("aula.reliability.form", "fast")) ? LONG : FAST;
    }

    <T> T pick(T fast, T slow) {
        return this == FAST ? fast : slow;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
