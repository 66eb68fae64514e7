package org.aula.console.web;

import java.util.List;

/** A message shown once after a redirect: a key of messages.properties and its arguments. */
public record Notice(String key, List<Object> args) {

    static Notice of(String key, Object... args) {
        return new Notice(key, List.of(args));
    }

    /** The arguments as Thymeleaf's {@code #messages.msgWithParams} wants them. */
    public Object[] params() {
        return args.toArray();
    }
}
