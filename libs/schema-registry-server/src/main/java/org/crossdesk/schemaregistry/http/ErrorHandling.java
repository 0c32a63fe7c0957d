package org.crossdesk.schemaregistry.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.crossdesk.schemaregistry.store.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every 4xx/5xx carries Confluent's envelope, including the generic ones of the web stack. */
final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {}

    @RestControllerAdvice
    static class Advice {

        @ExceptionHandler(RegistryException.class)
        void registry(RegistryException e, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (e.httpStatus() >= 500) {
                log.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), e.getMessage(), e);
            }
            ErrorEnvelope.write(request, response, e.httpStatus(), e.errorCode(), e.getMessage());
        }

        @ExceptionHandler(RequestBodies.MalformedBodyException.class)
        void malformed(RequestBodies.MalformedBodyException e, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            ErrorEnvelope.write(request, response, e.status(), e.status(), e.getMessage());
        }

        @ExceptionHandler({
            NoHandlerFoundException.class,
            NoResourceFoundException.class,
            MethodArgumentTypeMismatchException.class
        })
        void notFound(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
            // JAX-RS answers 404 also when a path or query parameter does not convert (e.g. /schemas/ids/x).
            generic(404, request, response);
        }

        @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
        void methodNotAllowed(
                HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (e.getSupportedHttpMethods() != null) {
                response.setHeader(
                        "Allow",
                        String.join(
                                ", ",
                                e.getSupportedHttpMethods().stream()
                                        .map(Object::toString)
                                        .toList()));
            }
            generic(405, request, response);
        }

        @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
        void unsupportedMediaType(Exception e, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            generic(415, request, response);
        }

        @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
        void notAcceptable(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
            generic(406, request, response);
        }

        @ExceptionHandler(Exception.class)
        void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
            log.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
            ErrorEnvelope.write(
                    request,
                    response,
                    500,
                    500,
                    "Internal Server Error: " + e.getClass().getSimpleName());
        }

        private static void generic(int status, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            ErrorEnvelope.write(request, response, status, status, ErrorEnvelope.generic(status));
        }
    }

    /** Errors raised before Spring MVC sees the request (e.g. Tomcat rejecting a URL) end up here. */
    @Controller
    static class ContainerErrors implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : 500;
            ErrorEnvelope.write(request, response, status, status, ErrorEnvelope.generic(status));
        }
    }
}
