package org.aula.console.web;

import org.aula.console.ConsoleProperties;
import org.aula.console.security.Staff;
import org.aula.console.services.ServiceRefused;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What every page knows (the signed-in person), and a service's refusal shown as the person's
 * problem in plain words, with the service's own reason, never a stack trace.
 */
@ControllerAdvice
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final ConsoleProperties properties;

    ConsoleAdvice(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("staff")
    @Nullable Staff staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getPrincipal())) {
            return null;
        }
        return Staff.of(authentication, properties.institutionClaim());
    }

    @ExceptionHandler(ServiceRefused.class)
    String refused(ServiceRefused refusal, Model model, HttpServletResponse response) {
        log.info("{} refused a console request: {} {}", refusal.service(), refusal.status(), refusal.title());
        response.setStatus(refusal.unreachable() ? 503 : refusal.status() >= 500 ? 502 : refusal.status());
        model.addAttribute("refusal", refusal);
        model.addAttribute("reason", reason(refusal));
        return "refused";
    }

    /** The message key that explains the refusal in the person's words. */
    static String reason(ServiceRefused refusal) {
        return switch (refusal.status()) {
            case 0 -> "refused.unreachable";
            case 400, 422 -> "refused.input";
            case 401 -> "refused.signIn";
            case 403 -> "refused.forbidden";
            case 404 -> "refused.notFound";
            case 409, 410 -> "refused.conflict";
            default -> refusal.status() >= 500 ? "refused.broken" : "refused.other";
        };
    }
}
