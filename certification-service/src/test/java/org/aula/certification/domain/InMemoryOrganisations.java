package org.aula.certification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link Organisations} in memory, for tests of what documents say. */
public final class InMemoryOrganisations implements Organisations {

    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, byte[]> logos = new TreeMap<>();
    private final List<Awarding> awardings = new ArrayList<>();

    @Override
    public void name(String code, String name, Instant at) {
        names.put(code, name);
    }

    @Override
    public boolean giveLogo(String code, byte[] png) {
        if (!names.containsKey(code)) {
            return false;
        }
        logos.put(code, png);
        return true;
    }

    @Override
    public Optional<byte[]> logo(String code) {
        return Optional.ofNullable(logos.get(code));
    }

    @Override
    public Optional<Organisation> withCode(String code) {
        return Optional.ofNullable(names.get(code)).map(name -> new Organisation(code, name, logos.containsKey(code)));
    }

    @Override
    public List<Organisation> all() {
        return names.keySet().stream().map(code -> withCode(code).orElseThrow()).toList();
    }

    @Override
    public void define(Awarding awarding) {
        awardings.add(awarding);
    }

    @Override
    public Optional<Awarding> inForce(Awarding.Scope scope, String code, Instant at) {
        List<Awarding> defined = awardings.stream().filter(a -> a.scope() == scope && a.code().equals(code))
                .sorted(Comparator.comparing(Awarding::definedAt)).toList();
        return defined.stream().filter(a -> !a.definedAt().isAfter(at)).reduce((first, second) -> second)
                .or(() -> defined.stream().findFirst());
    }
}
