package org.aula.console.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The start page (links to what the person's roles allow) and the page of a refused request. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @RequestMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forbidden";
    }
}
