package org.aula.events;

/** The Kafka topics Aula publishes to; dead letters go to {@code <topic>-dlt}. */
public final class Topics {

    /** Enrollment facts, keyed by cohort id. */
    public static final String ENROLLMENT = "enrollment.events";
    /** Session facts (delivery and completion), keyed by cohort id. */
    public static final String SESSION = "session.events";
    /** Certification facts, keyed by participant id. */
    public static final String CERTIFICATION = "certification.events";

    /** Suffix of the dead-letter topic that receives what a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
