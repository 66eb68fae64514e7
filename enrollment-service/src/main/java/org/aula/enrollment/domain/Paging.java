package org.aula.enrollment.domain;

import java.util.List;
import java.util.function.Function;

/** Which page of a list to read: {@code page} from 0, {@code size} items at most. */
public record Paging(int page, int size) {

    public Paging {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** One page of a list and how many items the whole list has. */
    public record Page<T>(List<T> items, long total, Paging paging) {

        public Page {
            items = List.copyOf(items);
        }

        public <R> Page<R> map(Function<T, R> mapping) {
            return new Page<>(items.stream().map(mapping).toList(), total, paging);
        }

        public int totalPages() {
            return (int) ((total + paging.size() - 1) / paging.size());
        }
    }
}
