package archfixture.bad.application;

import archfixture.bad.persistence.SeatTable;

/** Violates innerRingsDependOnNoAdapter: a use case using the persistence adapter. */
public class SavesDirectly {

    int count(SeatTable table) {
        return table.rows();
    }
}
