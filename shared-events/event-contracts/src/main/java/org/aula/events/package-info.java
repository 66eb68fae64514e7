/**
 * Aula's published event contract: CloudEvents 1.0 over Kafka (binary mode), one record per
 * event type, the topic catalog. Free of Spring; partners may depend on this module alone.
 */
package org.aula.events;
