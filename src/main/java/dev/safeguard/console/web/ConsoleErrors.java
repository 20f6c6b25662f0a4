package dev.safeguard.console.web;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A problem that escapes a console controller (a missing user, a refused action) becomes an HTML page with the
 * problem's safe message and status instead of a JSON document. Anything unexpected still goes to the platform's
 * handler, which answers with an incident id only; no stack trace ever reaches the page.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException problem, HttpServletResponse response) {
        if (problem.kind() == ProblemKind.AUTHENTICATION_REQUIRED || problem.kind() == ProblemKind.SESSION_EXPIRED) {
            return new ModelAndView("redirect:/login");
        }
        return page(problem.kind(), Problems.describe(problem), response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badForm(Exception e, HttpServletResponse response) {
        return page(ProblemKind.VALIDATION, "The form was incomplete; go back and fill in every field", response);
    }

    private static ModelAndView page(ProblemKind kind, String message, HttpServletResponse response) {
        response.setStatus(kind.status());
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("title", kind.title());
        page.addObject("error", message);
        page.addObject("status", kind.status());
        return page;
    }
}
