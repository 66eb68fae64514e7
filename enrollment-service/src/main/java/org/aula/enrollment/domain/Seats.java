package org.aula.enrollment.domain;

/**
 * A cohort's seats: how many there are and how many are taken. Never oversold: the database
 * holds the same rule as a CHECK constraint, and a seat is only ever claimed by one conditional
 * update (see {@link Cohorts#claimSeat}).
 */
public record Seats(int capacity, int taken) {

    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 500;

    public Seats {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be " + MIN_CAPACITY + ".." + MAX_CAPACITY + ": " + capacity);
        }
        if (taken < 0 || taken > capacity) {
            throw new IllegalArgumentException("taken seats must be 0.." + capacity + ": " + taken);
        }
    }

    /** All seats free. */
    public static Seats empty(int capacity) {
        return new Seats(capacity, 0);
    }

    public boolean full() {
        return taken == capacity;
    }

    public int free() {
        return capacity - taken;
    }

    /** Whether {@code seatNumber} names one of these seats (they are numbered from 1). */
    public boolean exists(int seatNumber) {
        return seatNumber >= 1 && seatNumber <= capacity;
    }

    /** One seat more taken; refuses when none is free. */
    Seats takeOne() {
        if (full()) {
            throw new IllegalStateException("every seat is taken");
        }
        return new Seats(capacity, taken + 1);
    }

    /** One seat fewer taken; refuses when none is. */
    Seats releaseOne() {
        if (taken == 0) {
            throw new IllegalStateException("no seat is taken");
        }
        return new Seats(capacity, taken - 1);
    }
}
