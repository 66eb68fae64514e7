package org.aula.console.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aula.console.services.EnrollmentApi;
import org.aula.console.services.EnrollmentApi.Offer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator's cohort board: every cohort with its seats, waitlist, quotas and pending offers. */
@Controller
class BoardController {

    private final EnrollmentApi enrollment;

    BoardController(EnrollmentApi enrollment) {
        this.enrollment = enrollment;
    }

    @GetMapping("/cohorts")
    String board(Model model) {
        List<EnrollmentApi.Cohort> cohorts = enrollment.cohorts();
        Map<String, Long> pendingOffers = enrollment.offers().stream().filter(Offer::pending)
                .collect(Collectors.groupingBy(Offer::cohortId, Collectors.counting()));
        model.addAttribute("cohorts", cohorts);
        model.addAttribute("pendingOffers", pendingOffers);
        return "board";
    }
}
