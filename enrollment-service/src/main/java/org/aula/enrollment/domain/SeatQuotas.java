package org.aula.enrollment.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The most places (seats and waitlist places together) each listed institution may hold in one
 * cohort; an institution not listed has no limit. A nomination beyond its institution's quota is
 * refused, so waiting in line never becomes a way around the quota.
 */
public record SeatQuotas(Map<InstitutionCode, Integer> places) {

    public SeatQuotas {
        places.forEach((institution, count) -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("quota of " + institution + " must be at least 1: " + count);
            }
        });
        places = Map.copyOf(places);
    }

    /** No quotas at all. */
    public static SeatQuotas none() {
        return new SeatQuotas(Map.of());
    }

    /** The quota of an institution, if it has one. */
    public Optional<Integer> placesFor(InstitutionCode institution) {
        return Optional.ofNullable(places.get(institution));
    }

    /** Whether an institution already holding {@code held} places may take {@code more}. */
    public boolean admit(InstitutionCode institution, int held, int more) {
        return placesFor(institution).map(quota -> held + more <= quota).orElse(true);
    }

    /** These quotas with one institution's quota set, or removed when {@code count} is null. */
    public SeatQuotas with(InstitutionCode institution, @Nullable Integer count) {
        Map<InstitutionCode, Integer> changed = new HashMap<>(places);
        if (count == null) {
            changed.remove(institution);
        } else {
            changed.put(institution, count);
        }
        return new SeatQuotas(changed);
    }
}
