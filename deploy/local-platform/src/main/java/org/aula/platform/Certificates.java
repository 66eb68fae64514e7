package org.aula.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Chapter five: certification-service issues a certificate per completion on its own, and anyone can verify one. */
final class Certificates {

    private final PlatformCalls platform;
    private final Cohorts cohorts;
    private final List<DemoReport.Certificate> issued = new ArrayList<>();
    private @Nullable String verificationStatus;

    Certificates(PlatformCalls platform, Cohorts cohorts) {
        this.platform = platform;
        this.cohorts = cohorts;
    }

    String awaitIssued() {
        int completers = Completions.completers();
        URI list = platform.certification("/certificates?cohortId=" + JsonHttp.query(cohorts.mayId()));
        JsonNode answer = PlatformCalls.await(completers + " certificates at " + list, PlatformCalls.STEP_TIMEOUT, () -> {
            JsonNode listed = platform.coordinator.get(list);
            if (listed.size() > completers) {
                throw new IllegalStateException(listed.size() + " certificates for " + completers + " completions");
            }
            return listed.size() == completers ? Optional.of(listed) : Optional.empty();
        });
        for (JsonNode certificate : answer) {
            issued.add(new DemoReport.Certificate(certificate.path("number").asString(null),
                    certificate.path("holderName").asString(null), certificate.path("participantId").asString(null),
                    certificate.path("verificationUrl").asString(null)));
        }
        long withNumberAndHolder = issued.stream()
                .filter(c -> c.number() != null && !c.number().isBlank() && c.holderName() != null && !c.holderName().isBlank())
                .count();
        if (withNumberAndHolder != issued.size()) {
            throw new IllegalStateException((issued.size() - withNumberAndHolder) + " certificates lack a number or holder");
        }
        return issued.size() + " certificates, e.g. " + issued.get(0).number() + " for " + issued.get(0).holderName();
    }

    /** Verifies Inspector Pascascio's certificate (or the first) as a verifier would: without a token. */
    String verify() {
        DemoReport.Certificate pascascio = issued.stream()
                .filter(c -> SeedStory.PASCASCIO.equals(c.holderName()))
                .findFirst().orElse(issued.get(0));
        JsonNode verification = platform.verifier.get(platform.certification("/certificates/"
                + JsonHttp.query(pascascio.number()) + "/verification"));
        verificationStatus = verification.path("status").asString(null);
        if (!"VALID".equals(verificationStatus)) {
            throw new IllegalStateException("certificate " + pascascio.number() + " verified as " + verificationStatus);
        }
        List<String> awardedBy = new ArrayList<>();
        verification.path("awardingOrganisations").forEach(organisation -> awardedBy.add(organisation.path("name").asString(null)));
        if (!awardedBy.equals(SeedStory.AWARDING_ORGANISATIONS.stream().map(SeedStory.Organisation::name).toList())) {
            throw new IllegalStateException("certificate " + pascascio.number() + " names as awarding organisations " + awardedBy);
        }
        return pascascio.number() + " (" + pascascio.holderName() + ", " + verification.path("institutionName").asString(null)
                + "), awarded by " + String.join(" with ", awardedBy) + ": " + verificationStatus;
    }

    List<DemoReport.Certificate> issued() {
        return List.copyOf(issued);
    }

    @Nullable String verificationStatus() {
        return verificationStatus;
    }
}
