package org.aula.deploy.identity;

import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's sign-in page: one button per demo user, each a form that posts that user's name
 * and the shared demo password to Spring Security's form login, so a person signs in with one click.
 * Each button has the id {@code sign-in-<username>} for browser tests.
 */
@RestController
final class SignInPage {

    /** Where the page lives and where its forms post. */
    static final String PATH = "/login";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final List<DemoUser> users;

    SignInPage(IdentityServerConfiguration.IdentitySetup setup) {
        this.users = setup.users();
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signIn(CsrfToken csrf, @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout) {
        StringBuilder page = new StringBuilder(head("Sign in to Aula"));
        page.append("<main>\n<h1>Sign in to Aula</h1>\n");
        page.append("<p>Aula's local identity provider. Pick who you are: each person below is a demo user"
                + " with the roles shown. In production the organisation's own provider signs you in.</p>\n");
        if (error != null) {
            page.append("<p role=\"alert\" class=\"notice\">That sign-in did not work. Pick a person again.</p>\n");
        }
        if (logout != null) {
            page.append("<p role=\"status\" class=\"notice\">You are signed out.</p>\n");
        }
        page.append("<ul class=\"users\">\n");
        for (DemoUser user : users) {
            String id = "sign-in-" + htmlEscape(user.username());
            page.append("<li><form method=\"post\" action=\"").append(PATH).append("\">")
                    .append(hidden("username", user.username()))
                    .append(hidden("password", DemoUser.PASSWORD))
                    .append(hidden(csrf.getParameterName(), csrf.getToken()))
                    .append("<button type=\"submit\" id=\"").append(id).append("\">")
                    .append("<span class=\"name\">").append(htmlEscape(user.name())).append("</span>")
                    .append("<span class=\"what\">").append(htmlEscape(describe(user))).append("</span>")
                    .append("</button></form></li>\n");
        }
        page.append("</ul>\n</main>\n</body>\n</html>\n");
        return ResponseEntity.ok().contentType(HTML).body(page.toString());
    }

    /** After signing in without a client to return to: say who is signed in. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signedIn(Principal principal) {
        String page = head("Signed in") + "<main>\n<h1>Signed in</h1>\n<p>You are signed in as "
                + htmlEscape(principal.getName()) + ". Go back to the Aula console.</p>\n</main>\n</body>\n</html>\n";
        return ResponseEntity.ok().contentType(HTML).body(page);
    }

    /** {@code coordinator}, or {@code partner · POLICE}. */
    static String describe(DemoUser user) {
        String roles = String.join(", ", new TreeSet<>(user.roles()));
        return user.institution() == null ? roles : roles + " · " + user.institution().toUpperCase(Locale.ROOT);
    }

    /** Escapes markup only: the page is UTF-8, so letters and the middle dot stay as they are. */
    private static String htmlEscape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + htmlEscape(name) + "\" value=\"" + htmlEscape(value) + "\">";
    }

    private static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f4; color: #111; }
                  main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
                  ul.users { list-style: none; padding: 0; }
                  ul.users li { margin: 0 0 .75rem; }
                  button { width: 100%%; min-height: 3.5rem; text-align: left; padding: .75rem 1rem; font-size: 1.1rem;
                           background: #fff; color: #111; border: 2px solid #1a4d8f; border-radius: .5rem; cursor: pointer; }
                  button:hover, button:focus { background: #1a4d8f; color: #fff; outline: 3px solid #f2b705; }
                  .name { display: block; font-weight: bold; }
                  .what { display: block; font-size: .95rem; }
                  .notice { border-left: 4px solid #1a4d8f; background: #fff; padding: .5rem 1rem; }
                </style>
                </head>
                <body>
                """.formatted(htmlEscape(title));
    }
}
