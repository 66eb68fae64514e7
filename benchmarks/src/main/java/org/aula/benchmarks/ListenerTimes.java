package org.aula.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long each Kafka listener of a service spent on a record, from the service's own Spring Kafka listener
 * observation ({@code spring_kafka_listener_seconds} on {@code /actuator/prometheus}): records and seconds
 * between two scrapes, so a pass's mean time per record. Beside the arrival rate it says how busy a listener's
 * thread was, which is what its queue (and the end-to-end tail) follows. A record listener's time includes its
 * transaction's commit. A batch listener (event-runtime's PollTransactions) has two: each poll, its commit included
 * ({@code aula_messaging_poll}), and each record inside the poll's transaction, without it
 * ({@code aula_messaging_record}). (Before this runtime timed batch listeners itself, Spring Kafka did, with tags
 * name and result: read as "a poll" too, for the baseline's services.)
 */
final class ListenerTimes {

    private static final Pattern LINE = Pattern.compile(
            "^(spring_kafka_listener|aula_messaging_record|aula_messaging_poll)_seconds_(sum|count)\\{([^}]*)\\}\\s+(\\S+)");
    /** A record listener's observation names it by this tag, Spring Kafka's own timer of a batch listener by name. */
    private static final Pattern ID = Pattern.compile("(?:^|,)(?:spring_kafka_listener_id|name)=\"([^\"]*)\"");
    /** A record of a poll (event-runtime's PollTransactions). */
    private static final Pattern LISTENER = Pattern.compile("(?:^|,)listener=\"([^\"]*)\"");
    private static final Pattern ERROR = Pattern.compile("error=\"([^\"]*)\"");

    /** One listener's totals: records and seconds. */
    record Total(double records, double seconds) {

        Total minus(Total earlier) {
            return new Total(records - earlier.records, seconds - earlier.seconds);
        }

        double meanMillis() {
            return records == 0 ? 0 : seconds * 1000 / records;
        }
    }

    private ListenerTimes() {
    }

    /** The totals by listener id (the container's thread suffix dropped: a listener's threads are summed). */
    static Map<String, Total> scrape(Http operations, URI service) {
        Map<String, double[]> totals = new TreeMap<>();
        for (String line : operations.text(service.resolve("/actuator/prometheus")).split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.find()) {
                continue;
            }
            String tags = matcher.group(3);
            String metric = matcher.group(1);
            Matcher id = (metric.startsWith("aula") ? LISTENER : ID).matcher(tags);
            Matcher error = ERROR.matcher(tags);
            boolean failed = (error.find() && !"none".equals(error.group(1))) || tags.contains("outcome=\"failed\"")
                    || tags.contains("result=\"failure\"");
            boolean poll = metric.equals("aula_messaging_poll") || tags.contains("result=");
            String name = (id.find() ? id.group(1).replaceAll("-\\d+$", "") : "?")
                    + (metric.equals("aula_messaging_record") ? " (a record of a poll, without its commit)"
                            : poll ? " (a poll, its commit included)" : "")
                    + (failed ? " (failed)" : "");
            double[] total = totals.computeIfAbsent(name, key -> new double[2]);
            total["count".equals(matcher.group(2)) ? 0 : 1] += Double.parseDouble(matcher.group(4));
        }
        Map<String, Total> result = new LinkedHashMap<>();
        totals.forEach((name, total) -> result.put(name, new Total(total[0], total[1])));
        return result;
    }

    /** "listener 1.23 ms (6000 records), listener (a poll, ...) 4.56 ms (3000 polls), ..." */
    static String describe(Map<String, Total> totals) {
        return totals.entrySet().stream()
                .map(entry -> String.format("%s %.2f ms (%.0f %s)", entry.getKey(), entry.getValue().meanMillis(),
                        entry.getValue().records(), entry.getKey().contains("(a poll") ? "polls" : "records"))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** What each listener did between {@code before} and {@code after}; listeners with no record left out. */
    static Map<String, Total> between(Map<String, Total> before, Map<String, Total> after) {
        Map<String, Total> spent = new LinkedHashMap<>();
        after.forEach((name, total) -> {
            Total delta = total.minus(before.getOrDefault(name, new Total(0, 0)));
            if (delta.records() > 0) {
                spent.put(name, delta);
            }
        });
        return spent;
    }
}
