package org.aula.enrollment.web;

import org.aula.enrollment.application.LoadDemoData;
import org.aula.events.runtime.security.Access;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo-data}: loads the seed story's catalogue and cohorts, idempotently (what exists stays).
 * Only where {@code aula.enrollment.demo-data.endpoint=true}, which the local platform sets: a real
 * deployment has no such endpoint (404).
 */
@RestController
@ConditionalOnBooleanProperty("aula.enrollment.demo-data.endpoint")
class DemoDataController {

    private final LoadDemoData demoData;

    DemoDataController(LoadDemoData demoData) {
        this.demoData = demoData;
    }

    /** 200 with how many institutions, courses, programmes and cohorts were new (all 0 the second time). */
    @PostMapping("/demo-data")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    LoadDemoData.Loaded load() {
        return demoData.load();
    }
}
