package archfixture.good.domain;

import org.jspecify.annotations.Nullable;

public record Seat(String id, @Nullable String holder) {
}
