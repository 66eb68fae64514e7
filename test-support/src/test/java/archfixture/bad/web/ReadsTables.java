package archfixture.bad.web;

import archfixture.bad.persistence.SeatTable;

/** Violates adaptersDoNotUseEachOther: the web reading the persistence adapter. */
class ReadsTables {

    int rows(SeatTable table) {
        return table.rows();
    }
}
