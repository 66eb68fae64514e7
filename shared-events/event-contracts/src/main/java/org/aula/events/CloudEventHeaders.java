package org.aula.events;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the record value is the event data (JSON)
 * and the context attributes travel as {@code ce_}-prefixed headers; {@code datacontenttype}
 * travels as the plain {@code content-type} header. Header values are UTF-8 strings.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    /** The only spec version Aula writes and reads. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Aula's event data is always JSON. */
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
