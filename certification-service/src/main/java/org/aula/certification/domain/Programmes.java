package org.aula.certification.domain;

import java.util.List;

/** Programme requirements as last defined by enrollment-service. */
public interface Programmes {

    /**
     * Keeps a programme definition unless a later one is already kept (facts may arrive out of
     * order after a redelivery).
     *
     * @return true when this definition is now the programme's
     */
    boolean define(Programme programme);

    /** Programmes that require this course. */
    List<Programme> requiring(String courseCode);

    /** Every programme, by code. */
    List<Programme> all();
}
