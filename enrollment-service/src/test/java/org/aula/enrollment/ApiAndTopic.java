package org.aula.enrollment;

import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What most ITs of the service start from: a coordinator's {@link #api} on the running service, its database, and
 * the enrolment {@link #topic} read from the start of each test on.
 */
abstract class ApiAndTopic {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    EventScenario topic;

    @BeforeEach
    void connect() {
        api = new Api(port);
        topic = EventScenario.fromEnd(Topics.ENROLLMENT);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }
}
