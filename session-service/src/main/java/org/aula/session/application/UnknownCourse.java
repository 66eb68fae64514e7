package org.aula.session.application;

/** A course the session service has not heard of: no catalogue entry, no cohort, no rule names it. */
public class UnknownCourse extends RuntimeException {

    private final String courseCode;

    public UnknownCourse(String courseCode) {
        super("no course with code " + courseCode);
        this.courseCode = courseCode;
    }

    public String courseCode() {
        return courseCode;
    }
}
