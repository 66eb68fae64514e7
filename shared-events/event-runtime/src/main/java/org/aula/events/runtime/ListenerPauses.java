package org.aula.events.runtime;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * During a back-off the listener container is paused rather than its consumer thread put to sleep: the consumer
 * keeps polling (no rebalance, however long a database stays away) and stops promptly on shutdown. Spring Kafka's
 * {@link ContainerPausingBackOffHandler} does the work; this only gives it its own scheduler (not a bean, so a
 * service's {@code @Scheduled} work never lands on it) and the registry, which exists only once the context runs.
 */
class ListenerPauses implements BackOffHandler, DisposableBean {

    private final ObjectProvider<ListenerContainerRegistry> registry;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile ContainerPausingBackOffHandler pausing;

    ListenerPauses(ObjectProvider<ListenerContainerRegistry> registry) {
        this.registry = registry;
        scheduler.setThreadNamePrefix("aula-listener-resume-");
        scheduler.setDaemon(true);
        scheduler.initialize();
    }

    private ContainerPausingBackOffHandler pausing() {
        if (pausing == null) {
            synchronized (this) {
                if (pausing == null) {
                    pausing = new ContainerPausingBackOffHandler(new ListenerContainerPauseService(registry.getObject(), scheduler));
                }
            }
        }
        return pausing;
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
        if (container == null) {
            // No container to pause (an error handler used outside a container): sleep, as Spring Kafka's default does.
            new DefaultBackOffHandler().onNextBackOff(null, exception, nextBackOff);
            return;
        }
        pausing().onNextBackOff(container, exception, nextBackOff);
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, TopicPartition partition, long nextBackOff) {
        pausing().onNextBackOff(container, partition, nextBackOff);
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
