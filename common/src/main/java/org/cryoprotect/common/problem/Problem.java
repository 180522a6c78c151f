package org.cryoprotect.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document. {@code errors} lists the offending fields, when there are any. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(int status, String title, String detail) {
        this("about:blank", title, status, detail, null);
    }

    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
