package org.aula.events.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.aula.events.AulaEvent;
import org.aula.events.EventCatalog;

/**
 * What one consumer does with each event type it cares about; types it does not list are
 * ignored, so a topic may carry new types without breaking old consumers.
 */
public final class EventHandlers {

    private final String consumer;
    private final Map<String, Handler<?>> byType;

    private EventHandlers(String consumer, Map<String, Handler<?>> byType) {
        this.consumer = consumer;
        this.byType = Collections.unmodifiableMap(byType);
    }

    /** Starts the handlers of a named consumer; the name scopes its inbox (use one name per effect). */
    public static Builder forConsumer(String consumer) {
        return new Builder(consumer);
    }

    public String consumer() {
        return consumer;
    }

    Optional<Handler<?>> handlerOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    record Handler<T extends AulaEvent>(Class<T> payloadType, Consumer<T> action) {

        void apply(Object payload) {
            action.accept(payloadType.cast(payload));
        }
    }

    /** Collects one handler per event payload type. */
    public static final class Builder {

        private final String consumer;
        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        public <T extends AulaEvent> Builder on(Class<T> payloadType, Consumer<T> action) {
            byType.put(EventCatalog.of(payloadType).type(), new Handler<>(payloadType, action));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(consumer, new LinkedHashMap<>(byType));
        }
    }
}
