package archfixture.shared.web;

/** Stands for a web type (ApiProblem, HttpStatus). */
public record HttpAnswer(int status) {
}
