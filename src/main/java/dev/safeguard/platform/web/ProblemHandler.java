package dev.safeguard.platform.web;

import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.DateRange;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every exception a REST controller can raise to a problem document. The caller's mistakes become 4xx with a
 * message that says what to fix; anything else becomes a 500 carrying only an incident id, which the log records
 * next to the exception.
 */
@RestControllerAdvice
@Order(0)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemResponses problems;

    ProblemHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Map<String, Object>> problem(ProblemException e, HttpServletRequest request) {
        return problems.entity(e, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldError).toList();
        return problems.entity(ProblemKind.VALIDATION, "One or more fields are invalid", request, null,
                Map.of("errors", errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return problems.entity(ProblemKind.VALIDATION, "One or more parameters are invalid", request, null,
                Map.of("errors", errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> invalid(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
        return problems.entity(ProblemKind.VALIDATION, "One or more fields are invalid", request, null,
                Map.of("errors", errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (RequestBodyLimitFilter.exceeded(e)) {
            return problems.entity(ProblemKind.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.DETAIL, request, null,
                    Map.of());
        }
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof UnrecognizedPropertyException unknown
                ? "Unknown field '" + unknown.getPropertyName() + "'; allowed fields are "
                        + unknown.getKnownPropertyIds()
                : cause instanceof MismatchedInputException m && DateRange.DETAIL.equals(m.getOriginalMessage())
                ? DateRange.DETAIL
                : "The body is missing or is not valid JSON of the expected shape";
        return problems.entity(ProblemKind.MALFORMED_BODY, detail, request, null, Map.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        MissingRequestHeaderException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
        String detail = "Invalid parameter";
        if (e instanceof MissingServletRequestParameterException m) {
            detail = "Missing parameter '" + m.getParameterName() + "'";
        } else if (e instanceof MethodArgumentTypeMismatchException m) {
            detail = "Parameter '" + m.getName() + "' has the wrong format"
                    + (DateRange.DETAIL.equals(m.getMostSpecificCause().getMessage()) ? ". " + DateRange.DETAIL : "");
        } else if (e instanceof MissingRequestHeaderException m) {
            detail = "Missing header '" + m.getHeaderName() + "'";
        }
        return problems.entity(ProblemKind.VALIDATION, detail, request, null, Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.entity(ProblemKind.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here",
                request, null, Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.entity(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", request, null,
                Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e,
                                                      HttpServletRequest request) {
        return problems.entity(ProblemKind.NOT_ACCEPTABLE, "This resource answers with application/json", request,
                null, Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return problems.entity(ProblemKind.NOT_FOUND, "No resource at this path", request, null, Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.entity(ProblemKind.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.DETAIL, request, null, Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        log.atError().addKeyValue("incident", incident).setCause(e).log("Unhandled error");
        return problems.entity(ProblemKind.INTERNAL, "Quote incident " + incident + " to your administrator",
                request, null, Map.of("incidentId", incident));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }
}
